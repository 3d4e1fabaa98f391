import { randomUUID } from 'node:crypto';
import { GenericContainer, type StartedTestContainer, Wait } from 'testcontainers';
import type { NewEvent } from '../../src/application/ports/event-store.port';
import { EventStoreDbEventStore } from '../../src/infrastructure/eventstoredb/eventstoredb-event-store';
import { ProjectionRunner } from '../../src/infrastructure/projections/projection-runner';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { complaintDetailsProjection } from '../../src/projections/complaint-details/complaint-details.projection';
import type { AnyProjection } from '../../src/projections/shared/projection';
import { complaintHistory } from '../support/complaint-history';
import { CONTAINER_START_TIMEOUT_MS, describeWithContainers } from '../support/container-runtime';
import { runnerDeps, tempDir } from '../support/projection-fixtures';

const IMAGE = 'eventstore/eventstore:24.10';

const retry = {
  initialDelayMs: 200,
  maxDelayMs: 2000,
  random: Math.random,
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

/** complaintHistory(10, 1) with fresh ids, each filing followed by its acknowledgement. */
const writeHistory = async (store: EventStoreDbEventStore, prefix: string): Promise<string[]> => {
  const filed: string[] = [];
  for (const { streamId, events } of complaintHistory(10, 1)) {
    const rename = (event: NewEvent): NewEvent => ({
      ...event,
      eventId: randomUUID(),
      data: { ...event.data, complaintId: `${prefix}-${String(event.data.complaintId)}` },
    });
    const stream = `${streamId}-${prefix}`;
    await store.appendToStream(stream, [rename(events[0])], 'no_stream');
    filed.push(`${prefix}-${String(events[0].data.complaintId)}`);
    if (events[1]) await store.appendToStream(stream, [rename(events[1])], 0);
  }
  return filed;
};

describeWithContainers(`EventStoreDB recovery on ${IMAGE}`, 'EventStoreDB leader election and resume', () => {
  let container: StartedTestContainer | undefined;
  let url = '';
  const temp = tempDir('crm-esdb-recovery-');

  beforeAll(async () => {
    // Started as soon as /health/live answers: the node may still be electing itself (ServerNotReady).
    container = await new GenericContainer(IMAGE)
      .withEnvironment({
        EVENTSTORE_INSECURE: 'true',
        EVENTSTORE_RUN_PROJECTIONS: 'None',
        EVENTSTORE_MEM_DB: 'true',
        EVENTSTORE_CLUSTER_SIZE: '1',
      })
      .withExposedPorts(2113)
      .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
      .withStartupTimeout(CONTAINER_START_TIMEOUT_MS)
      .start();
    url = `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
  }, CONTAINER_START_TIMEOUT_MS + 60_000);

  afterAll(async () => {
    temp.remove();
    await container?.stop();
  }, 60_000);

  it('a runner started before the node is leader retries through ServerNotReady and catches up', async () => {
    const eventStore = new EventStoreDbEventStore(url, { deadlineMs: 2000 });
    const readStore = SqliteReadStore.open(temp.file('election.sqlite'));
    const runner = new ProjectionRunner(
      { ...runnerDeps(eventStore, readStore), retry },
      complaintDetailsProjection,
      { batchSize: 5 },
    );
    try {
      await runner.start();
      const writer = new EventStoreDbEventStore(url, { deadlineMs: 10_000 });
      let filed: string[] = [];
      for (let attempt = 0; filed.length === 0; attempt += 1) {
        filed = await writeHistory(writer, `e${attempt}`).catch((error: unknown) => {
          if (attempt > 60) throw error;
          return new Promise<string[]>((resolve) => setTimeout(() => resolve([]), 1000));
        });
      }
      await runner.waitForPosition(await writer.headPosition(), 60_000);
      await writer.close();
      expect((await runner.status()).state).toBe('running');
      for (const complaintId of filed)
        expect(await readStore.get('complaints_v3', complaintId)).not.toBeNull();
    } finally {
      await runner.stop();
      await Promise.all([eventStore.close(), readStore.close()]);
    }
  }, 120_000);

  it('a failed projection stores a real position and resumes from it without InvalidPosition', async () => {
    const eventStore = new EventStoreDbEventStore(url, { deadlineMs: 10_000 });
    const readStore = SqliteReadStore.open(temp.file('resume.sqlite'));
    const prefix = `r${randomUUID().slice(0, 8)}`;
    const filed = await writeHistory(eventStore, prefix);
    const poisoned = `${prefix}-c-00007`;
    let broken = true;
    const applied = new Map<string, number>();
    const filings: AnyProjection = {
      ...complaintDetailsProjection,
      name: 'filings',
      handles: ['ComplaintFiled'],
      apply: (doc, event, id) => {
        if (broken && event.data.complaintId === poisoned) throw new Error(`cannot read ${poisoned}`);
        applied.set(event.eventId, (applied.get(event.eventId) ?? 0) + 1);
        return complaintDetailsProjection.apply(doc, event, id);
      },
    };
    const runner = new ProjectionRunner({ ...runnerDeps(eventStore, readStore), retry }, filings, {
      batchSize: 5,
    });
    try {
      await runner.start();
      const head = await eventStore.headPosition();
      await expect(runner.waitForPosition(head, 5000)).rejects.toThrow(/did not reach/);
      const failed = await runner.status();
      expect(failed.state).toBe('failed');
      // The checkpoint is the position of an event the store returned, and lag cannot be counted here.
      const all = await eventStore.readAll({ after: 0, limit: 10_000 });
      expect(all.map((event) => event.globalPosition)).toContain(failed.position);
      expect(failed.lag?.events).toBe('unknown');
      broken = false;
      await runner.start();
      await runner.waitForPosition(head, 30_000);
      const mine = all.filter(
        (event) => event.type === 'ComplaintFiled' && filed.includes(String(event.data.complaintId)),
      );
      expect(mine).toHaveLength(10);
      for (const event of mine) expect(applied.get(event.eventId)).toBe(1);
    } finally {
      await runner.stop();
      await Promise.all([eventStore.close(), readStore.close()]);
    }
  }, 120_000);
});
