import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

/** Milliseconds since an arbitrary origin, sub-millisecond resolution. */
export const nowMs = (): number => Number(process.hrtime.bigint()) / 1e6;

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const rate = (events: number, ms: number): number => (ms <= 0 ? 0 : Math.round((events * 1000) / ms));

export const intFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
};

/** A temp directory removed on exit, even when the bench throws. */
export const tempDir = (): { dir: string; file: (name: string) => string; cleanup: () => void } => {
  const dir = mkdtempSync(join(os.tmpdir(), 'crm-bench-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', cleanup);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      cleanup();
      process.exit(130);
    });
  }
  return { dir, file: (name) => join(dir, name), cleanup };
};

/** Removes a SQLite file with its WAL and shared-memory files. */
export const removeSqlite = (file: string): void => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
};

export const machine = () => {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
};

export const peakRssMiB = (): number => Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;

export const fmtInt = (value: number): string => Math.round(value).toLocaleString('en-US');

export type Row = Readonly<{
  measure: string;
  value: string;
  unit: string;
  target?: string;
  status?: string;
}>;

/** An aligned text table: text columns left-aligned, the value column right-aligned. */
export const table = (rows: readonly Row[]): string => {
  const header: Row = { measure: 'measure', value: 'value', unit: 'unit', target: 'target', status: '' };
  const all = [header, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((row) => (row[key] ?? '').length));
  const w = {
    measure: width('measure'),
    value: width('value'),
    unit: width('unit'),
    target: width('target'),
  };
  const line = (row: Row) =>
    [
      row.measure.padEnd(w.measure),
      row.value.padStart(w.value),
      row.unit.padEnd(w.unit),
      (row.target ?? '').padEnd(w.target),
      row.status ?? '',
    ]
      .join('  ')
      .trimEnd();
  const rule = '-'.repeat(w.measure + w.value + w.unit + w.target + 14);
  return [line(header), rule, ...rows.map(line)].join('\n');
};

/** "ok" / "BELOW" beside a figure with a target; benchmarks never fail the run. */
export const verdict = (value: number, target: number): string => (value >= target ? 'ok' : 'BELOW');
