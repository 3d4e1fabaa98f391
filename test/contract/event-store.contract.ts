import { randomUUID } from 'node:crypto';
import {
  type EventStore,
  type NewEvent,
  type StoredEvent,
  WrongExpectedRevisionError,
} from '../../src/application/ports/event-store.port';

const actor = { userId: 'u-1', role: 'dealer-manager', dealerId: 'd-1' };

export const newEvent = (type: string, data: Record<string, unknown> = {}): NewEvent => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  data,
  occurredAt: '2026-03-02T09:00:00.000Z',
  metadata: { correlationId: 'corr-1', causationId: null, actor },
});

const uniqueStream = () => `contract-${randomUUID().replace(/-/g, '')}`;

/** Every event after `after`, in pages. */
const readAllAfter = async (store: EventStore, after: number): Promise<StoredEvent[]> => {
  const all: StoredEvent[] = [];
  for (let from = after; ;) {
    const batch = await store.readAll({ after: from, limit: 100 });
    if (batch.length === 0) return all;
    all.push(...batch);
    from = batch[batch.length - 1].globalPosition;
  }
};

/**
 * The event store contract: every adapter runs it. `open` returns a store; streams are random per test,
 * so a shared server is fine, but global-order assertions only look at this test's own events.
 */
export const eventStoreContract = (
  adapterName: string,
  open: () => Promise<EventStore>,
  cleanup?: () => Promise<void>,
): void => {
  describe(`event store contract: ${adapterName}`, () => {
    let store: EventStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });
    if (cleanup) afterAll(cleanup);

    it('appends to a new stream and reads it back with the whole envelope', async () => {
      const stream = uniqueStream();
      const first = newEvent('ComplaintFiled', {
        complaintId: 'c-1',
        nested: { a: [1, 2] },
        text: '刹车异响',
      });
      const second = {
        ...newEvent('ComplaintAcknowledged', { complaintId: 'c-1' }),
        schemaVersion: 2,
        metadata: { correlationId: 'corr-9', causationId: 'cause-3', actor, idempotencyKey: 'k-1' },
      };
      const result = await store.appendToStream(stream, [first, second], 'no_stream');
      expect(result.nextExpectedRevision).toBe(1);

      const events = await store.readStream(stream);
      expect(events).toHaveLength(2);
      expect(events[0]).toMatchObject({ ...first, streamId: stream, revision: 0 });
      expect(events[1]).toMatchObject({ ...second, streamId: stream, revision: 1 });
      expect(events[1].globalPosition).toBeGreaterThan(events[0].globalPosition);
      expect(result.lastPosition).toBe(events[1].globalPosition);
      expect(Number.isNaN(Date.parse(events[0].recordedAt))).toBe(false);
    });

    it('returns an empty list for a stream that does not exist', async () => {
      expect(await store.readStream(uniqueStream())).toEqual([]);
    });

    it('refuses no_stream on an existing stream and appends nothing', async () => {
      const stream = uniqueStream();
      await store.appendToStream(stream, [newEvent('A')], 'no_stream');
      await expect(store.appendToStream(stream, [newEvent('B')], 'no_stream')).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      expect((await store.readStream(stream)).map((event) => event.type)).toEqual(['A']);
    });

    it('appends at the exact revision and refuses a stale one with the actual revision', async () => {
      const stream = uniqueStream();
      await store.appendToStream(stream, [newEvent('A'), newEvent('B')], 'no_stream');
      await store.appendToStream(stream, [newEvent('C')], 1);
      const stale = store.appendToStream(stream, [newEvent('D'), newEvent('E')], 1);
      await expect(stale).rejects.toMatchObject({ streamId: stream, expected: 1, actual: 2 });
      await expect(store.appendToStream(uniqueStream(), [newEvent('X')], 0)).rejects.toMatchObject({
        actual: 'no_stream',
      });
      expect((await store.readStream(stream)).map((event) => event.type)).toEqual(['A', 'B', 'C']);
    });

    it('appends with any whatever the revision', async () => {
      const stream = uniqueStream();
      await store.appendToStream(stream, [newEvent('A')], 'any');
      await store.appendToStream(stream, [newEvent('B')], 'any');
      expect((await store.readStream(stream)).map((event) => event.revision)).toEqual([0, 1]);
    });

    it('lets exactly one of two concurrent appends at the same revision land, whole', async () => {
      const stream = uniqueStream();
      await store.appendToStream(stream, [newEvent('Opened')], 'no_stream');
      const left = [newEvent('L1'), newEvent('L2'), newEvent('L3')];
      const right = [newEvent('R1'), newEvent('R2'), newEvent('R3')];
      const outcomes = await Promise.allSettled([
        store.appendToStream(stream, left, 0),
        store.appendToStream(stream, right, 0),
      ]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const rejected = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(WrongExpectedRevisionError);
      const types = (await store.readStream(stream)).map((event) => event.type);
      expect([
        ['Opened', 'L1', 'L2', 'L3'],
        ['Opened', 'R1', 'R2', 'R3'],
      ]).toContainEqual(types);
    });

    it('lets exactly one of several concurrent creations of the same stream land, whole', async () => {
      const stream = uniqueStream();
      const racers = ['A', 'B', 'C', 'D'].map((label) => [newEvent(`${label}1`), newEvent(`${label}2`)]);
      const outcomes = await Promise.allSettled(
        racers.map((events) => store.appendToStream(stream, events, 'no_stream')),
      );
      const won = outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [index] : []));
      expect(won).toHaveLength(1);
      for (const outcome of outcomes)
        if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
      const winner = racers[won[0]].map((event) => event.type);
      expect((await store.readStream(stream)).map((event) => event.type)).toEqual(winner);
    });

    // Issue 14 §3: a store may commit concurrent appends together (SQLite's group commit); each must keep
    // its own outcome and the log its order, exactly as when they are committed one by one.
    it('lands every one of many concurrent appends to different streams, each whole, contiguous in the log and at the position it answered', async () => {
      const before = await store.headPosition();
      const streams = Array.from({ length: 8 }, () => uniqueStream());
      const results = await Promise.all(
        streams.map((stream, n) =>
          store.appendToStream(stream, [newEvent(`S${n}a`), newEvent(`S${n}b`)], 'no_stream'),
        ),
      );
      const mine = (await readAllAfter(store, before)).filter((event) => streams.includes(event.streamId));
      expect(mine).toHaveLength(16);
      const positions = mine.map((event) => event.globalPosition);
      expect(new Set(positions).size).toBe(16);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      for (const [n, stream] of streams.entries()) {
        const own = mine.filter((event) => event.streamId === stream);
        expect(own.map((event) => [event.type, event.revision])).toEqual([
          [`S${n}a`, 0],
          [`S${n}b`, 1],
        ]);
        expect(results[n]).toEqual({ nextExpectedRevision: 1, lastPosition: own[1].globalPosition });
        // Nothing of another append lies between the two events of one append.
        const next = await store.readAll({ after: own[0].globalPosition, limit: 1 });
        expect(next.map((event) => event.eventId)).toEqual([own[1].eventId]);
      }
    });

    it('fails only the concurrent append at a wrong revision, which appends nothing; the others land', async () => {
      const stale = uniqueStream();
      await store.appendToStream(stale, [newEvent('Opened')], 'no_stream');
      const [left, right] = [uniqueStream(), uniqueStream()];
      const outcomes = await Promise.allSettled([
        store.appendToStream(left, [newEvent('L1'), newEvent('L2')], 'no_stream'),
        store.appendToStream(stale, [newEvent('X1'), newEvent('X2')], 3),
        store.appendToStream(right, [newEvent('R1')], 'no_stream'),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ expected: 3, actual: 0 });
      expect((await store.readStream(stale)).map((event) => event.type)).toEqual(['Opened']);
      expect((await store.readStream(left)).map((event) => event.type)).toEqual(['L1', 'L2']);
      expect((await store.readStream(right)).map((event) => event.type)).toEqual(['R1']);
    });

    it('reads all events in global order, in batches, from an exclusive position up to an inclusive one', async () => {
      const stream = uniqueStream();
      const before = await store.headPosition();
      await store.appendToStream(stream, [newEvent('E0'), newEvent('E1'), newEvent('E2')], 'no_stream');
      await store.appendToStream(uniqueStream(), [newEvent('Other')], 'no_stream');
      await store.appendToStream(stream, [newEvent('E3'), newEvent('E4')], 2);

      const mine: StoredEvent[] = [];
      let after = before;
      for (;;) {
        const batch = await store.readAll({ after, limit: 2 });
        if (batch.length === 0) break;
        expect(batch.length).toBeLessThanOrEqual(2);
        mine.push(...batch.filter((event) => event.streamId === stream));
        after = batch[batch.length - 1].globalPosition;
      }
      expect(mine.map((event) => event.type)).toEqual(['E0', 'E1', 'E2', 'E3', 'E4']);
      const positions = mine.map((event) => event.globalPosition);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      expect(await store.headPosition()).toBeGreaterThanOrEqual(positions[4]);

      const bounded = await store.readAll({ after: positions[0], limit: 100, upTo: positions[2] });
      const boundedMine = bounded.filter((event) => event.streamId === stream).map((event) => event.type);
      expect(boundedMine).toEqual(['E1', 'E2']);
      expect(bounded.every((event) => event.globalPosition <= positions[2])).toBe(true);
    });

    it('subscribes from a position, catches up, then follows new appends in order', async () => {
      const stream = uniqueStream();
      await store.appendToStream(stream, [newEvent('Old0'), newEvent('Old1')], 'no_stream');
      const [firstOld] = await store.readStream(stream);

      const seen: string[] = [];
      let batches = 0;
      let resolveDone: () => void = () => undefined;
      const done = new Promise<void>((resolve) => (resolveDone = resolve));
      const subscription = store.subscribeToAll({
        after: firstOld.globalPosition,
        batchSize: 2,
        onBatch: async (batch) => {
          batches += 1;
          seen.push(...batch.filter((event) => event.streamId === stream).map((event) => event.type));
          if (seen.includes('New2')) resolveDone();
        },
        onError: (error) => {
          throw error;
        },
      });
      await store.appendToStream(stream, [newEvent('New0')], 1);
      await store.appendToStream(stream, [newEvent('New1'), newEvent('New2')], 2);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        done,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`saw only ${seen.join(',')}`)), 5000);
        }),
      ]).finally(() => clearTimeout(timer));
      await subscription.stop();
      expect(seen).toEqual(['Old1', 'New0', 'New1', 'New2']);
      expect(batches).toBeGreaterThanOrEqual(2);
    });

    it('tells the subscriber when it has caught up with the head', async () => {
      const stream = uniqueStream();
      const before = await store.headPosition();
      await store.appendToStream(stream, [newEvent('A'), newEvent('B'), newEvent('C')], 'no_stream');
      const seen: string[] = [];
      let caughtUpAfter: string[] | undefined;
      let resolveCaughtUp: () => void = () => undefined;
      const caughtUp = new Promise<void>((resolve) => (resolveCaughtUp = resolve));
      const subscription = store.subscribeToAll({
        after: before,
        batchSize: 2,
        onBatch: async (batch) => {
          seen.push(...batch.filter((event) => event.streamId === stream).map((event) => event.type));
        },
        onError: () => undefined,
        onCaughtUp: async () => {
          caughtUpAfter ??= [...seen];
          resolveCaughtUp();
        },
      });
      await caughtUp;
      await subscription.stop();
      expect(caughtUpAfter).toEqual(['A', 'B', 'C']);
    });

    it('stops a subscription so its handler is not called again', async () => {
      const calls: number[] = [];
      const subscription = store.subscribeToAll({
        after: await store.headPosition(),
        batchSize: 10,
        onBatch: async (batch) => {
          calls.push(batch.length);
        },
        onError: () => undefined,
      });
      await subscription.stop();
      await store.appendToStream(uniqueStream(), [newEvent('AfterStop')], 'no_stream');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(calls).toEqual([]);
    });

    it('answers a ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
};
