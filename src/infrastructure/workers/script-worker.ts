import { existsSync } from 'node:fs';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The script of a worker thread, named without its extension: `<base>.js` in the built app (`dist/`), else
 * the TypeScript source `<base>.ts` (tests, the bench, `npm run crm`, all under ts-node or ts-jest).
 */
export const workerScript = (base: string): string =>
  existsSync(`${base}.js`) ? `${base}.js` : `${base}.ts`;

/** A worker thread on that script: a `.ts` one compiles its TypeScript on load through ts-node, as its caller does. */
export const startWorker = (file: string, options: WorkerOptions = {}): Worker => {
  if (!file.endsWith('.ts')) return new Worker(file, options);
  const register = require.resolve('ts-node/register/transpile-only', { paths: [__dirname] });
  return new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(file)});`, {
    ...options,
    eval: true,
  });
};
