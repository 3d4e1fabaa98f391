import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

type Case = readonly [file: string, specifier: string];

/**
 * Lints planted files as if they stood at their paths, with the project's own ESLint configuration, in one
 * child process (ESLint's API is ESM, which jest's CommonJS runtime does not load).
 */
const restrictedImports = (cases: readonly Case[]): string[][] => {
  const script = `
    const { ESLint } = require('eslint');
    const cases = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const found = [];
      for (const [filePath, code] of cases) {
        const [result] = await eslint.lintText(code, { filePath });
        found.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(found));
    })();`;
  const input = cases.map(([file, specifier]) => [file, planted(specifier)]);
  const run = spawnSync(process.execPath, ['-e', script, JSON.stringify(input)], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
};

const planted = (specifier: string) => `import { x } from '${specifier}';\nexport const y = x;\n`;

/**
 * The layers may not import one above them (docs/architecture.md). Each case plants a forbidden import in a
 * file that does not exist and expects the lint that `npm test` runs to refuse it, and an allowed one to pass.
 */
const FORBIDDEN: readonly Case[] = [
  ['src/domain/complaint/planted.ts', '../../application/shared/command-context'],
  ['src/domain/complaint/planted.ts', '@nestjs/common'],
  ['src/application/complaint/planted.ts', '../../infrastructure/request-context'],
  ['src/application/complaint/planted.ts', '../../infrastructure/config/app-config'],
  ['src/application/complaint/planted.ts', 'fastify'],
  ['src/application/complaint/planted.ts', '@nestjs/swagger'],
  ['src/projections/complaint-details/planted.ts', '../../infrastructure/sqlite/sqlite-read-store'],
  ['src/projections/complaint-details/planted.ts', 'fastify'],
  ['src/infrastructure/sqlite/planted.ts', '../http/shared/command-sender'],
  ['src/infrastructure/projections/planted.ts', '../http/shared/problem-details'],
];

const ALLOWED: readonly Case[] = [
  ['src/application/complaint/planted.ts', '../../domain/complaint/complaint.decider'],
  ['src/application/complaint/planted.ts', '../ports/event-store.port'],
  ['src/projections/complaint-details/planted.ts', '../../domain/shared/time'],
  ['src/infrastructure/http/complaint/planted.ts', '../../../application/complaint/complaint.queries'],
  ['src/infrastructure/sqlite/planted.ts', '../../application/ports/event-store.port'],
];

describe('layer boundaries, enforced by ESLint', () => {
  const messages = restrictedImports([...FORBIDDEN, ...ALLOWED]);

  it.each(FORBIDDEN.map((entry, index) => [...entry, index] as const))(
    'refuses %s importing %s',
    (_file, _specifier, index) => {
      expect(messages[index]).not.toEqual([]);
    },
  );

  it.each(ALLOWED.map((entry, index) => [...entry, FORBIDDEN.length + index] as const))(
    'lets %s import %s',
    (_file, _specifier, index) => {
      expect(messages[index]).toEqual([]);
    },
  );
});
