import type { EventStore, StoredEvent } from '../../application/ports/event-store.port';
import type { CheckpointError, ReadStore } from '../../application/ports/read-store.port';

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
}>;

export type Lag = Readonly<{
  /** Events stored after the checkpoint. */
  events: number;
  /** Age of the oldest event not yet processed; 0 when caught up. */
  ms: number;
  head: number;
}>;

export const lagOf = async (
  deps: Pick<RunnerDeps, 'eventStore' | 'clock'>,
  position: number,
): Promise<Lag> => {
  const head = await deps.eventStore.headPosition();
  if (head <= position) return { events: 0, ms: 0, head };
  const [oldest] = await deps.eventStore.readAll({ after: position, limit: 1 });
  const ms = oldest ? Math.max(0, deps.clock().getTime() - Date.parse(oldest.recordedAt)) : 0;
  return { events: head - position, ms, head };
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
