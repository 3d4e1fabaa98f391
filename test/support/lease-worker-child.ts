/**
 * A worker process for the lease tests: runs a ProjectionEngine (RUN_PROJECTIONS=true, as `npm start`
 * does) over the given SQLite files, sharing the projections with the other workers by leases, until it
 * reads `stop` on stdin (then stops gracefully: its leases are released) or is killed.
 * Prints `ready <owner>` once its first round of leases is done, and its log lines as JSON to stderr.
 * Usage: node -r ts-node/register/transpile-only lease-worker-child.ts <events.sqlite> <read.sqlite> <LEASE_MS>
 */
import { systemClock } from '../../src/application/ports/clock.port';
import { ALL_EVENT_TYPES } from '../../src/application/features';
import { EventCatalog } from '../../src/application/shared/event-catalog';
import { loadConfig } from '../../src/infrastructure/config/app-config';
import { JsonLogger } from '../../src/infrastructure/logging/json-logger';
import { ProjectionEngine } from '../../src/infrastructure/projections/projection-engine';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { LEASED_PROJECTIONS } from './lease-projections';

const [eventsFile, readFile, leaseMs] = process.argv.slice(2);

const main = async () => {
  const eventStore = SqliteEventStore.open(eventsFile);
  const readStore = SqliteReadStore.open(readFile);
  const config = loadConfig({ DATA_DIR: '.', LEASE_MS: leaseMs, PROJECTION_BATCH_SIZE: '20' });
  const engine = new ProjectionEngine(
    eventStore,
    readStore,
    systemClock,
    LEASED_PROJECTIONS,
    [],
    config,
    new EventCatalog(ALL_EVENT_TYPES),
    new JsonLogger('info', (line) => process.stderr.write(line)),
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

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
