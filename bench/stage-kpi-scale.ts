/**
 * Bench stage of the KPI scale comparison (bench/kpi-scale.ts): the read models of the long history built by
 * the engine's blue/green rebuild with its defaults, into the data directory's read store (argv: dataDir),
 * so that stage-kpi.ts can query them. Only its time is reported (the rebuild's own figures are
 * stage-rebuild.ts's, on the default history).
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { ALL_EVENT_TYPES, ALL_PROJECTIONS } from '../src/application/features';
import { EventCatalog } from '../src/application/shared/event-catalog';
import { rebuildProjections } from '../src/infrastructure/projections/projection-rebuilder';
import { SqliteEventStore } from '../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../src/infrastructure/sqlite/sqlite-read-store';
import { report, stageProgress } from './stage';
import { nowMs, peakRssMiB } from './support';

const [dataDir] = process.argv.slice(2);

const main = async () => {
  const eventStore = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
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
        retireGraceMs: 0,
        progressEveryMs: 15_000,
        onProgress: (progress) =>
          stageProgress(
            'kpi-scale',
            `rebuild ${progress.state}: ${progress.eventsDone.toLocaleString('en-US')} / ${progress.eventsTotal.toLocaleString('en-US')} events, ${progress.eventsPerSecond.toLocaleString('en-US')}/s`,
          ),
      },
    );
    if (done.state !== 'done') throw new Error(`rebuild ended ${done.state}: ${String(done.error)}`);
    report({ events: done.eventsDone, ms: Math.round(nowMs() - started), peakRssMiB: peakRssMiB() });
  } finally {
    await readStore.close();
    await eventStore.close();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
