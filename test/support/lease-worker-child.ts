/**
 * A worker process for the lease tests: runs a ProjectionEngine (RUN_PROJECTIONS=true, as `npm start`
 * does) over the given SQLite files, sharing the projections with the other workers by leases, until it
 * reads `stop` on stdin (then stops gracefully: its leases are released) or is killed.
 * Prints `ready <owner>` once its first round of leases is done, and its log lines as JSON to stderr.
 * Usage: node -r ts-node/register/transpile-only lease-worker-child.ts <events.sqlite> <read.sqlite> <LEASE_MS>
 */
import { loadConfig } from '../../src/infrastructure/config/app-config';
import { JsonLogger } from '../../src/infrastructure/logging/json-logger';
import { runLeaseWorker } from '../../bench/failover-worker';
import { LEASED_PROJECTIONS } from './lease-projections';

const [eventsFile, readFile, leaseMs] = process.argv.slice(2);

runLeaseWorker(
  { eventsFile, readFile },
  LEASED_PROJECTIONS,
  loadConfig({ DATA_DIR: '.', LEASE_MS: leaseMs, PROJECTION_BATCH_SIZE: '20' }),
  new JsonLogger('info', (line) => process.stderr.write(line)),
).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
