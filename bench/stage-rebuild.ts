/**
 * Bench stage: the raw scan of the events table (the ceiling), then the blue/green rebuild of every
 * projection through the engine's own rebuild path, into the data directory's read store (argv: dataDir).
 * Peak RSS is this process's, taken right after the rebuild.
 */
import 'reflect-metadata';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ALL_EVENT_TYPES, ALL_PROJECTIONS } from '../src/application/features';
import { EventCatalog } from '../src/application/shared/event-catalog';
import { rebuildProjections } from '../src/infrastructure/projections/projection-rebuilder';
import { SqliteEventStore } from '../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../src/infrastructure/sqlite/sqlite-read-store';
import { report, stageProgress } from './stage';
import { nowMs, peakRssMiB } from './support';

const [dataDir, cacheLimit, commitEvery] = process.argv.slice(2);
/** Empty: the rebuild's own defaults. */
const optional = (value: string | undefined) => (value ? Number(value) : undefined);
const eventsFile = join(dataDir, 'events.sqlite');

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
  const eventStore = SqliteEventStore.open(eventsFile);
  const readStore = SqliteReadStore.open(join(dataDir, 'read-models.sqlite'));
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
        onProgress: (progress) =>
          stageProgress(
            'rebuild',
            `${progress.state}: ${progress.eventsDone.toLocaleString('en-US')} / ${progress.eventsTotal.toLocaleString('en-US')} events, ${progress.eventsPerSecond.toLocaleString('en-US')}/s`,
          ),
      },
    );
    const ms = nowMs() - started;
    if (done.state !== 'done') throw new Error(`rebuild ended ${done.state}: ${String(done.error)}`);
    report({
      rawScan: {
        events: scan.events,
        ms: Math.round(scan.ms),
        runsMs: scans.map((run) => Math.round(run.ms)),
      },
      rebuild: {
        events: done.eventsDone,
        ms: Math.round(ms),
        projections: ALL_PROJECTIONS.length,
        cacheLimit: optional(cacheLimit) ?? 'default',
        commitEvery: optional(commitEvery) ?? 'default',
      },
      peakRssMiB: peakRssMiB(),
    });
  } finally {
    await readStore.close();
    await eventStore.close();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
