/**
 * `npm run bench`: one run, each figure beside its ceiling, on the same machine (docs/benchmarks.md).
 * 1. a seeded history through the generator (BENCH_DEALERS x BENCH_MONTHS, default 10 x 24: ~1.1 M events);
 * 2. the raw scan of its events table, then the blue/green rebuild of every projection (own process: RSS);
 * 3. KPI queries on the rebuilt read models through the API's query handlers: p50, p95;
 * 3b. `crm import`'s service on a synthetic file (BENCH_IMPORT_ROWS rows, 5,000), then the same file again;
 * 4. commands over HTTP at BENCH_CLIENTS (32) concurrent clients beside the no-op route, and projection lag;
 *    server CPU per request from /proc; the commands again on a second server with group commit off
 *    (SQLITE_GROUP_COMMIT=false), and on a third with the one shared reader of the log off
 *    (SUBSCRIPTION_FAN_OUT=false), side by side with the first (both on, the default).
 * Prints a table and JSON, writes bench/results/latest.json. Targets are shown; the bench never fails on them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  complaintFiling,
  load,
  type LoadResult,
  sampleLag,
  type Server,
  type ServerReport,
  startServer,
  stopServer,
} from './http-load';
import { round1, runStage, stageProgress } from './stage';
import { fmtInt, intFromEnv, machine, rate, type Row, table, tempDir } from './support';

const config = {
  seed: intFromEnv('BENCH_SEED', 42),
  dealers: intFromEnv('BENCH_DEALERS', 10),
  months: intFromEnv('BENCH_MONTHS', 24),
  kpiSamples: intFromEnv('BENCH_KPI_SAMPLES', 200),
  clients: intFromEnv('BENCH_CLIENTS', 32),
  httpSeconds: intFromEnv('BENCH_HTTP_SECONDS', 15),
  importRows: intFromEnv('BENCH_IMPORT_ROWS', 5_000),
  /** Heap cap of the generator's process; the history is streamed, so this is plenty. */
  generatorHeapMiB: 256,
};
const TARGETS = {
  rebuildPerSec: 100_000,
  rebuildOfScanPercent: 35,
  peakRssMiB: 400,
  kpiP95Ms: 50,
  commandsOfNoopPercent: 50,
  commandP99Ms: 25,
  lagP99Ms: 100,
};

type Generated = { events: number; ms: number; refused: number; peakRssMiB: number };
type Rebuilt = {
  rawScan: { events: number; ms: number };
  rebuild: { events: number; ms: number; projections: number; workers: number };
  byWorkers: Record<string, { events: number; ms: number; peakRssMiB: number }>;
  peakRssMiB: number;
};
type Imported = { rows: number; events: number; ms: number; againMs: number };
type Kpis = { kpis: Record<string, { p50Ms: number; p95Ms: number; samples: number; nonEmpty: number }> };

const round2 = (value: number): number => Math.round(value * 100) / 100;
const cpu = (ms: number | null): string => (ms === null ? 'n/a' : ms.toFixed(2));
const atMost = (value: number, target: number) => (value <= target ? 'ok' : 'ABOVE');
const atLeast = (value: number, target: number) => (value >= target ? 'ok' : 'BELOW');
const complaint = complaintFiling();

const main = async () => {
  const temp = tempDir();
  const historyDir = join(temp.dir, 'history');
  stageProgress(
    'run',
    `temp dir ${temp.dir}; history of ${config.dealers} dealers x ${config.months} months, seed ${config.seed}`,
  );

  const generated = await runStage<Generated>(
    'stage-generate.ts',
    [historyDir, String(config.seed), String(config.dealers), String(config.months)],
    { maxOldSpaceMiB: config.generatorHeapMiB },
  );
  stageProgress('run', `history: ${fmtInt(generated.events)} events in ${Math.round(generated.ms / 1000)} s`);
  // No heap cap: the target is the peak RSS of the whole rebuild, its worker threads included.
  const rebuilt = await runStage<Rebuilt>('stage-rebuild.ts', [historyDir]);
  const imported = await runStage<Imported>('stage-import.ts', [
    join(temp.dir, 'import'),
    String(config.importRows),
  ]);
  stageProgress('run', `import: ${fmtInt(imported.rows)} rows in ${Math.round(imported.ms / 1000)} s`);
  const kpis = await runStage<Kpis>('stage-kpi.ts', [
    historyDir,
    String(config.dealers),
    String(config.months),
    String(config.kpiSamples),
  ]);

  const shape = { clients: config.clients, seconds: config.httpSeconds, warmupSeconds: 3 };
  /** One server on a fresh data directory: the commands' load and the lag under it, then its report. */
  const commandsOn = async (
    dir: string,
    variant: Readonly<{ groupCommit: boolean; fanOut: boolean }>,
    before?: (server: Server) => Promise<LoadResult>,
  ) => {
    const server = await startServer(join(temp.dir, dir), {
      SQLITE_GROUP_COMMIT: String(variant.groupCommit),
      SUBSCRIPTION_FAN_OUT: String(variant.fanOut),
    });
    let measured;
    let report: ServerReport | null = null;
    try {
      const noop = before ? await before(server) : null;
      const sampled = sampleLag(server, 100);
      const commands = await load(server, complaint, shape);
      const lagOldestUnprocessed = await sampled.stop();
      stageProgress(
        'http',
        `commands, group commit ${variant.groupCommit ? 'on' : 'off'}, shared reader ${variant.fanOut ? 'on' : 'off'}: ${fmtInt(commands.perSecond)}/s, p99 ${commands.p99Ms} ms, ${String(commands.serverCpuMsPerRequest)} ms CPU each`,
      );
      measured = { noop, commands, lagOldestUnprocessed };
    } finally {
      report = await stopServer(server);
    }
    if (!report) throw new Error('the bench HTTP server did not report its projection lag');
    const reads = report.subscriptionReads;
    // Reads of the log the subscriptions made that reached the store, over the server's life, per command
    // it was sent (warm-up included); on the first server the no-op load ran before, which appends nothing.
    const readsPerCommand = reads ? round2(reads.storeReads / Math.max(1, measured.commands.sent)) : null;
    return {
      ...measured,
      lag: report.lag,
      commits: report.commits,
      readsPerCommand,
      idleReadsPerSecond: server.idleReadsPerSecond,
    };
  };
  const grouped = await commandsOn('http', { groupCommit: true, fanOut: true }, async (server) => {
    const noop = await load(
      server,
      (n) => ({ path: '/diagnostics/noop', body: { note: `ping ${n}` }, expect: 200 }),
      shape,
    );
    stageProgress('http', `no-op: ${fmtInt(noop.perSecond)}/s, p99 ${noop.p99Ms} ms`);
    return noop;
  });
  const ungrouped = await commandsOn('http-one-commit-each', { groupCommit: false, fanOut: true });
  const unshared = await commandsOn('http-reader-each', { groupCommit: true, fanOut: false });
  if (!grouped.noop) throw new Error('the no-op route was not measured');
  const groupCommitRatio = {
    perSecond: round2(grouped.commands.perSecond / Math.max(1, ungrouped.commands.perSecond)),
    p99Ms: round2(grouped.commands.p99Ms / Math.max(0.1, ungrouped.commands.p99Ms)),
    serverCpuMsPerCommand:
      grouped.commands.serverCpuMsPerRequest && ungrouped.commands.serverCpuMsPerRequest
        ? round2(grouped.commands.serverCpuMsPerRequest / ungrouped.commands.serverCpuMsPerRequest)
        : null,
  };
  const http = {
    noop: grouped.noop,
    commands: grouped.commands,
    lagOldestUnprocessed: grouped.lagOldestUnprocessed,
    clients: config.clients,
    lag: grouped.lag,
    commits: grouped.commits,
    groupCommitOff: {
      commands: ungrouped.commands,
      lag: ungrouped.lag,
      lagOldestUnprocessed: ungrouped.lagOldestUnprocessed,
      commits: ungrouped.commits,
    },
    groupCommitRatio,
    readsPerCommand: grouped.readsPerCommand,
    idleReadsPerSecond: grouped.idleReadsPerSecond,
    fanOutOff: {
      idleReadsPerSecond: unshared.idleReadsPerSecond,
      commands: unshared.commands,
      lag: unshared.lag,
      lagOldestUnprocessed: unshared.lagOldestUnprocessed,
      readsPerCommand: unshared.readsPerCommand,
    },
    fanOutRatio: {
      perSecond: round2(grouped.commands.perSecond / Math.max(1, unshared.commands.perSecond)),
      serverCpuMsPerCommand:
        grouped.commands.serverCpuMsPerRequest && unshared.commands.serverCpuMsPerRequest
          ? round2(grouped.commands.serverCpuMsPerRequest / unshared.commands.serverCpuMsPerRequest)
          : null,
    },
  };
  stageProgress('http', `projection lag p99 ${http.lag.p99Ms} ms over ${fmtInt(http.lag.events)} events`);

  const rebuildRate = rate(rebuilt.rebuild.events, rebuilt.rebuild.ms);
  const scanRate = rate(rebuilt.rawScan.events, rebuilt.rawScan.ms);
  const ofScan = round1((rebuildRate / scanRate) * 100);
  const ofNoop = round1((http.commands.perSecond / Math.max(1, http.noop.perSecond)) * 100);
  const rows: Row[] = [
    {
      measure: 'history generated (set-up)',
      value: fmtInt(rate(generated.events, generated.ms)),
      unit: 'events/s',
      target: `${fmtInt(generated.events)} events`,
    },
    {
      measure: 'import (crm import), one command a row',
      value: fmtInt(rate(imported.rows, imported.ms)),
      unit: 'rows/s',
      target: `${fmtInt(imported.rows)} rows`,
    },
    {
      measure: '  import, events written',
      value: fmtInt(rate(imported.events, imported.ms)),
      unit: 'events/s',
    },
    {
      measure: '  import again (every row skipped)',
      value: fmtInt(rate(imported.rows, imported.againMs)),
      unit: 'rows/s',
    },
    {
      measure: `rebuild, all ${rebuilt.rebuild.projections} projections, ${rebuilt.rebuild.workers} worker(s)`,
      value: fmtInt(rebuildRate),
      unit: 'events/s',
      target: `>= ${fmtInt(TARGETS.rebuildPerSec)}`,
      status: atLeast(rebuildRate, TARGETS.rebuildPerSec),
    },
    ...Object.entries(rebuilt.byWorkers).map(([workers, run]) => ({
      measure: `  rebuild at ${workers} worker(s) (REBUILD_WORKERS), of the raw scan`,
      value: `${fmtInt(rate(run.events, run.ms))} / ${round1((rate(run.events, run.ms) / scanRate) * 100)}`,
      unit: 'events/s / %',
      target: `peak RSS so far ${run.peakRssMiB} MiB`,
    })),
    { measure: 'raw scan ceiling (SELECT + JSON.parse)', value: fmtInt(scanRate), unit: 'events/s' },
    {
      measure: 'rebuild / raw scan',
      value: String(ofScan),
      unit: '%',
      target: `>= ${TARGETS.rebuildOfScanPercent} %`,
      status: atLeast(ofScan, TARGETS.rebuildOfScanPercent),
    },
    {
      measure: 'peak RSS, rebuild process',
      value: String(rebuilt.peakRssMiB),
      unit: 'MiB',
      target: `<= ${TARGETS.peakRssMiB}`,
      status: atMost(rebuilt.peakRssMiB, TARGETS.peakRssMiB),
    },
    {
      measure: 'peak RSS, generator process',
      value: String(generated.peakRssMiB),
      unit: 'MiB',
      target: `<= ${TARGETS.peakRssMiB}`,
      status: atMost(generated.peakRssMiB, TARGETS.peakRssMiB),
    },
    ...Object.entries(kpis.kpis).map(([name, kpi]) => ({
      measure: `KPI ${name} p50 / p95`,
      value: `${kpi.p50Ms} / ${kpi.p95Ms}`,
      unit: 'ms',
      target: `p95 <= ${TARGETS.kpiP95Ms}`,
      status: atMost(kpi.p95Ms, TARGETS.kpiP95Ms),
    })),
    {
      measure: `no-op route, ${http.clients} clients`,
      value: fmtInt(http.noop.perSecond),
      unit: 'req/s',
      target: `p99 ${http.noop.p99Ms} ms`,
    },
    {
      measure: `commands (POST /complaints), ${http.clients} clients`,
      value: fmtInt(http.commands.perSecond),
      unit: 'req/s',
      target: `>= ${TARGETS.commandsOfNoopPercent} % no-op`,
      status: atLeast(ofNoop, TARGETS.commandsOfNoopPercent),
    },
    { measure: '  commands / no-op', value: String(ofNoop), unit: '%' },
    {
      measure: '  commands p99',
      value: String(http.commands.p99Ms),
      unit: 'ms',
      target: `<= ${TARGETS.commandP99Ms}`,
      status: atMost(http.commands.p99Ms, TARGETS.commandP99Ms),
    },
    {
      measure: '  projection lag p99 (append -> all projections)',
      value: String(http.lag.p99Ms),
      unit: 'ms',
      target: `<= ${TARGETS.lagP99Ms}`,
      status: atMost(http.lag.p99Ms, TARGETS.lagP99Ms),
    },
    {
      measure: '  oldest unprocessed event p99 (/health)',
      value: String(http.lagOldestUnprocessed.p99Ms),
      unit: 'ms',
    },
    {
      measure: '  server CPU per request, no-op / command',
      value: `${cpu(http.noop.serverCpuMsPerRequest)} / ${cpu(http.commands.serverCpuMsPerRequest)}`,
      unit: 'ms',
    },
    {
      measure: 'group commit on / off (SQLITE_GROUP_COMMIT), commands',
      value: `${fmtInt(http.commands.perSecond)} / ${fmtInt(http.groupCommitOff.commands.perSecond)}`,
      unit: 'req/s',
      target: `on / off = ${groupCommitRatio.perSecond}`,
    },
    {
      measure: '  commands p99, on / off',
      value: `${http.commands.p99Ms} / ${http.groupCommitOff.commands.p99Ms}`,
      unit: 'ms',
      target: `on / off = ${groupCommitRatio.p99Ms}`,
    },
    {
      measure: '  server CPU per command, on / off',
      value: `${cpu(http.commands.serverCpuMsPerRequest)} / ${cpu(http.groupCommitOff.commands.serverCpuMsPerRequest)}`,
      unit: 'ms',
      target: `on / off = ${String(groupCommitRatio.serverCpuMsPerCommand)}`,
    },
    {
      measure: '  projection lag p99, on / off',
      value: `${http.lag.p99Ms} / ${http.groupCommitOff.lag.p99Ms}`,
      unit: 'ms',
    },
    {
      measure: '  appends per commit, on / off',
      value: `${http.commits.appendsPerCommit} / ${http.groupCommitOff.commits.appendsPerCommit}`,
      unit: 'mean',
    },
    {
      measure: 'one shared reader of the log on / off (SUBSCRIPTION_FAN_OUT), commands',
      value: `${fmtInt(http.commands.perSecond)} / ${fmtInt(http.fanOutOff.commands.perSecond)}`,
      unit: 'req/s',
      target: `on / off = ${http.fanOutRatio.perSecond}`,
    },
    {
      measure: '  server CPU per command, on / off',
      value: `${cpu(http.commands.serverCpuMsPerRequest)} / ${cpu(http.fanOutOff.commands.serverCpuMsPerRequest)}`,
      unit: 'ms',
      target: `on / off = ${String(http.fanOutRatio.serverCpuMsPerCommand)}`,
    },
    {
      measure: '  store reads of the log per command, on / off',
      value: `${String(http.readsPerCommand)} / ${String(http.fanOutOff.readsPerCommand)}`,
      unit: 'reads',
    },
    {
      measure: '  store reads of the log per second at rest, on / off',
      value: `${String(http.idleReadsPerSecond)} / ${String(http.fanOutOff.idleReadsPerSecond)}`,
      unit: 'reads/s',
    },
    {
      measure: '  projection lag p99, on / off',
      value: `${http.lag.p99Ms} / ${http.fanOutOff.lag.p99Ms}`,
      unit: 'ms',
    },
  ];
  const result = {
    measuredAt: new Date().toISOString(),
    machine: machine(),
    config,
    targets: TARGETS,
    generated,
    imported,
    rebuilt: {
      ...rebuilt,
      rebuildEventsPerSec: rebuildRate,
      rawScanEventsPerSec: scanRate,
      rebuildOfScanPercent: ofScan,
      byWorkers: Object.fromEntries(
        Object.entries(rebuilt.byWorkers).map(([workers, run]) => [workers, rate(run.events, run.ms)]),
      ),
    },
    kpis: kpis.kpis,
    http: { ...http, commandsOfNoopPercent: ofNoop },
  };
  const text = table(rows);
  process.stdout.write(`${text}\n\n${JSON.stringify(result, null, 2)}\n`);
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'latest.json'),
    `${JSON.stringify({ ...result, table: text.split('\n') }, null, 2)}\n`,
  );
  const off = http.groupCommitOff.commands;
  const unsharedCommands = http.fanOutOff.commands;
  if (http.commands.errors > 0 || http.noop.errors > 0 || off.errors > 0 || unsharedCommands.errors > 0)
    throw new Error(
      `HTTP load had errors: commands ${http.commands.errors} (${String(http.commands.firstError)}), no-op ${http.noop.errors} (${String(http.noop.firstError)}), commands with group commit off ${off.errors} (${String(off.firstError)}), commands with the shared reader off ${unsharedCommands.errors} (${String(unsharedCommands.firstError)})`,
    );
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
