import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as ts from 'typescript';

/**
 * The CLI as plain JavaScript, for the tests that run it as a child process.
 *
 * `ts-node/register/transpile-only` transpiles every module of the CLI again in each child: about 6.7 s a start
 * on this machine, against 1.1 s for the same modules already transpiled, and the CLI tests start it some 50
 * times. This transpiles `src` once, file by file, with TypeScript's `transpileModule` and the project's own
 * compiler options (what ts-node's transpile-only mode does, `isolatedModules` is on), into
 * `node_modules/.cache/crm-cli/<hash of the sources>/`, shared by the Jest workers: a changed source gives a new
 * hash, so a stale copy is never run. Node finds the packages from there by walking up to `node_modules`.
 */
const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return path.endsWith('.ts') || path.endsWith('.json') ? [path] : [];
    })
    .sort();

const compilerOptions = (): ts.CompilerOptions => {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error('tsconfig.json could not be read');
  return {
    ...parsed.options,
    sourceMap: false,
    inlineSourceMap: true,
    inlineSources: false,
    incremental: false,
  };
};

let compiled: string | undefined;

/** The path of the CLI's compiled entry point (`src/cli/main.js`), transpiling the sources on first use. */
export const compiledCli = (): string => {
  if (compiled) return compiled;
  const files = sourceFiles(SRC);
  const hash = createHash('sha256').update(ts.version);
  hash.update(readFileSync(join(ROOT, 'tsconfig.json')));
  for (const file of files)
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  const cache = join(ROOT, 'node_modules', '.cache', 'crm-cli');
  const target = join(cache, hash.digest('hex').slice(0, 16));
  const entry = join(target, 'src', 'cli', 'main.js');
  if (!existsSync(entry)) {
    const options = compilerOptions();
    const scratch = `${target}.${process.pid}.tmp`;
    rmSync(scratch, { recursive: true, force: true });
    for (const file of files) {
      const out = join(scratch, relative(ROOT, file));
      mkdirSync(dirname(out), { recursive: true });
      if (file.endsWith('.json')) {
        copyFileSync(file, out);
        continue;
      }
      const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
        compilerOptions: options,
        fileName: file,
      });
      writeFileSync(out.replace(/\.ts$/, '.js'), outputText);
    }
    try {
      renameSync(scratch, target);
    } catch (error) {
      // Another Jest worker finished first: its copy is the same sources, keep it.
      rmSync(scratch, { recursive: true, force: true });
      if (!existsSync(entry)) throw error;
    }
  }
  compiled = entry;
  return entry;
};

/** Runs `crm <args>` as a child process on `dataDir`, with `env` over this process's environment. */
export const runCrm = (
  dataDir: string,
  args: readonly string[],
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, [compiledCli(), ...args], {
    env: { ...process.env, DATA_DIR: dataDir, ...env },
    encoding: 'utf8',
    timeout: timeoutMs,
  });
