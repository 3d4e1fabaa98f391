import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * Each measurement runs in its own Node process, so its peak RSS is its own and one stage's garbage does
 * not slow the next. A stage prints progress on stderr and its result as one JSON line on stdout.
 */
export const runStage = <T>(
  script: string,
  args: readonly string[],
  options: Readonly<{
    env?: Record<string, string>;
    maxOldSpaceMiB?: number;
    onLine?: (line: string) => void;
  }> = {},
): Promise<T> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...(options.maxOldSpaceMiB ? [`--max-old-space-size=${options.maxOldSpaceMiB}`] : []),
        '-r',
        'ts-node/register/transpile-only',
        join(__dirname, script),
        ...args,
      ],
      {
        env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '..', 'tsconfig.json'), ...options.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const lines = stdout.split('\n');
      for (const line of lines.slice(0, -1)) if (!line.startsWith('{')) options.onLine?.(line);
    });
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = stdout
        .trim()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .pop();
      if (code !== 0 || !last)
        reject(new Error(`bench stage ${script} exited with ${String(code)}: see its output above`));
      else resolve(JSON.parse(last) as T);
    });
  });

/** For a stage: its result as the last line of stdout. */
export const report = (result: unknown): void => {
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

export const stageProgress = (stage: string, message: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)} ${stage}] ${message}\n`);
};

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

export const round1 = (value: number): number => Math.round(value * 10) / 10;
