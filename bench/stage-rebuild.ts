/**
 * Bench stage: the raw scan of the events table (the ceiling), then the blue/green rebuild of every
 * projection through the engine's own rebuild path at 1, 2 and 4 worker threads (`REBUILD_WORKERS`), over
 * the same history: at the default count into the data directory's read store (kept: the KPI stages query
 * it), at the others into fresh read stores, removed after (argv: dataDir [cacheLimit
 * commitEvery workerCounts]). The rebuild runs the compiled JavaScript of `src` (transpiled once into
 * node_modules/.cache, as `dist/` runs it): under ts-node every worker thread would transpile the whole
 * application again (seconds of CPU and some 100 MiB each). Peak RSS is the whole process's, its worker
 * threads included, taken after each rebuild (a high-water mark: after the 4-worker run, the peak of all).
 */
import 'reflect-metadata';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DEFAULT_REBUILD_WORKERS } from '../src/infrastructure/config/app-config';
import { compiledCli } from '../test/support/compiled-cli';
import { report, stageProgress } from './stage';
import { nowMs, peakRssMiB, removeSqlite } from './support';

type Features = typeof import('../src/application/features');
type Catalog = typeof import('../src/application/shared/event-catalog');
type Rebuilder = typeof import('../src/infrastructure/projections/projection-rebuilder');
type Sqlite = typeof import('../src/infrastructure/sqlite/sqlite-event-store') &
  typeof import('../src/infrastructure/sqlite/sqlite-read-store');

const [dataDir, cacheLimit, commitEvery, counts] = process.argv.slice(2);
/** Empty: the rebuild's own defaults. */
const optional = (value: string | undefined) => (value ? Number(value) : undefined);
const eventsFile = join(dataDir, 'events.sqlite');
const workerCounts = (counts || '1,2,4').split(',').map(Number);
const defaultWorkers = Number(process.env.REBUILD_WORKERS || DEFAULT_REBUILD_WORKERS);
/** The least any reader does: page through the table in position order and parse the two JSON columns. */
const rawScan = (): { events: number; ms: number } => {
  const db = new Database(eventsFile, { readonly: true });
  try {
    const page = db.prepare<[number], { position: number; data: string; metadata: string }>(
      'SELECT position, stream_id, type, data, metadata, occurred_at, recorded_at FROM events WHERE position > ? ORDER BY position LIMIT 1000',
    );
    let after = 0;
    let events = 0;
    let sink = 0;
    const started = nowMs();
    for (let rows = page.all(after); rows.length > 0; rows = page.all(after)) {
      for (const row of rows) {
        const data = JSON.parse(row.data) as Record<string, unknown>;
        const metadata = JSON.parse(row.metadata) as Record<string, unknown>;
        if (data && metadata.actor) sink += 1;
      }
      events += rows.length;
      after = rows[rows.length - 1].position;
    }
    const ms = nowMs() - started;
    if (sink !== events) throw new Error(`raw scan parsed ${sink} of ${events} rows`);
    return { events, ms };
  } finally {
    db.close();
  }
};

const main = async () => {
  const scans = [rawScan(), rawScan()];
  const scan = scans.reduce((best, run) => (run.ms < best.ms ? run : best));
  stageProgress(
    'rebuild',
    `raw scan: ${scan.events.toLocaleString('en-US')} events in ${Math.round(scan.ms)} ms`,
  );
  const root = join(compiledCli(), '..', '..', '..');
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { ALL_EVENT_TYPES, ALL_PROJECTIONS } = require(join(root, 'src/application/features')) as Features;
  const { EventCatalog } = require(join(root, 'src/application/shared/event-catalog')) as Catalog;
  const { rebuildProjections } = require(
    join(root, 'src/infrastructure/projections/projection-rebuilder'),
  ) as Rebuilder;
  const { SqliteEventStore, SqliteReadStore } = {
    ...(require(join(root, 'src/infrastructure/sqlite/sqlite-event-store')) as Sqlite),
    ...(require(join(root, 'src/infrastructure/sqlite/sqlite-read-store')) as Sqlite),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const eventStore = SqliteEventStore.open(eventsFile);
  const byWorkers: Record<string, { events: number; ms: number; peakRssMiB: number }> = {};
  try {
    let kept = false;
    for (const workers of workerCounts) {
      // The rebuild at the default worker count builds the data directory's own read models, which the
      // KPI stages then query; the others build fresh files, removed after.
      const keep: boolean = !kept && workers === defaultWorkers;
      kept ||= keep;
      const readFile = join(dataDir, keep ? 'read-models.sqlite' : `read-models-rebuild-${workers}.sqlite`);
      if (!keep) removeSqlite(readFile);
      const readStore = SqliteReadStore.open(readFile);
      try {
        const started = nowMs();
        const done = await rebuildProjections(
          {
            eventStore,
            readStore,
            clock: () => new Date(),
            upcast: new EventCatalog(ALL_EVENT_TYPES).upcast,
            log: () => undefined,
          },
          ALL_PROJECTIONS,
          {
            dropRetired: true,
            cacheLimit: optional(cacheLimit),
            commitEvery: optional(commitEvery),
            retireGraceMs: 0,
            progressEveryMs: 5_000,
            workers: {
              count: workers,
              stores: { eventStore: { sqlite: eventsFile }, readStore: { sqlite: readFile } },
            },
            onProgress: (progress) =>
              stageProgress(
                'rebuild',
                `${workers} worker(s), ${progress.state}: ${progress.eventsDone.toLocaleString('en-US')} / ${progress.eventsTotal.toLocaleString('en-US')} events, ${progress.eventsPerSecond.toLocaleString('en-US')}/s`,
              ),
          },
        );
        const ms = nowMs() - started;
        if (done.state !== 'done')
          throw new Error(`rebuild at ${workers} worker(s) ended ${done.state}: ${String(done.error)}`);
        byWorkers[String(workers)] = {
          events: done.eventsDone,
          ms: Math.round(ms),
          peakRssMiB: peakRssMiB(),
        };
      } finally {
        await readStore.close();
        if (!keep) removeSqlite(readFile);
      }
    }
    const main = byWorkers[String(defaultWorkers)] ?? Object.values(byWorkers)[0];
    report({
      rawScan: {
        events: scan.events,
        ms: Math.round(scan.ms),
        runsMs: scans.map((run) => Math.round(run.ms)),
      },
      rebuild: {
        events: main.events,
        ms: main.ms,
        workers: byWorkers[String(defaultWorkers)] ? defaultWorkers : workerCounts[0],
        projections: ALL_PROJECTIONS.length,
        cacheLimit: optional(cacheLimit) ?? 'default',
        commitEvery: optional(commitEvery) ?? 'default',
      },
      byWorkers,
      peakRssMiB: peakRssMiB(),
    });
  } finally {
    await eventStore.close();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
