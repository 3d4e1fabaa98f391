import {
  type EventStore,
  type StoredEvent,
  StoreUnavailableError,
} from '../../application/ports/event-store.port';
import type { CheckpointError, ReadStore } from '../../application/ports/read-store.port';
import type { RetryPolicy } from './store-retry';

export type LogFn = (
  level: 'info' | 'warn' | 'error',
  message: string,
  fields?: Record<string, unknown>,
) => void;

export type RunnerDeps = Readonly<{
  eventStore: EventStore;
  readStore: ReadStore;
  clock: () => Date;
  /** Brings a stored event to the current schema version of its type. */
  upcast: (event: StoredEvent) => StoredEvent;
  log: LogFn;
  /** Backoff after a store outage; default DEFAULT_RETRY_POLICY. */
  retry?: RetryPolicy;
}>;

export type Lag = Readonly<{
  /**
   * Events stored after the checkpoint, or `unknown` when the store cannot count them cheaply
   * (EventStoreDB: its positions are byte offsets in the log, so a difference of two is no count).
   */
  events: number | 'unknown';
  /** Age of the oldest event not yet processed; 0 when caught up. */
  ms: number;
  /** The store's head position (its own unit: not comparable across stores). */
  head: number;
}>;

export const lagOf = async (
  deps: Pick<RunnerDeps, 'eventStore' | 'clock'>,
  position: number,
): Promise<Lag> => {
  const head = await deps.eventStore.headPosition();
  if (head <= position) return { events: 0, ms: 0, head };
  const [oldest] = await deps.eventStore.readAll({ after: position, limit: 1 });
  if (!oldest) return { events: 0, ms: 0, head };
  const ms = Math.max(0, deps.clock().getTime() - Date.parse(oldest.recordedAt));
  const events = deps.eventStore.countAfter ? await deps.eventStore.countAfter(position) : 'unknown';
  return { events, ms, head };
};

/** The lag, or null while the event store does not answer (a runner's status is still worth showing). */
export const lagUnlessUnavailable = async (
  deps: Pick<RunnerDeps, 'eventStore' | 'clock'>,
  position: number,
): Promise<Lag | null> => {
  try {
    return await lagOf(deps, position);
  } catch (error) {
    if (error instanceof StoreUnavailableError) return null;
    throw error;
  }
};

/** Thrown out of a batch handler after the failure was recorded, only to end the subscription loop. */
export class StopAfterFailure extends Error {
  constructor() {
    super('stopped after a recorded failure');
  }
}

export const toCheckpointError = (error: unknown, event: StoredEvent, now: Date): CheckpointError => ({
  message: error instanceof Error ? error.message : String(error),
  position: event.globalPosition,
  eventId: event.eventId,
  eventType: event.type,
  streamId: event.streamId,
  at: now.toISOString(),
});
