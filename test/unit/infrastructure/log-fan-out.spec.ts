import { EventEmitter } from 'node:events';
import type {
  ReadAllOptions,
  StoredEvent,
  SubscribeOptions,
} from '../../../src/application/ports/event-store.port';
import { interruptibleSleep } from '../../../src/infrastructure/event-store/catch-up-subscription';
import { FAN_OUT_QUEUE_LIMIT, LogFanOut } from '../../../src/infrastructure/event-store/log-fan-out';

/**
 * The fan-out's own rules, over a log in memory (the real stores' subscriptions are checked by the event
 * store contract, `test/contract/event-store.contract.ts`, on every adapter). Positions step by 10, as a
 * store's positions need not be consecutive.
 */
class MemoryLog {
  readonly events: StoredEvent[] = [];
  reads: ReadAllOptions[] = [];
  failNextReads = 0;
  private readonly appended = new EventEmitter();

  constructor() {
    this.appended.setMaxListeners(0);
  }

  append(count = 1): void {
    for (let i = 0; i < count; i += 1) {
      const position = (this.events.length + 1) * 10;
      this.events.push({
        eventId: `e${position}`,
        type: 'Happened',
        schemaVersion: 1,
        data: {},
        occurredAt: '2026-03-01T00:00:00.000Z',
        metadata: { correlationId: 'c', causationId: null, actor: { userId: 'u', role: 'admin' } },
        streamId: `s-${position}`,
        revision: 0,
        globalPosition: position,
        recordedAt: '2026-03-01T00:00:00.000Z',
      } as StoredEvent);
    }
    this.appended.emit('append');
  }

  readonly source = {
    readAll: async (options: ReadAllOptions): Promise<StoredEvent[]> => {
      this.reads.push(options);
      await Promise.resolve();
      if (this.failNextReads > 0) {
        this.failNextReads -= 1;
        throw new Error('the store did not answer');
      }
      return this.events
        .filter((event) => event.globalPosition > options.after)
        .slice(0, options.limit)
        .map((event) => ({ ...event }));
    },
    // A long poll: in these tests only an append (or a stop) wakes a waiting reader.
    waitForAppend: (_position: number, signal: AbortSignal) =>
      interruptibleSleep(60_000, signal, (wake) => {
        this.appended.once('append', wake);
        return () => this.appended.off('append', wake);
      }),
  };
}

type Seen = { positions: number[]; batches: number[]; caughtUp: number; errors: unknown[] };

const subscriber = (
  fanOut: LogFanOut,
  options: Partial<SubscribeOptions> & { onEvents?: (batch: readonly StoredEvent[]) => Promise<void> } = {},
) => {
  const seen: Seen = { positions: [], batches: [], caughtUp: 0, errors: [] };
  const subscription = fanOut.subscribe({
    after: options.after ?? 0,
    batchSize: options.batchSize ?? 100,
    onBatch: async (batch) => {
      seen.batches.push(batch.length);
      seen.positions.push(...batch.map((event) => event.globalPosition));
      await options.onEvents?.(batch);
    },
    onError: (error) => seen.errors.push(error),
    onCaughtUp: async () => {
      seen.caughtUp += 1;
    },
  });
  return { seen, subscription };
};

const until = async (condition: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 2000; i += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error(`timed out waiting for ${what}`);
};

const positionsUpTo = (count: number, after = 0) =>
  Array.from({ length: count }, (_, i) => (i + 1) * 10).filter((position) => position > after);

describe('LogFanOut: one reader of the log for every subscription of a process', () => {
  it('feeds every subscriber at the head from one read per new batch', async () => {
    const log = new MemoryLog();
    const fanOut = new LogFanOut(log.source);
    const subscribers = Array.from({ length: 5 }, () => subscriber(fanOut));
    await until(() => fanOut.stats().joined === 5, 'all five to join');
    const readsBefore = log.reads.length;

    log.append(3);
    await until(() => subscribers.every(({ seen }) => seen.positions.length === 3), 'the three events');

    // One read found the three events for all five, one found nothing more: not five of each.
    const reads = log.reads.slice(readsBefore);
    expect(reads).toEqual([
      { after: 0, limit: 100 },
      { after: 30, limit: 100 },
    ]);
    for (const { seen } of subscribers) expect(seen.positions).toEqual([10, 20, 30]);
    expect(fanOut.stats()).toMatchObject({ joined: 5, alone: 0 });
    await Promise.all(subscribers.map(({ subscription }) => subscription.stop()));
  });

  it('lets a subscriber that starts behind catch up alone, then join', async () => {
    const log = new MemoryLog();
    log.append(7);
    const fanOut = new LogFanOut(log.source);
    const atHead = subscriber(fanOut, { after: 70 });
    await until(() => fanOut.stats().joined === 1, 'the first to join');

    const behind = subscriber(fanOut, { after: 20, batchSize: 2 });
    await until(() => fanOut.stats().joined === 2, 'the one behind to join');
    expect(behind.seen.positions).toEqual([30, 40, 50, 60, 70]);
    expect(behind.seen.batches).toEqual([2, 2, 1]);
    expect(fanOut.stats().ownReads).toBeGreaterThan(0);

    log.append(3);
    await until(() => behind.seen.positions.length === 8, 'the new events');
    expect(behind.seen.positions).toEqual([30, 40, 50, 60, 70, 80, 90, 100]);
    // Never more than its own batch size, though the shared reader reads up to the largest.
    expect(Math.max(...behind.seen.batches)).toBe(2);
    expect(atHead.seen.positions).toEqual([80, 90, 100]);
    await Promise.all([atHead.subscription.stop(), behind.subscription.stop()]);
  });

  it('does not hold the others back for a slow subscriber, which still gets every event once, in order', async () => {
    const log = new MemoryLog();
    const fanOut = new LogFanOut(log.source);
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const slow = subscriber(fanOut, { batchSize: 1, onEvents: () => released });
    const fast = subscriber(fanOut, { batchSize: 1 });
    await until(() => fanOut.stats().joined === 2, 'both to join');

    // More batches than the slow one may have waiting: the fast one is served all the same.
    for (let i = 0; i < FAN_OUT_QUEUE_LIMIT + 3; i += 1) {
      log.append();
      await until(() => fast.seen.positions.length === i + 1, `event ${i + 1} for the fast one`);
    }
    expect(slow.seen.positions).toEqual([10]);
    // It has no more than the limit waiting: past it, it was left to read alone.
    expect(fanOut.stats()).toMatchObject({ joined: 1, alone: 1 });

    release();
    await until(() => slow.seen.positions.length === FAN_OUT_QUEUE_LIMIT + 3, 'the slow one to catch up');
    expect(slow.seen.positions).toEqual(positionsUpTo(FAN_OUT_QUEUE_LIMIT + 3));
    // Caught up, it joins the shared reader again.
    await until(() => fanOut.stats().joined === 2, 'the slow one to join again');
    await Promise.all([slow.subscription.stop(), fast.subscription.stop()]);
  });

  it('never deadlocks a subscriber whose handler waits for another subscriber to see a later event', async () => {
    const log = new MemoryLog();
    const fanOut = new LogFanOut(log.source);
    let projected = 0;
    const projection = subscriber(fanOut, {
      onEvents: async (batch) => {
        projected = batch[batch.length - 1].globalPosition;
      },
    });
    // A reactor: for the first event it appends more, and waits until the projection has them all
    // (a command waiting for read-your-writes).
    const reactor = subscriber(fanOut, {
      onEvents: async (batch) => {
        if (batch[0].globalPosition !== 10) return;
        for (let i = 0; i < FAN_OUT_QUEUE_LIMIT + 2; i += 1) {
          log.append();
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        await until(() => projected === (FAN_OUT_QUEUE_LIMIT + 3) * 10, 'the projection to see them');
      },
    });
    await until(() => fanOut.stats().joined === 2, 'both to join');
    log.append();
    await until(() => reactor.seen.positions.length === FAN_OUT_QUEUE_LIMIT + 3, 'the reactor to go on');
    expect(reactor.seen.positions).toEqual(positionsUpTo(FAN_OUT_QUEUE_LIMIT + 3));
    expect(reactor.seen.errors).toEqual([]);
    await Promise.all([projection.subscription.stop(), reactor.subscription.stop()]);
  });

  it('stops only the subscriber whose handler threw; a failed shared read stops every joined one', async () => {
    const log = new MemoryLog();
    const fanOut = new LogFanOut(log.source);
    const failing = subscriber(fanOut, {
      onEvents: async () => {
        throw new Error('projector bug');
      },
    });
    const healthy = subscriber(fanOut);
    await until(() => fanOut.stats().joined === 2, 'both to join');
    log.append();
    await until(() => failing.seen.errors.length === 1 && healthy.seen.positions.length === 1, 'the event');
    expect(String(failing.seen.errors[0])).toContain('projector bug');
    expect(fanOut.stats()).toMatchObject({ joined: 1, alone: 0 });

    log.append();
    await until(() => healthy.seen.positions.length === 2, 'the second event');
    expect(failing.seen.positions).toEqual([10]);

    log.failNextReads = 1;
    log.append();
    await until(() => healthy.seen.errors.length === 1, 'the store error');
    expect(String(healthy.seen.errors[0])).toContain('did not answer');
    expect(fanOut.stats()).toMatchObject({ joined: 0, alone: 0 });
  });

  it('calls a stopped subscriber no more, and tells the others when they have caught up', async () => {
    const log = new MemoryLog();
    const fanOut = new LogFanOut(log.source);
    const stopped = subscriber(fanOut);
    const going = subscriber(fanOut);
    await until(() => fanOut.stats().joined === 2, 'both to join');
    await stopped.subscription.stop();
    const caughtUpBefore = going.seen.caughtUp;
    log.append(2);
    await until(() => going.seen.caughtUp > caughtUpBefore && going.seen.positions.length === 2, 'caught up');
    expect(stopped.seen.positions).toEqual([]);
    expect(fanOut.stats()).toMatchObject({ joined: 1, alone: 0 });
    await going.subscription.stop();
    expect(fanOut.stats()).toMatchObject({ joined: 0, alone: 0 });
  });

  it('gives each subscriber exactly the events after its start, in order, whatever the mix (property)', async () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 8; round += 1) {
      const log = new MemoryLog();
      log.append(Math.floor(random() * 30));
      const fanOut = new LogFanOut(log.source);
      const subscribers: Array<{ after: number; seen: Seen; stop: () => Promise<void> }> = [];
      for (let i = 0; i < 6; i += 1) {
        if (random() < 0.5) log.append(Math.floor(random() * 5));
        const after = Math.floor(random() * (log.events.length + 1)) * 10;
        const delay = random() < 0.3 ? Math.floor(random() * 3) : 0;
        const { seen, subscription } = subscriber(fanOut, {
          after,
          batchSize: 1 + Math.floor(random() * 7),
          onEvents: async () => {
            if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
          },
        });
        subscribers.push({ after, seen, stop: subscription.stop });
        if (random() < 0.5) await new Promise((resolve) => setTimeout(resolve, 1));
      }
      for (let i = 0; i < 10; i += 1) {
        log.append(Math.floor(random() * 4));
        if (random() < 0.5) await new Promise((resolve) => setTimeout(resolve, 1));
      }
      const total = log.events.length;
      await until(
        () =>
          subscribers.every(
            ({ after, seen }) => seen.positions.length === positionsUpTo(total, after).length,
          ),
        `round ${round}`,
      );
      for (const { after, seen } of subscribers) expect(seen.positions).toEqual(positionsUpTo(total, after));
      await Promise.all(subscribers.map(({ stop }) => stop()));
    }
  });
});
