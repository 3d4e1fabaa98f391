import type { MessagePort } from 'node:worker_threads';
import {
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type StoredEvent,
  StoreUnavailableError,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionReads,
  WrongExpectedRevisionError,
} from '../../application/ports/event-store.port';

type AppendRequest = Readonly<{
  id: number;
  streamId: string;
  events: readonly NewEvent[];
  expected: ExpectedRevision;
}>;
type AppendError =
  | { kind: 'wrong-revision'; streamId: string; expected: ExpectedRevision; actual: number | 'no_stream' }
  | { kind: 'unavailable'; store: string; message: string }
  | { kind: 'other'; name: string; message: string };
type AppendReply = { id: number; result: AppendResult } | { id: number; error: AppendError };

/**
 * The projection worker's event store on the embedded default: it reads its own connection to the file,
 * and sends its appends (the reactors' and watchers' commands) to the API's thread, which commits them
 * with its own (`serveAppends`). SQLite has one writer at a time and better-sqlite3 waits for the write
 * lock synchronously: two threads writing one file would stall each other's event loop in SQLite's busy
 * handler. With one writer the API's group commit carries the worker's appends too, and the log's order
 * stays the order of one writer's commits. An append is answered once it has committed, so a read the
 * worker makes next sees it.
 */
export class ForwardedAppends implements EventStore {
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve: (result: AppendResult) => void; reject: (error: Error) => void }
  >();

  constructor(
    private readonly store: EventStore,
    private readonly port: MessagePort,
  ) {
    port.on('message', (reply: AppendReply) => {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) return;
      this.waiting.delete(reply.id);
      if ('result' in reply) waiting.resolve(reply.result);
      else waiting.reject(errorOf(reply.error));
    });
    port.unref();
  }

  appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const id = this.nextId++;
    return new Promise<AppendResult>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // While an append is waiting for its answer the port keeps the thread alive.
      this.port.ref();
      this.port.postMessage({ id, streamId, events, expected } satisfies AppendRequest);
    }).finally(() => {
      if (this.waiting.size === 0) this.port.unref();
    });
  }

  readStream(streamId: string): Promise<StoredEvent[]> {
    return this.store.readStream(streamId);
  }

  readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    return this.store.readAll(options);
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return this.store.subscribeToAll(options);
  }

  subscriptionReads(): SubscriptionReads {
    return (
      this.store.subscriptionReads?.() ?? { sharedReads: 0, ownReads: 0, joined: 0, alone: 0, storeReads: 0 }
    );
  }

  headPosition(): Promise<number> {
    return this.store.headPosition();
  }

  countAfter(position: number): Promise<number> {
    return this.store.countAfter ? this.store.countAfter(position) : Promise.reject(new Error('not counted'));
  }

  ping(): Promise<void> {
    return this.store.ping();
  }

  async close(): Promise<void> {
    for (const waiting of this.waiting.values())
      waiting.reject(new StoreUnavailableError('event store', 'the projection worker is stopping'));
    this.waiting.clear();
    this.port.close();
    await this.store.close();
  }
}

/** The API's side: commits the worker's appends with the API's own store and answers each. */
export const serveAppends = (port: MessagePort, store: EventStore): void => {
  port.on('message', (request: AppendRequest) => {
    store.appendToStream(request.streamId, request.events, request.expected).then(
      (result) => port.postMessage({ id: request.id, result } satisfies AppendReply),
      (error: unknown) => port.postMessage({ id: request.id, error: describe(error) } satisfies AppendReply),
    );
  });
};

const describe = (error: unknown): AppendError => {
  if (error instanceof WrongExpectedRevisionError)
    return {
      kind: 'wrong-revision',
      streamId: error.streamId,
      expected: error.expected,
      actual: error.actual,
    };
  if (error instanceof StoreUnavailableError)
    return { kind: 'unavailable', store: error.store, message: error.message };
  const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
  return { kind: 'other', name, message };
};

const errorOf = (error: AppendError): Error => {
  if (error.kind === 'wrong-revision')
    return new WrongExpectedRevisionError(error.streamId, error.expected, error.actual);
  if (error.kind === 'unavailable') return new StoreUnavailableError(error.store, error.message);
  const other = new Error(error.message);
  other.name = error.name;
  return other;
};
