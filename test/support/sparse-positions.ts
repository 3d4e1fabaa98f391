import type { EventStore, StoredEvent } from '../../src/application/ports/event-store.port';
import { fanOutPolling } from './fan-out-polling';

/** Bytes per event in the sparse log: each event's position is its SQLite position times this. */
export const SPARSE_STEP = 100;

/**
 * The real SQLite event store with positions spread out like EventStoreDB's byte offsets: event n is at
 * n × 100, and a read from any other position is refused as EventStoreDB refuses a position inside a log
 * record ("InvalidPosition"). A runner that invents a position (`globalPosition - 1`) cannot resume here.
 */
export const sparsePositions = (inner: EventStore): EventStore => {
  const toInner = (position: number, what: string): number => {
    if (position % SPARSE_STEP !== 0)
      throw new Error(`InvalidPosition: ${what} ${position} is not the position of an event`);
    return position / SPARSE_STEP;
  };
  const spread = (event: StoredEvent): StoredEvent => ({
    ...event,
    globalPosition: event.globalPosition * SPARSE_STEP,
  });
  // The one reader of the log every adapter serves its subscriptions from, over the wrapped reads.
  const fanOut = fanOutPolling((read) => store.readAll(read));
  const store: EventStore = {
    appendToStream: async (streamId, events, expected) => {
      const result = await inner.appendToStream(streamId, events, expected);
      return { ...result, lastPosition: result.lastPosition * SPARSE_STEP };
    },
    readStream: async (streamId) => (await inner.readStream(streamId)).map(spread),
    readAll: async ({ after, limit, upTo }) =>
      (
        await inner.readAll({
          after: toInner(after, 'read of $all after'),
          limit,
          upTo: upTo === undefined ? undefined : Math.floor(upTo / SPARSE_STEP),
        })
      ).map(spread),
    headPosition: async () => (await inner.headPosition()) * SPARSE_STEP,
    countAfter: (position) => inner.countAfter!(toInner(position, 'count after')),
    subscribeToAll: (options) => fanOut.subscribe(options),
    ping: () => inner.ping(),
    close: () => inner.close(),
  };
  return store;
};
