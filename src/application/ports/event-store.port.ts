import type { Actor } from '../../domain/shared/event';

/** DI token of the event store port. */
export const EVENT_STORE = Symbol('EVENT_STORE');

/** Metadata every stored event carries. Extra keys are allowed (e.g. `idempotencyKey`). */
export type EventMetadata = Readonly<{
  correlationId: string;
  causationId: string | null;
  actor: Actor;
  /** Set when the command came with an `Idempotency-Key`: a retry finds it and appends nothing. */
  idempotencyKey?: string;
  /** Hash of the request that used the key, so a key reused for another request is refused. */
  requestHash?: string;
  [key: string]: unknown;
}>;

/** An event about to be appended. */
export type NewEvent = Readonly<{
  /** UUID. Deterministic when the command is idempotent, so a store can also dedupe by id. */
  eventId: string;
  /** Stable type name, never a class name. */
  type: string;
  schemaVersion: number;
  data: Readonly<Record<string, unknown>>;
  /** Business time, taken from the command (ISO 8601, UTC). */
  occurredAt: string;
  metadata: EventMetadata;
}>;

/** An event as stored, with its full envelope. */
export type StoredEvent = NewEvent &
  Readonly<{
    /** `category-id`, e.g. `complaint-c42`. */
    streamId: string;
    /** 0-based position in its stream. */
    revision: number;
    /** Strictly increasing over all streams; the checkpoint of projections and reactors. */
    globalPosition: number;
    /** When the store recorded it (ISO 8601, UTC). */
    recordedAt: string;
  }>;

/**
 * What the writer expects of the stream:
 * - `no_stream`: it must not exist yet;
 * - `any`: no check;
 * - a number: the revision of the stream's last event must be exactly this.
 */
export type ExpectedRevision = 'no_stream' | 'any' | number;

export type AppendResult = Readonly<{
  /** Revision of the last event now in the stream. */
  nextExpectedRevision: number;
  /** Global position of the last appended event. */
  lastPosition: number;
}>;

export type ReadAllOptions = Readonly<{
  /**
   * Exclusive: read events with a global position greater than this (0 = from the first event). It must be
   * 0 or a position this store returned: EventStoreDB cannot resume from an arbitrary number.
   */
  after: number;
  /** Maximum events returned. */
  limit: number;
  /** Inclusive upper bound on the global position, e.g. a replay "up to position". */
  upTo?: number;
}>;

/** A read of the log that returns only the events of some types (`EventStore.readAllOfTypes`). */
export type TypedReadOptions = ReadAllOptions & Readonly<{ types: readonly string[] }>;

export type TypedRead = Readonly<{
  /** The events of the types asked for among the events read, in global order. */
  events: StoredEvent[];
  /** How many events of any type the read went over (`limit` unless it reached the head or `upTo`). */
  scanned: number;
  /** Position of the last event read, of any type: the read is complete up to here (`after` when none). */
  lastPosition: number;
}>;

/** A running subscription; `stop` resolves once the handler will not be called again. */
export type Subscription = Readonly<{ stop: () => Promise<void> }>;

export type SubscribeOptions = Readonly<{
  after: number;
  batchSize: number;
  /** Called with each batch in order; the next batch is read only after it resolves. */
  onBatch: (events: readonly StoredEvent[]) => Promise<void>;
  /** Called when the handler throws or the store fails; the subscription stops. */
  onError: (error: unknown) => void;
  /** Called each time a read finds nothing new (the subscriber has reached the head), before waiting. */
  onCaughtUp?: () => Promise<void>;
}>;

/** Reads of the log made for a store's subscriptions (the adapters' one reader per process). */
export type SubscriptionReads = Readonly<{
  /** Reads by the shared reader, each for every subscriber at the head. */
  sharedReads: number;
  /** Reads by subscribers catching up alone (behind the head, too slow to be waited for, or sharing off). */
  ownReads: number;
  /** Subscribers now fed by the shared reader. */
  joined: number;
  /** Subscribers now reading alone. */
  alone: number;
  /**
   * Of those reads, the ones that reached the store: a read that asks what another asked a moment before
   * gets the same answer (`SharedReads`, 50 ms) without a round trip.
   */
  storeReads: number;
}>;

/** One stream's part of a batch append. */
export type StreamAppend = Readonly<{
  streamId: string;
  events: readonly NewEvent[];
  expected: ExpectedRevision;
}>;

export interface EventStore {
  /** Appends all events or none. Throws WrongExpectedRevisionError when `expected` does not hold. */
  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult>;
  /**
   * Optional: appends to several streams in one transaction, all or none, each checked against its expected
   * revision; results in the order given. For bulk loads (the history generator). Stores without
   * multi-stream transactions (EventStoreDB) leave it out and are written one stream at a time.
   */
  appendBatch?(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  /** All events of one stream in order; empty when the stream does not exist. */
  readStream(streamId: string): Promise<StoredEvent[]>;
  /** One batch of events across all streams, in global order. */
  readAll(options: ReadAllOptions): Promise<StoredEvent[]>;
  /**
   * Optional: the next `limit` events of the log like `readAll`, of which only those of `types` are
   * decoded and returned; the others cost the store no parsing. A rebuild that builds a few projections
   * (a rebuild worker) reads with it; stores without it are read with `readAll`.
   */
  readAllOfTypes?(options: TypedReadOptions): Promise<TypedRead>;
  /**
   * Optional: how many events of each type the log holds, where the store can count them cheaply (a
   * rebuild spreads its projections over workers by it).
   */
  countByType?(): Promise<Record<string, number>>;
  /** Catches up from `after`, then keeps following new appends until stopped. */
  subscribeToAll(options: SubscribeOptions): Subscription;
  /** Optional: how the subscriptions have read the log so far (the metrics). */
  subscriptionReads?(): SubscriptionReads;
  /** Global position of the last stored event (0 when empty). */
  headPosition(): Promise<number>;
  /**
   * Optional: how many events are stored after `position`, for lag. Only stores that can count cheaply
   * offer it; a global position is not a count (on EventStoreDB it is a byte offset).
   */
  countAfter?(position: number): Promise<number>;
  /** Cheap round trip that proves the store answers. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** The stream was not at the revision the writer expected: nothing was appended. */
export class WrongExpectedRevisionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(
      `stream ${streamId} is at revision ${String(actual)}, not ${String(expected)}: reload it and retry the command`,
    );
    this.name = 'WrongExpectedRevisionError';
  }
}

/** A store did not answer in time or refused the connection. Maps to 503. */
export class StoreUnavailableError extends Error {
  constructor(
    readonly store: string,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

/** `complaint-c42` → `complaint`. */
export const categoryOf = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
};
