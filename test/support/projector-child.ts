/**
 * A projector process for the crash tests: runs every projection over the given files until it has
 * caught up with the head, then exits 0. With CRM_FAULT_INJECT set it SIGKILLs itself part-way.
 * Usage: node -r ts-node/register projector-child.ts <events.sqlite> <read.sqlite> <transaction|position-guard> <batchSize>
 */
import { ProjectionRunner } from '../../src/infrastructure/projections/projection-runner';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { COMPLAINT_PROJECTIONS } from './projection-fixtures';
import { runnerDeps } from './projection-fixtures';

const [eventsFile, readFile, mode, batchSize] = process.argv.slice(2);

const main = async () => {
  const eventStore = SqliteEventStore.open(eventsFile);
  const readStore = SqliteReadStore.open(readFile, { atomicCheckpoint: mode !== 'position-guard' });
  const deps = runnerDeps(eventStore, readStore);
  const runners = COMPLAINT_PROJECTIONS.map(
    (projection) =>
      // Two batches a commit: several commits, each covering events of more than one batch.
      new ProjectionRunner(deps, projection, {
        batchSize: Number(batchSize),
        commitEvery: 2 * Number(batchSize),
      }),
  );
  for (const runner of runners) await runner.start();
  const head = await eventStore.headPosition();
  await Promise.all(runners.map((runner) => runner.waitForPosition(head, 20_000)));
  for (const runner of runners) await runner.stop();
  await Promise.all([eventStore.close(), readStore.close()]);
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
