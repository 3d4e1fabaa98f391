/**
 * `npm run bench`: append rates of the SQLite event store, rebuild rate of the reference projections and the
 * raw-scan ceiling, measured side by side in one process. Prints an aligned table and a JSON document, and
 * writes the JSON to bench/results/latest.json. Sizes: BENCH_EVENTS (history, default 200,000),
 * BENCH_APPEND_EVENTS (100,000), BENCH_APPEND_BATCH (100), BENCH_SINGLE_EVENTS (2,000), BENCH_RUNS (3).
 * Targets are printed beside the figures; the bench never fails on them. See docs/benchmarks.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '../src/infrastructure/sqlite/sqlite-event-store';
import { complaintDetailsProjection } from '../src/projections/complaint-details/complaint-details.projection';
import { complaintSlaMonthlyProjection } from '../src/projections/complaint-sla-monthly/complaint-sla-monthly.projection';
import type { AnyProjection } from '../src/projections/shared/projection';

/** The history is complaints: the projections that read it are the ones a rebuild has work for. */
const PROJECTIONS: readonly AnyProjection[] = [complaintDetailsProjection, complaintSlaMonthlyProjection];
import {
  appendBatched,
  appendOneByOne,
  rawScan,
  rebuild,
  type RebuildResult,
  storeScan,
  type Timed,
  writeHistory,
} from './measurements';
import {
  fmtInt,
  intFromEnv,
  machine,
  median,
  nowMs,
  peakRssMiB,
  rate,
  type Row,
  table,
  tempDir,
  verdict,
} from './support';

const config = {
  historyEvents: intFromEnv('BENCH_EVENTS', 200_000),
  appendEvents: intFromEnv('BENCH_APPEND_EVENTS', 100_000),
  appendBatch: intFromEnv('BENCH_APPEND_BATCH', 100),
  singleEvents: intFromEnv('BENCH_SINGLE_EVENTS', 2_000),
  runs: intFromEnv('BENCH_RUNS', 3),
  dealers: 40,
  months: 12,
  ackRate: 0.85,
  readPage: 1000,
};
/** Extra rebuild runs are skipped once the rebuilds have taken this long, to keep the bench short. */
const REBUILD_BUDGET_MS = 60_000;
const TARGETS = { appendBatchedPerSec: 50_000, rebuildPerSec: 100_000, rebuildOfScanPercent: 35 };

const progress = (message: string) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);

const summarise = (runs: readonly Timed[]) => {
  const rates = runs.map((run) => rate(run.events, run.ms));
  return {
    eventsPerSec: median(rates),
    bestEventsPerSec: Math.max(...rates),
    runs: runs.map((r, i) => ({ ...r, ms: Math.round(r.ms), eventsPerSec: rates[i] })),
  };
};

const repeat = async (
  label: string,
  times: number,
  once: (run: number) => Promise<Timed> | Timed,
): Promise<Timed[]> => {
  const runs: Timed[] = [];
  for (let run = 0; run < times; run += 1) {
    const result = await once(run);
    progress(
      `${label} run ${run + 1}/${times}: ${fmtInt(rate(result.events, result.ms))} events/s (${fmtInt(result.events)} events, ${Math.round(result.ms)} ms)`,
    );
    runs.push(result);
  }
  return runs;
};

const round = (ms: number) => Math.round(ms);
const describeRebuild = (result: RebuildResult) => ({
  events: result.events,
  ms: round(result.ms),
  eventsPerSec: rate(result.events, result.ms),
  breakdownMs: {
    readAll: round(result.breakdownMs.readAll),
    handleBatch: round(result.breakdownMs.handleBatch),
    'handleBatch.getMany': round(result.breakdownMs.getMany),
    'handleBatch.commitBatch': round(result.breakdownMs.commitBatch),
    'handleBatch.inMemory': round(
      result.breakdownMs.handleBatch - result.breakdownMs.getMany - result.breakdownMs.commitBatch,
    ),
  },
  commits: result.breakdownMs.commits,
  docWrites: result.breakdownMs.docWrites,
  handleMsByProjection: Object.fromEntries(
    Object.entries(result.handleMsByProjection).map(([k, v]) => [k, round(v)]),
  ),
  docs: result.docs,
});

const main = async () => {
  const started = nowMs();
  const temp = tempDir();
  progress(`temp dir ${temp.dir}; history of ${fmtInt(config.historyEvents)} events`);

  // 1 and 2: appends on fresh files.
  const batched = await repeat(`append batched (${config.appendBatch}/call)`, config.runs, (run) =>
    appendBatched(temp.file(`append-batched-${run}.db`), config.appendEvents, config.appendBatch, 1000 + run),
  );
  const single = await repeat('append one by one', config.runs, (run) =>
    appendOneByOne(temp.file(`append-single-${run}.db`), config.singleEvents, 2000 + run),
  );

  // 3 and 4: the history, then rebuilds and scans over the same file.
  const eventsFile = temp.file('history-events.db');
  const eventStore = SqliteEventStore.open(eventsFile, { durability: 'normal' });
  const history = await writeHistory(eventStore, {
    events: config.historyEvents,
    dealers: config.dealers,
    months: config.months,
    ackRate: config.ackRate,
  });
  if (history.events !== config.historyEvents)
    throw new Error(`history has ${history.events} events, not ${config.historyEvents}`);
  progress(
    `history written: ${fmtInt(history.events)} events, ${fmtInt(history.complaints)} complaints, ${round(history.ms)} ms`,
  );
  const rssAfterHistory = Math.round(process.memoryUsage().rss / 2 ** 20);

  const scans = await repeat('raw scan', config.runs, () => rawScan(eventsFile));
  const storeScans = await repeat('store readAll only', config.runs, () => storeScan(eventStore));

  const combined: RebuildResult[] = [];
  let rebuildMs = 0;
  for (let run = 0; run < config.runs && (run === 0 || rebuildMs < REBUILD_BUDGET_MS); run += 1) {
    const result = await rebuild(eventStore, temp.file(`read-all-${run}.db`), PROJECTIONS);
    rebuildMs += result.ms;
    combined.push(result);
    progress(
      `rebuild, all projections, run ${run + 1}: ${fmtInt(rate(result.events, result.ms))} events/s (${round(result.ms)} ms)`,
    );
  }
  const perProjection: RebuildResult[] = [];
  for (const projection of PROJECTIONS) {
    const result = await rebuild(eventStore, temp.file(`read-${projection.name}.db`), [projection]);
    perProjection.push(result);
    progress(
      `rebuild, ${projection.name} alone: ${fmtInt(rate(result.events, result.ms))} events/s (${round(result.ms)} ms)`,
    );
  }
  await eventStore.close();
  temp.cleanup();

  const details = combined[0].docs['complaint-details'];
  if (details !== undefined && details !== history.complaints) {
    throw new Error(`rebuild wrote ${details} complaint documents for ${history.complaints} complaints`);
  }

  const appendBatchedSummary = summarise(batched);
  const appendSingleSummary = summarise(single);
  const scanSummary = summarise(scans);
  const storeScanSummary = summarise(storeScans);
  const rebuildRates = combined.map((r) => rate(r.events, r.ms));
  const rebuildPerSec = median(rebuildRates);
  const medianRun =
    combined[
      rebuildRates.indexOf([...rebuildRates].sort((a, b) => a - b)[Math.floor((rebuildRates.length - 1) / 2)])
    ];
  const rebuildOfScanPercent = Math.round((rebuildPerSec / scanSummary.eventsPerSec) * 1000) / 10;
  const projectionRates = perProjection.map((r) => ({
    name: r.projections[0],
    eventsPerSec: rate(r.events, r.ms),
  }));

  const result = {
    benchmark: 'dealer-crm: SQLite event store appends, projection rebuild, raw scan',
    measuredAt: new Date().toISOString(),
    machine: machine(),
    config: { ...config, rebuildRuns: combined.length },
    targets: TARGETS,
    appendBatched: {
      ...appendBatchedSummary,
      batchSize: config.appendBatch,
      appendsPerStream: 5,
      synchronous: 'FULL',
    },
    appendOneByOne: { ...appendSingleSummary, eventsPerCall: 1, synchronous: 'FULL' },
    history: {
      events: history.events,
      complaints: history.complaints,
      ms: round(history.ms),
      durability: 'normal (bulk load)',
      rssMiBAfter: rssAfterHistory,
    },
    rebuild: {
      how: 'all projections fed from one shared readAll loop (1,000 events a page), each page to every runner in turn; rate = history events ÷ wall time',
      eventsPerSec: rebuildPerSec,
      runs: combined.map(describeRebuild),
      medianRun: describeRebuild(medianRun),
      perProjection: {
        how: 'each projection alone, one after another, own readAll loop and fresh read store (as a single-projection rebuild in production)',
        results: perProjection.map((r) => ({ name: r.projections[0], ...describeRebuild(r) })),
      },
    },
    rawScan: {
      ...scanSummary,
      query:
        'SELECT position, stream_id, type, data, metadata, occurred_at, recorded_at FROM events WHERE position > ? ORDER BY position LIMIT 1000 + JSON.parse(data, metadata)',
    },
    storeReadAll: storeScanSummary,
    rebuildOfScanPercent,
    peakRssMiB: peakRssMiB(),
    totalSeconds: Math.round((nowMs() - started) / 100) / 10,
    verdicts: {
      appendBatched: verdict(appendBatchedSummary.eventsPerSec, TARGETS.appendBatchedPerSec),
      rebuild: verdict(rebuildPerSec, TARGETS.rebuildPerSec),
      rebuildOfScan: verdict(rebuildOfScanPercent, TARGETS.rebuildOfScanPercent),
    },
  };

  const rows: Row[] = [
    {
      measure: `append, batched (${config.appendBatch} events/call)`,
      value: fmtInt(appendBatchedSummary.eventsPerSec),
      unit: 'events/s',
      target: `>= ${fmtInt(TARGETS.appendBatchedPerSec)}`,
      status: result.verdicts.appendBatched,
    },
    {
      measure: 'append, one by one (1 event/call)',
      value: fmtInt(appendSingleSummary.eventsPerSec),
      unit: 'events/s',
    },
    {
      measure: `rebuild, all ${PROJECTIONS.length} projections together`,
      value: fmtInt(rebuildPerSec),
      unit: 'events/s',
      target: `>= ${fmtInt(TARGETS.rebuildPerSec)}`,
      status: result.verdicts.rebuild,
    },
    ...projectionRates.map((p) => ({
      measure: `  rebuild, ${p.name} alone`,
      value: fmtInt(p.eventsPerSec),
      unit: 'events/s',
    })),
    {
      measure: 'raw scan ceiling (SELECT + JSON.parse)',
      value: fmtInt(scanSummary.eventsPerSec),
      unit: 'events/s',
    },
    {
      measure: '  store readAll only, no projection',
      value: fmtInt(storeScanSummary.eventsPerSec),
      unit: 'events/s',
    },
    {
      measure: 'rebuild / raw scan',
      value: rebuildOfScanPercent.toFixed(1),
      unit: '%',
      target: `>= ${TARGETS.rebuildOfScanPercent} %`,
      status: result.verdicts.rebuildOfScan,
    },
    { measure: 'peak RSS', value: result.peakRssMiB.toFixed(1), unit: 'MiB' },
  ];
  const m = result.machine;
  process.stdout.write(
    `\n${fmtInt(history.events)}-event history, medians of ${config.runs} runs (rebuild: ${combined.length}), ` +
      `${m.cpuModel}, ${m.cores} cores, ${m.totalMemoryGiB} GiB, node ${m.node}\n\n${table(rows)}\n\n`,
  );
  const json = JSON.stringify(result, null, 2);
  process.stdout.write(`${json}\n`);
  const resultsDir = join(__dirname, 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'latest.json'), `${json}\n`);
  progress(`wrote ${join(resultsDir, 'latest.json')} in ${result.totalSeconds} s`);
};

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
