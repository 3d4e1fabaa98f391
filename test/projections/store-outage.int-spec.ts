import type { EventStore, StoredEvent } from '../../src/application/ports/event-store.port';
import type { ReadStore } from '../../src/application/ports/read-store.port';
import type { ReactorDefinition } from '../../src/application/shared/reactor';
import { rebuildProjections } from '../../src/infrastructure/projections/projection-rebuilder';
import { ProjectionRunner } from '../../src/infrastructure/projections/projection-runner';
import type { RunnerDeps } from '../../src/infrastructure/projections/runner-support';
import type { RetryStatus } from '../../src/infrastructure/projections/store-retry';
import { ReactorRunner } from '../../src/infrastructure/reactors/reactor-runner';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { writeComplaintHistory } from '../support/complaint-history';
import {
  faultyEventStore,
  faultyReadStore,
  recordingRetryPolicy,
  StoreFaults,
} from '../support/faulty-stores';
import {
  COMPLAINT_PROJECTIONS,
  runnerDeps,
  snapshotReadModels,
  tempDir,
} from '../support/projection-fixtures';

type Logged = { level: string; message: string; fields?: Record<string, unknown> };

/**
 * The backoff of `recordingRetryPolicy` worked out by hand: step = min(800, 100 × 2^(attempt−1)), delay =
 * step/2 + 0.5 × step/2 = 0.75 × step.
 */
const DELAY_OF_ATTEMPT: Record<number, number> = { 1: 75, 2: 150, 3: 300, 4: 600, 5: 600, 6: 600 };

describe('runners through a store outage (real SQLite stores behind a fault-injecting wrapper)', () => {
  const temp = tempDir('crm-outage-');
  let files = 0;
  const fresh = (name: string) => temp.file(`${name}-${(files += 1)}.sqlite`);
  afterAll(() => temp.remove());

  /** complaintHistory(40, 2): 40 complaints, 20 per dealer, 70 events (test/support/complaint-history.ts). */
  const history = async () => {
    const eventStore = SqliteEventStore.open(fresh('events'));
    expect(await writeComplaintHistory(eventStore, 40, 2)).toBe(70);
    return eventStore;
  };

  const faulty = (eventStore: EventStore, readStore: ReadStore) => {
    const eventFaults = new StoreFaults();
    const readFaults = new StoreFaults();
    const logged: Logged[] = [];
    const delays: number[] = [];
    const seen: { sleep: (delay: number) => void | Promise<void> } = { sleep: () => undefined };
    const deps: RunnerDeps = {
      ...runnerDeps(faultyEventStore(eventStore, eventFaults), faultyReadStore(readStore, readFaults)),
      log: (level, message, fields) => logged.push({ level, message, fields }),
      retry: recordingRetryPolicy(async (delay) => {
        delays.push(delay);
        await seen.sleep(delay);
      }),
    };
    return { deps, eventFaults, readFaults, logged, delays, seen };
  };

  /** Every retry was logged with its attempt, and waited the delay worked out for that attempt. */
  const expectBackoffByAttempt = (logged: readonly Logged[], delays: readonly number[]) => {
    const attempts = logged.filter((entry) => entry.level === 'warn').map((entry) => entry.fields?.attempt);
    expect(attempts.length).toBe(delays.length);
    expect(delays).toEqual(attempts.map((attempt) => DELAY_OF_ATTEMPT[attempt as number]));
  };

  const cleanBuild = async (eventStore: EventStore) => {
    const readStore = SqliteReadStore.open(fresh('clean'));
    const runners = COMPLAINT_PROJECTIONS.map(
      (projection) => new ProjectionRunner(runnerDeps(eventStore, readStore), projection),
    );
    for (const runner of runners) await runner.start();
    const head = await eventStore.headPosition();
    await Promise.all(runners.map((runner) => runner.waitForPosition(head)));
    for (const runner of runners) await runner.stop();
    return readStore;
  };

  it('the projection runner retries, shows `retrying`, and ends equal to a clean build', async () => {
    const eventStore = await history();
    const readStore = SqliteReadStore.open(fresh('read'));
    const { deps, eventFaults, readFaults, logged, delays, seen } = faulty(eventStore, readStore);
    // An outage of the event store's reads (3 in a row: attempts 1 to 3), then of the read store's commits,
    // one of them landing with its answer lost, and reads of documents and checkpoints.
    eventFaults.fail('read', 3, { after: 2 }).fail('read', 1, { after: 6 });
    readFaults
      .fail('commit', 2, { after: 1 })
      .fail('commit', 1, { after: 1, mode: 'lost-reply' })
      .fail('read', 2, { after: 5 });
    const runners = COMPLAINT_PROJECTIONS.map(
      (projection) => new ProjectionRunner(deps, projection, { batchSize: 4, commitEvery: 8 }),
    );
    const whileRetrying: Array<RetryStatus | null> = [];
    seen.sleep = async () => {
      whileRetrying.push(...runners.map((runner) => runner.retrying).filter(Boolean));
    };
    for (const runner of runners) await runner.start();
    const head = await eventStore.headPosition();
    await Promise.all(runners.map((runner) => runner.waitForPosition(head)));
    for (const runner of runners) await runner.stop();

    expect(eventFaults.pending + readFaults.pending).toBe(0);
    expect(eventFaults.injected.read).toBe(4);
    expect(readFaults.injected).toEqual({ read: 2, write: 0, commit: 3 });
    expect(whileRetrying.length).toBeGreaterThan(0);
    expect(whileRetrying[0]).toMatchObject({
      attempt: 1,
      lastError: expect.stringMatching(/EventStoreDB could not serve the read of \$all \(injected outage\)/),
    });
    expect(whileRetrying.map((retry) => retry?.attempt)).toContain(3);
    expectBackoffByAttempt(logged, delays);
    expect(logged.filter((entry) => entry.level === 'error')).toEqual([]);

    const clean = await cleanBuild(eventStore);
    expect(await snapshotReadModels(readStore, COMPLAINT_PROJECTIONS)).toEqual(
      await snapshotReadModels(clean, COMPLAINT_PROJECTIONS),
    );
    // Counted once: 20 complaints filed per dealer, as the history was written.
    const sla = await readStore.find<{ dealerId: string; filed: number }>('complaint_sla_monthly_v1', {});
    expect(sla.map(({ dealerId, filed }) => [dealerId, filed]).sort()).toEqual([
      ['d-0', 20],
      ['d-1', 20],
    ]);
    const statuses = await Promise.all(runners.map((runner) => runner.status()));
    expect(statuses.map((status) => [status.state, status.position, status.retry])).toEqual([
      ['stopped', head, null],
      ['stopped', head, null],
    ]);
    for (const runner of runners) {
      expect(await readStore.readCheckpoint(runner.checkpointName)).toMatchObject({
        position: head,
        status: 'running',
        error: null,
      });
    }
    await Promise.all([eventStore.close(), readStore.close(), clean.close()]);
  });

  it('the projection runner records `retrying` with the attempt in its checkpoint for other processes', async () => {
    const eventStore = await history();
    const readStore = SqliteReadStore.open(fresh('read'));
    const { deps, eventFaults, seen } = faulty(eventStore, readStore);
    eventFaults.fail('read', 2, { after: 1 });
    const runner = new ProjectionRunner(deps, COMPLAINT_PROJECTIONS[0], { batchSize: 10 });
    const stored: unknown[] = [];
    // Read past the wrapper: what `crm projections list` in another process finds.
    seen.sleep = async () => void stored.push(await readStore.readCheckpoint(runner.checkpointName));
    await runner.start();
    await runner.waitForPosition(await eventStore.headPosition());
    await runner.stop();
    expect(stored).toEqual([
      expect.objectContaining({ status: 'retrying', error: expect.objectContaining({ attempt: 1 }) }),
      expect.objectContaining({ status: 'retrying', error: expect.objectContaining({ attempt: 2 }) }),
    ]);
    expect(await readStore.readCheckpoint(runner.checkpointName)).toMatchObject({
      status: 'running',
      error: null,
    });
    await Promise.all([eventStore.close(), readStore.close()]);
  });

  it('the reactor runner retries its commands and checkpoints and issues each effect once', async () => {
    const eventStore = await history();
    const readStore = SqliteReadStore.open(fresh('read'));
    const { deps, eventFaults, readFaults, logged, delays } = faulty(eventStore, readStore);
    // A tally per filed complaint, made idempotent the way the command pipeline is: the key is stored
    // with the event, and a retry that finds it appends nothing.
    const tally: ReactorDefinition = {
      name: 'complaint-tally',
      handles: ['ComplaintFiled'],
      react: async (event, context) => {
        const { idempotencyKey } = context.commandContext();
        const streamId = `tally-${String(event.data.complaintId)}`;
        const existing = await deps.eventStore.readStream(streamId);
        if (existing.some((stored) => stored.metadata.idempotencyKey === idempotencyKey)) return;
        await deps.eventStore.appendToStream(
          streamId,
          [
            {
              eventId: `${event.eventId.slice(0, 30)}tally`,
              type: 'ComplaintTallied',
              schemaVersion: 1,
              data: { complaintId: event.data.complaintId },
              occurredAt: event.occurredAt,
              metadata: { ...event.metadata, causationId: event.eventId, idempotencyKey },
            },
          ],
          existing.length === 0 ? 'no_stream' : existing.length - 1,
        );
      },
    };
    // Appends refused and appends whose answer is lost (they landed), reads of streams and of
    // checkpoints refused, a checkpoint write refused.
    eventFaults
      .fail('write', 2, { after: 3 })
      .fail('write', 2, { after: 4, mode: 'lost-reply' })
      .fail('read', 2, { after: 20 });
    readFaults.fail('write', 1, { after: 2 }).fail('read', 1, { after: 0 });
    const runner = new ReactorRunner(deps, tally, 5);
    await runner.start();
    // The reactor appends as it goes: wait until its checkpoint has passed every event it caused.
    for (let turn = 0; turn < 500; turn += 1) {
      const status = await runner.status();
      if (status.state === 'running' && status.position === (await eventStore.headPosition())) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await runner.stop();

    expect(eventFaults.pending + readFaults.pending).toBe(0);
    expect(eventFaults.injected).toEqual({ read: 2, write: 4, commit: 0 });
    expectBackoffByAttempt(logged, delays);
    expect(logged.filter((entry) => entry.level === 'error')).toEqual([]);
    const all: StoredEvent[] = await eventStore.readAll({ after: 0, limit: 1000 });
    const tallies = all.filter((event) => event.type === 'ComplaintTallied');
    // One tally per complaint: 40, none twice, none missing.
    expect(tallies).toHaveLength(40);
    expect(new Set(tallies.map((event) => event.streamId)).size).toBe(40);
    expect((await runner.status()).state).toBe('stopped');
    await Promise.all([eventStore.close(), readStore.close()]);
  });

  it('the blue/green rebuild retries through the outage and switches to what a clean rebuild builds', async () => {
    const eventStore = await history();
    const readStore = SqliteReadStore.open(fresh('read'));
    const { deps, eventFaults, readFaults, logged, delays } = faulty(eventStore, readStore);
    eventFaults.fail('read', 2, { after: 3 });
    readFaults
      .fail('commit', 1, { after: 2 })
      .fail('commit', 1, { after: 1, mode: 'lost-reply' })
      // The index creation at the head, then the switch whose answer is lost (the switch was made).
      .fail('write', 1, { after: 6 })
      .fail('write', 1, { after: 4, mode: 'lost-reply' });
    const retries: RetryStatus[] = [];
    const result = await rebuildProjections(deps, COMPLAINT_PROJECTIONS, {
      batchSize: 8,
      commitEvery: 16,
      retireGraceMs: 0,
      onProgress: (progress) => {
        if (progress.retry) retries.push(progress.retry);
      },
    });
    expect(result).toMatchObject({ state: 'done', error: null, retry: null });
    expect(eventFaults.pending + readFaults.pending).toBe(0);
    expect(readFaults.injected.commit).toBe(2);
    expect(readFaults.injected.write).toBe(2);
    expect(retries.length).toBeGreaterThan(0);
    expect(delays).toEqual(retries.map((retry) => DELAY_OF_ATTEMPT[retry.attempt]));
    expect(logged.filter((entry) => entry.level === 'error')).toEqual([]);

    const clean = SqliteReadStore.open(fresh('clean'));
    const cleanResult = await rebuildProjections(runnerDeps(eventStore, clean), COMPLAINT_PROJECTIONS, {
      retireGraceMs: 0,
    });
    expect(cleanResult.state).toBe('done');
    expect(await snapshotReadModels(readStore, COMPLAINT_PROJECTIONS)).toEqual(
      await snapshotReadModels(clean, COMPLAINT_PROJECTIONS),
    );
    const sla = await readStore.find<{ dealerId: string; filed: number }>('complaint_sla_monthly_v1', {});
    expect(sla.map(({ dealerId, filed }) => [dealerId, filed]).sort()).toEqual([
      ['d-0', 20],
      ['d-1', 20],
    ]);
    const slots = await readStore.listSlots();
    expect(slots.map((slot) => [slot.collection, slot.live.generation, slot.building])).toEqual(
      expect.arrayContaining([
        ['complaints', 1, null],
        ['complaint_sla_monthly', 1, null],
      ]),
    );
    await Promise.all([eventStore.close(), readStore.close(), clean.close()]);
  });
});
