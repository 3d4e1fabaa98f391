/**
 * A worker of the failover stage: a ProjectionEngine with every projection (RUN_PROJECTIONS=true, as
 * `npm start` runs it) on the given SQLite files, sharing the work with the other workers by leases, until
 * it is killed or reads `stop` on stdin. Prints `ready <owner>` once its first round of leases is done.
 * argv: events.sqlite read.sqlite LEASE_MS. The lease tests run the same worker with their own projections
 * (`test/support/lease-worker-child.ts`).
 */
import { systemClock } from '../src/application/ports/clock.port';
import { ALL_EVENT_TYPES, ALL_PROJECTIONS } from '../src/application/features';
import { EventCatalog } from '../src/application/shared/event-catalog';
import { type AppConfig, loadConfig } from '../src/infrastructure/config/app-config';
import { JsonLogger } from '../src/infrastructure/logging/json-logger';
import { ProjectionEngine } from '../src/infrastructure/projections/projection-engine';
import { SqliteEventStore } from '../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../src/infrastructure/sqlite/sqlite-read-store';
import type { AnyProjection } from '../src/projections/shared/projection';

/** Runs the engine over the two files until `stop` on stdin (a graceful stop releases its leases). */
export const runLeaseWorker = async (
  files: Readonly<{ eventsFile: string; readFile: string }>,
  projections: readonly AnyProjection[],
  config: AppConfig,
  logger: JsonLogger,
): Promise<void> => {
  const eventStore = SqliteEventStore.open(files.eventsFile);
  const readStore = SqliteReadStore.open(files.readFile);
  const engine = new ProjectionEngine(
    eventStore,
    readStore,
    systemClock,
    projections,
    [],
    config,
    new EventCatalog(ALL_EVENT_TYPES),
    logger,
  );
  await engine.start();
  process.stdout.write(`ready ${engine.leaseOwner}\n`);
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (data: string) => {
    if (!data.includes('stop')) return;
    void engine
      .stop()
      .then(() => Promise.all([eventStore.close(), readStore.close()]))
      .then(() => process.exit(0));
  });
};

if (require.main === module) {
  const [eventsFile, readFile, leaseMs] = process.argv.slice(2);
  runLeaseWorker(
    { eventsFile, readFile },
    ALL_PROJECTIONS,
    loadConfig({ DATA_DIR: '.', LEASE_MS: leaseMs }),
    new JsonLogger('silent'),
  ).catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
}
