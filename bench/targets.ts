/**
 * The targets of issue 14 ("Speed by design"), each read from the bench's result JSON and judged: met,
 * missed, or not measured by this run (a figure another stage adds when it lands: the rebuild at 1/2/4
 * workers `rebuilt.byWorkers`, the failover of a killed worker `failover.ms`, the bare NestJS server
 * `http.bareNest.serverCpuMsPerRequest`). Benchmarks never fail on them.
 */
import { isFeedRow } from './kpi-scale';
import { fmtInt } from './support';

export const ISSUE_14 = {
  commandsOfNoopPercent: 50,
  serverCpuMsPerCommand: 0.8,
  /** Emmett 0.42 + emmett-sqlite, `POST /complaints`, as issue 14 measured it (HEAD 65200f3, this machine). */
  emmettCommandsPerSecond: 182,
  ofEmmett: 4,
  openLoopP99Ms: 15,
  lagP99Ms: 100,
  noopCpuOfBareNest: 1.5,
  rebuildPerSec: 100_000,
  rebuildOfScanPercent: 35,
  peakRssMiB: 400,
  failoverMs: 10_000,
  kpiP95Ms: 10,
  kpiLongOfDefault: 1.2,
} as const;

const NOT_MEASURED = 'not measured by this run';

/** The value at a dotted path of a JSON document, if it is there. */
const at = (document: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      document,
    );
const num = (document: unknown, path: string): number | null => {
  const value = at(document, path);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

/** `rebuilt.byWorkers` as events/s per worker count, whether each entry is a number or an object. */
export const rebuildByWorkers = (document: unknown): Array<{ workers: string; perSecond: number }> => {
  const byWorkers = at(document, 'rebuilt.byWorkers');
  if (byWorkers === null || typeof byWorkers !== 'object') return [];
  return Object.entries(byWorkers as Record<string, unknown>).flatMap(([workers, entry]) => {
    const perSecond =
      typeof entry === 'number'
        ? entry
        : (num(entry, 'eventsPerSec') ??
          num(entry, 'rebuildEventsPerSec') ??
          num(entry, 'eventsPerSecond') ??
          num(entry, 'perSecond'));
    return perSecond === null ? [] : [{ workers, perSecond }];
  });
};

type Judged = Readonly<{ target: string; measured: string; status: string }>;

const judge = (target: string, measured: number | null, shown: string, met: boolean): Judged =>
  measured === null
    ? { target, measured: '', status: NOT_MEASURED }
    : { target, measured: shown, status: met ? 'met' : 'MISSED' };

/** Every target of issue 14, judged from `result` (the JSON `npm run bench` prints). */
export const issue14Targets = (result: unknown): Judged[] => {
  const t = ISSUE_14;
  const commandsPerSecond = num(result, 'http.commands.perSecond');
  const ofNoop = num(result, 'http.commandsOfNoopPercent');
  const cpuPerCommand = num(result, 'http.commands.serverCpuMsPerRequest');
  const openP99 = num(result, 'http.openLoop.p99Ms');
  const openRate = num(result, 'http.openLoop.ratePerSecond');
  const lagP99 = num(result, 'http.lag.p99Ms');
  const noopCpu = num(result, 'http.noop.serverCpuMsPerRequest');
  const bareCpu = num(result, 'http.bareNest.serverCpuMsPerRequest');
  const noopOfBare = noopCpu !== null && bareCpu !== null && bareCpu > 0 ? noopCpu / bareCpu : null;
  const rebuildRate = num(result, 'rebuilt.rebuildEventsPerSec');
  const byWorkers = rebuildByWorkers(result);
  const bestRebuild = Math.max(rebuildRate ?? 0, ...byWorkers.map((entry) => entry.perSecond));
  const ofScan = num(result, 'rebuilt.rebuildOfScanPercent');
  const scanRate = num(result, 'rebuilt.rawScanEventsPerSec');
  const bestOfScan = scanRate ? Math.round((bestRebuild / scanRate) * 1000) / 10 : ofScan;
  const rss = num(result, 'rebuilt.peakRssMiB');
  const heapCap = num(result, 'config.rebuildHeapMiB');
  const failoverMs = num(result, 'failover.ms');
  const doubleCounted = at(result, 'failover.doubleCounted');
  const kpis = Object.entries((at(result, 'kpis') ?? {}) as Record<string, { p95Ms?: number }>).filter(
    ([name]) => !isFeedRow(name),
  );
  const worstKpi = kpis.reduce<[string, number] | null>(
    (worst, [name, kpi]) =>
      typeof kpi.p95Ms === 'number' && (worst === null || kpi.p95Ms > worst[1]) ? [name, kpi.p95Ms] : worst,
    null,
  );
  const scaleFactor = num(result, 'kpiScale.factor');
  const scaleWorst = at(result, 'kpiScale.worst') as { kpi: string; ratio: number } | null | undefined;
  const workers = byWorkers.map((entry) => `${entry.workers}: ${fmtInt(entry.perSecond)}`).join(', ');
  return [
    judge(
      `commands >= ${t.commandsOfNoopPercent} % of the no-op route, 32 clients`,
      ofNoop,
      `${String(ofNoop)} %`,
      (ofNoop ?? 0) >= t.commandsOfNoopPercent,
    ),
    judge(
      `server CPU <= ${t.serverCpuMsPerCommand} ms per command, projections included`,
      cpuPerCommand,
      `${String(cpuPerCommand)} ms`,
      (cpuPerCommand ?? Infinity) <= t.serverCpuMsPerCommand,
    ),
    judge(
      `commands >= ${t.ofEmmett} x Emmett + SQLite (${t.emmettCommandsPerSecond}/s in issue 14: >= ${fmtInt(t.ofEmmett * t.emmettCommandsPerSecond)}/s)`,
      commandsPerSecond,
      `${fmtInt(commandsPerSecond ?? 0)}/s`,
      (commandsPerSecond ?? 0) >= t.ofEmmett * t.emmettCommandsPerSecond,
    ),
    judge(
      `open loop at ${String(openRate ?? 200)} commands/s: p99 <= ${t.openLoopP99Ms} ms`,
      openP99,
      `${String(openP99)} ms`,
      (openP99 ?? Infinity) <= t.openLoopP99Ms,
    ),
    judge(
      `projection lag p99 <= ${t.lagP99Ms} ms, 32 clients`,
      lagP99,
      `${String(lagP99)} ms`,
      (lagP99 ?? Infinity) <= t.lagP99Ms,
    ),
    judge(
      `no-op server CPU <= ${t.noopCpuOfBareNest} x bare NestJS`,
      noopOfBare,
      noopOfBare === null
        ? ''
        : `${(Math.round(noopOfBare * 100) / 100).toFixed(2)} x (${String(noopCpu)} / ${String(bareCpu)} ms)`,
      (noopOfBare ?? Infinity) <= t.noopCpuOfBareNest,
    ),
    judge(
      `rebuild >= ${fmtInt(t.rebuildPerSec)} events/s on 2 cores`,
      rebuildRate,
      workers ? `${fmtInt(bestRebuild)}/s (workers ${workers})` : `${fmtInt(bestRebuild)}/s`,
      bestRebuild >= t.rebuildPerSec,
    ),
    judge(
      `rebuild >= ${t.rebuildOfScanPercent} % of the raw scan`,
      bestOfScan,
      `${String(bestOfScan)} %`,
      (bestOfScan ?? 0) >= t.rebuildOfScanPercent,
    ),
    rss === null
      ? { target: `rebuild peak RSS <= ${t.peakRssMiB} MiB, no heap cap`, measured: '', status: NOT_MEASURED }
      : {
          target: `rebuild peak RSS <= ${t.peakRssMiB} MiB, no heap cap`,
          measured: heapCap ? `${rss} MiB, heap capped at ${heapCap} MiB` : `${rss} MiB`,
          status: heapCap
            ? `${rss <= t.peakRssMiB ? 'met' : 'MISSED'} only with a heap cap (not the target's condition)`
            : rss <= t.peakRssMiB
              ? 'met'
              : 'MISSED',
        },
    judge(
      `a killed worker's projections resume within ${t.failoverMs / 1000} s, no double count`,
      failoverMs,
      `${fmtInt(failoverMs ?? 0)} ms${doubleCounted === undefined ? '' : `, double counted: ${String(doubleCounted)}`}`,
      (failoverMs ?? Infinity) <= t.failoverMs && doubleCounted !== true && doubleCounted !== 'yes',
    ),
    judge(
      `KPI queries p95 <= ${t.kpiP95Ms} ms on the bench history`,
      worstKpi?.[1] ?? null,
      worstKpi ? `worst ${worstKpi[0]}: ${worstKpi[1]} ms` : '',
      (worstKpi?.[1] ?? Infinity) <= t.kpiP95Ms,
    ),
    judge(
      `KPI p95 within ${Math.round((t.kpiLongOfDefault - 1) * 100)} % on a history ${String(scaleFactor ?? 3)} x as long`,
      scaleWorst ? scaleWorst.ratio : null,
      scaleWorst ? `worst ${scaleWorst.kpi}: ${scaleWorst.ratio} x` : '',
      (scaleWorst?.ratio ?? Infinity) <= t.kpiLongOfDefault,
    ),
  ];
};

/** The judged targets as an aligned text table: target, what this run measured, met or not. */
export const targetsTable = (judged: readonly Judged[]): string => {
  const header: Judged = { target: 'target of issue 14', measured: 'measured', status: 'status' };
  const all = [header, ...judged];
  const width = (key: keyof Judged) => Math.max(...all.map((row) => row[key].length));
  const [target, measured] = [width('target'), width('measured')];
  const line = (row: Judged) =>
    `${row.target.padEnd(target)}  ${row.measured.padEnd(measured)}  ${row.status}`.trimEnd();
  return [line(header), '-'.repeat(target + measured + width('status') + 4), ...judged.map(line)].join('\n');
};
