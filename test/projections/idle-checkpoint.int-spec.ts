import { randomUUID } from 'node:crypto';
import type { ReadStore } from '../../src/application/ports/read-store.port';
import { ProjectionRunner } from '../../src/infrastructure/projections/projection-runner';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { complaintSlaMonthlyProjection } from '../../src/projections/complaint-sla-monthly/complaint-sla-monthly.projection';
import { writeComplaintHistory } from '../support/complaint-history';
import { runnerDeps, tempDir } from '../support/projection-fixtures';

const meta = { correlationId: 'c', causationId: null, actor: { userId: 'u', role: 'admin', dealerId: null } };

/**
 * Issue 14 §1 in part: at the head, an event a projection does not handle (or that changes none of its
 * documents) costs it no read-store write; its stored checkpoint follows at most every IDLE_CHECKPOINT_MS
 * and at stop, and a restart from that checkpoint counts nothing twice.
 */
describe('a live projection and the events it does not handle', () => {
  const temp = tempDir('crm-idle-');
  afterAll(() => temp.remove());

  it('writes nothing for them while following the log, and stores the checkpoint at stop', async () => {
    const eventStore = SqliteEventStore.open(temp.file('events.sqlite'));
    await writeComplaintHistory(eventStore, 4, 1);
    const sqlite = SqliteReadStore.open(temp.file('read.sqlite'));
    let commits = 0;
    const readStore: ReadStore = Object.assign(Object.create(sqlite) as ReadStore, {
      commitBatch: (batch: Parameters<ReadStore['commitBatch']>[0]) => {
        commits += 1;
        return sqlite.commitBatch(batch);
      },
    });
    const runner = new ProjectionRunner(runnerDeps(eventStore, readStore), complaintSlaMonthlyProjection);
    await runner.start();
    await runner.waitForPosition(await eventStore.headPosition());
    const before = commits;
    // Ten events of a kind the SLA projection does not read (walk-in traffic), one append each.
    for (let n = 0; n < 10; n += 1)
      await eventStore.appendToStream(
        `showroom-d-0-2026-03-${String(n + 1).padStart(2, '0')}`,
        [
          {
            eventId: randomUUID(),
            type: 'WalkInGroupsLogged',
            schemaVersion: 1,
            occurredAt: '2026-03-02T10:00:00.000Z',
            metadata: meta,
            data: {
              dealerId: 'd-0',
              date: `2026-03-${String(n + 1).padStart(2, '0')}`,
              groups: 3,
              loggedAt: '2026-03-02T10:00:00.000Z',
            },
          },
        ],
        'no_stream',
      );
    const head = await eventStore.headPosition();
    await runner.waitForPosition(head);
    // The read model shows the head at once; at most one idle checkpoint write went to the store in the
    // meantime (if IDLE_CHECKPOINT_MS passed since the last one), never one per event.
    expect((await runner.status()).position).toBe(head);
    expect(commits - before).toBeLessThanOrEqual(1);
    await runner.stop();
    expect((await sqlite.readCheckpoint(runner.checkpointName))?.position).toBe(head);
    await Promise.all([eventStore.close(), sqlite.close()]);
  });
});
