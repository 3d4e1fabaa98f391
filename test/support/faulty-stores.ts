import {
  type EventStore,
  StoreUnavailableError,
  type SubscribeOptions,
} from '../../src/application/ports/event-store.port';
import type { ReadStore } from '../../src/application/ports/read-store.port';
import { fanOutPolling } from './fan-out-polling';
import type { RetryPolicy } from '../../src/infrastructure/projections/store-retry';

export type FaultKind = 'read' | 'write' | 'commit';

/**
 * - `refused`: the call fails before the store does anything (a server that is down or not leader);
 * - `lost-reply`: the store does the work, then the answer is lost (a step-down after the write, a
 *   deadline passed while the server committed): the caller cannot tell it from `refused`.
 */
export type FaultMode = 'refused' | 'lost-reply';

type Armed = { kind: FaultKind; after: number; failures: number; mode: FaultMode };

/**
 * The outage plan shared by a pair of wrapped stores: "after `after` more calls of this kind succeed,
 * fail the next `failures`", with the errors the EventStoreDB and MongoDB adapters throw for an outage.
 */
export class StoreFaults {
  private readonly armed: Armed[] = [];
  /** Calls that failed, per kind. */
  readonly injected: Record<FaultKind, number> = { read: 0, write: 0, commit: 0 };

  fail(kind: FaultKind, failures: number, options: { after?: number; mode?: FaultMode } = {}): this {
    this.armed.push({ kind, failures, after: options.after ?? 0, mode: options.mode ?? 'refused' });
    return this;
  }

  get pending(): number {
    return this.armed.reduce((sum, armed) => sum + armed.failures, 0);
  }

  async call<T>(kind: FaultKind, store: 'eventstoredb' | 'mongodb', what: string, run: () => Promise<T>) {
    const armed = this.armed.find((entry) => entry.kind === kind && entry.failures > 0);
    if (!armed) return run();
    if (armed.after > 0) {
      armed.after -= 1;
      return run();
    }
    armed.failures -= 1;
    this.injected[kind] += 1;
    if (armed.mode === 'lost-reply') await run();
    const name = store === 'eventstoredb' ? 'EventStoreDB' : 'MongoDB';
    throw new StoreUnavailableError(
      store,
      `${name} could not serve ${what} (injected outage): check that the server is up`,
    );
  }
}

const READ_STORE_KINDS: Record<string, FaultKind> = {
  get: 'read',
  getMany: 'read',
  find: 'read',
  count: 'read',
  readCheckpoint: 'read',
  listCheckpoints: 'read',
  listCollections: 'read',
  readSlot: 'read',
  listSlots: 'read',
  ensureCollection: 'write',
  dropCollection: 'write',
  writeCheckpoint: 'write',
  deleteCheckpoint: 'write',
  compareAndSetSlot: 'write',
  commitBatch: 'commit',
};

/** The real read store, every call of which may fail as `faults` plans. */
export const faultyReadStore = (inner: ReadStore, faults: StoreFaults): ReadStore =>
  new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      const kind = typeof property === 'string' ? READ_STORE_KINDS[property] : undefined;
      if (!kind || typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        faults.call(kind, 'mongodb', `${String(property)}`, () =>
          (value as (...a: unknown[]) => Promise<unknown>).apply(target, args),
        );
    },
  });

/** The real event store; its reads and appends may fail, and its subscriptions read through the faults. */
export const faultyEventStore = (inner: EventStore, faults: StoreFaults): EventStore => {
  // The one reader of the log every adapter serves its subscriptions from, over the wrapped reads.
  const fanOut = fanOutPolling((read) => store.readAll(read));
  const store: EventStore = {
    appendToStream: (streamId, events, expected) =>
      faults.call('write', 'eventstoredb', `the append to ${streamId}`, () =>
        inner.appendToStream(streamId, events, expected),
      ),
    readStream: (streamId) =>
      faults.call('read', 'eventstoredb', `the read of stream ${streamId}`, () => inner.readStream(streamId)),
    readAll: (options) =>
      faults.call('read', 'eventstoredb', 'the read of $all', () => inner.readAll(options)),
    headPosition: () => faults.call('read', 'eventstoredb', 'the head of $all', () => inner.headPosition()),
    countAfter: (position) =>
      faults.call('read', 'eventstoredb', 'the count of $all', () => inner.countAfter!(position)),
    // The shared catch-up loop of every adapter, over the failing reads; a short poll at the head.
    subscribeToAll: (options: SubscribeOptions) => fanOut.subscribe(options),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
  return store;
};

/**
 * Backoff without waiting: every delay is recorded and the "sleep" is one turn of the event loop, so an
 * outage of many attempts takes no time and the delays can be checked.
 */
export const recordingRetryPolicy = (
  onSleep: (delayMs: number) => void | Promise<void> = () => undefined,
): RetryPolicy => ({
  initialDelayMs: 100,
  maxDelayMs: 800,
  random: () => 0.5,
  sleep: async (delayMs) => {
    await onSleep(delayMs);
    await new Promise((resolve) => setImmediate(resolve));
  },
});
