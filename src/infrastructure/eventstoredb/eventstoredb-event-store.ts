/**
 * EventStoreDB (and KurrentDB, same gRPC protocol) as the event store.
 *
 * ## Global position
 * The port has a single number per event, strictly increasing over all streams. $all positions in
 * EventStoreDB are a pair (commitPosition, preparePosition) of byte offsets in the transaction log:
 * - Every append through gRPC is written as an "implicit transaction": one prepare record per event, each
 *   flagged IsCommitted, and no separate commit record. The server's $all reader gives such an event the
 *   position (LogPosition, LogPosition) of its own record, so commit = prepare, unique per event and
 *   increasing in log order. The append reply carries the commit position of the batch's last record.
 * - Only the legacy TCP explicit transactions (never used here, and gone from 24.x clients) wrote a commit
 *   record; all events of such a transaction share its commit position and differ by prepare position.
 * So `globalPosition = commitPosition`, and we refuse (with an error naming the event) to hand out an event
 * whose commit and prepare positions differ instead of silently giving two events the same number.
 * The log has one writer and $all is read in log order, so a reader never sees a lower position appear
 * after a higher one: a checkpoint "everything up to P" stays true.
 *
 * ## Resuming after a position
 * A forward $all read from (P, P) is inclusive: it returns the event at P first. `after` is exclusive, so
 * we read from (P, P) and drop every event at or before the cursor (compared as a (commit, prepare) pair,
 * which also pages correctly through legacy transactions among system events). We never invent a position
 * like P + 1: the server repositions its log reader there, and P + 1 is not a record boundary. Hence
 * `after` must be 0 or a position this store returned. `upTo` is inclusive and stops the read.
 *
 * ## System events
 * $all also holds the server's own events ($metadata, $stats-…, $scavenges…). Events whose type or stream
 * starts with `$` are skipped; the client's readAll has no server-side filter, so we page until `limit`
 * CRM events are found or the log ends.
 *
 * ## Following new appends
 * Every subscription of this instance is served by one reader of the log (`LogFanOut`) over readAll, which
 * is under the deadline. It is woken at once by appends made through this instance, and by those of other
 * processes through a **live signal**: one live subscription to `$all` from its end, filtered on the server
 * (`excludeSystemEvents`, the filter the client offers for subscriptions; its readAll offers none), whose
 * events only wake the reader: what is handed to the runners is always what readAll returns, so the order
 * and positions never depend on the live stream. Polling stays as the safety net: every `pollIntervalMs`
 * (200 ms) until the server confirms the live subscription, every `SIGNAL_SAFETY_POLL_MS` (5 s) while it is
 * confirmed. A live subscription that errors or ends is started again after a backoff (1 s, doubling, at most
 * 30 s), polling fast meanwhile. Unrun against a server here (no container runtime): the container suite has
 * the case of another process's append waking a subscriber long before the safety poll.
 */
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  ANY,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendExpectedRevision,
  type EventData,
  type Position,
  type ReadPosition,
  type RecordedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import { EventEmitter } from 'node:events';
import { SharedReads } from '../event-store/shared-reads';
import {
  type AppendResult,
  type EventMetadata,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type StoredEvent,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionReads,
  WrongExpectedRevisionError,
} from '../../application/ports/event-store.port';
import { interruptibleSleep } from '../event-store/catch-up-subscription';
import { LogFanOut } from '../event-store/log-fan-out';
import { withDeadline } from './with-deadline';

export type EventStoreDbOptions = Readonly<{
  /** Our deadline on every call, in ms. */
  deadlineMs?: number;
  /** How often an idle subscription looks for appends made by other processes. */
  pollIntervalMs?: number;
  /** `true` (default): one reader of the log for all subscriptions (`LogFanOut`, `SUBSCRIPTION_FAN_OUT`). */
  fanOut?: boolean;
  /** `true` (default): other processes' appends wake the subscriptions through a live subscription. */
  liveSignal?: boolean;
}>;

const DEFAULT_DEADLINE_MS = 5000;
const DEFAULT_POLL_MS = 200;
/** The poll of an idle subscription while the live signal is confirmed: only a net under it. */
export const SIGNAL_SAFETY_POLL_MS = 5000;
const SIGNAL_RETRY_MS = { first: 1000, max: 30_000 } as const;
/** Events read per round trip when looking backwards for the last CRM event. */
const BACKWARD_PAGE = 64;

export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly deadlineMs: number;
  private readonly pollIntervalMs: number;
  /** Wakes this process's subscriptions on its own appends; other processes are seen by polling. */
  private readonly appended = new EventEmitter();
  private readonly sharedReads = new SharedReads();
  private readonly fanOut: LogFanOut;
  private readonly liveSignalWanted: boolean;
  private liveSignal: AllStreamSubscription | null = null;
  private liveSignalConfirmed = false;
  private liveSignalRetryMs: number = SIGNAL_RETRY_MS.first;
  private liveSignalTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(connectionString: string, options: EventStoreDbOptions = {}) {
    this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_MS;
    this.appended.setMaxListeners(0);
    this.fanOut = new LogFanOut(
      {
        readAll: (read) => this.sharedReads.read(read, (options) => this.readAll(options)),
        waitForAppend: (_position, signal) => {
          this.startLiveSignal();
          const poll = this.liveSignalConfirmed
            ? Math.max(this.pollIntervalMs, SIGNAL_SAFETY_POLL_MS)
            : this.pollIntervalMs;
          return interruptibleSleep(poll, signal, (wake) => {
            this.appended.once('append', wake);
            return () => this.appended.off('append', wake);
          });
        },
      },
      { share: options.fanOut !== false },
    );
    this.liveSignalWanted = options.liveSignal !== false;
    try {
      this.client = EventStoreDBClient.connectionString(connectionString);
    } catch (error) {
      // The URL may hold credentials: name the problem, not the string.
      throw new Error(
        `EVENTSTORE_URL is not a valid EventStoreDB connection string (${messageOf(error)}): ` +
          'expected e.g. esdb://localhost:2113?tls=false',
      );
    }
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`append to ${streamId} with no events: nothing to do`);
    const result = await withDeadline(`the append to ${streamId}`, this.deadlineMs, async () => {
      try {
        return await this.client.appendToStream(streamId, events.map(toEventData), {
          expectedRevision: toExpectedRevision(expected),
          deadline: this.deadlineMs,
        });
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) {
          throw new WrongExpectedRevisionError(streamId, expected, toActualRevision(error.actualVersion));
        }
        throw error;
      }
    });
    // The reply's commit position is that of the batch's last event (see the top of this file). Without it
    // (never seen on 22.x+, but optional in the protocol) the stream's last event tells us.
    const lastPosition = result.position
      ? toNumber(result.position.commit, `position of the append to ${streamId}`)
      : await this.lastPositionOf(streamId);
    this.sharedReads.invalidate();
    this.appended.emit('append');
    return { nextExpectedRevision: toNumber(result.nextExpectedRevision, 'revision'), lastPosition };
  }

  async readStream(streamId: string): Promise<StoredEvent[]> {
    return withDeadline(`the read of stream ${streamId}`, this.deadlineMs, async (signal) => {
      try {
        const resolved = await collect(
          this.client.readStream(streamId, {
            direction: FORWARDS,
            fromRevision: START,
            deadline: this.deadlineMs,
          }),
          signal,
        );
        return resolved.flatMap(({ event }) => (event ? [toStoredEvent(event)] : []));
      } catch (error) {
        if (error instanceof StreamNotFoundError) return [];
        throw error;
      }
    });
  }

  async readAll({ after, limit, upTo }: ReadAllOptions): Promise<StoredEvent[]> {
    const found: StoredEvent[] = [];
    if (limit <= 0) return found;
    const start = BigInt(after);
    let cursor: Position = { commit: start, prepare: start };
    let from: ReadPosition = after > 0 ? cursor : START;
    // One more than needed: the read is inclusive, so the event at `after` itself comes back first.
    const pageSize = limit + 1;
    for (;;) {
      const page = await this.readAllPage(from, pageSize, FORWARDS);
      for (const { event } of page) {
        if (!event || comparePositions(event.position, cursor) <= 0) continue;
        if (upTo !== undefined && event.position.commit > BigInt(upTo)) return found;
        if (isSystemEvent(event)) continue;
        found.push(toStoredEvent(event));
        if (found.length === limit) return found;
      }
      const last = page[page.length - 1]?.event;
      if (page.length < pageSize || !last) return found;
      cursor = last.position;
      from = last.position;
    }
  }

  /** Every subscription of this store is served by its one reader of the log (`LogFanOut`). */
  subscribeToAll(options: SubscribeOptions): Subscription {
    return this.fanOut.subscribe(options);
  }

  /** Reads of the log made for subscriptions: by the shared reader, and by subscribers catching up alone. */
  subscriptionReads(): SubscriptionReads {
    return { ...this.fanOut.stats(), storeReads: this.sharedReads.storeReads };
  }

  async headPosition(): Promise<number> {
    let from: ReadPosition = END;
    for (;;) {
      const page = await this.readAllPage(from, BACKWARD_PAGE, BACKWARDS);
      for (const { event } of page) {
        if (event && !isSystemEvent(event)) return globalPositionOf(event);
      }
      const last = page[page.length - 1]?.event;
      if (page.length < BACKWARD_PAGE || !last) return 0;
      // Backwards from an event's position excludes that event, so the next page starts just before it.
      from = last.position;
    }
  }

  async ping(): Promise<void> {
    await this.readAllPage(END, 1, BACKWARDS, 'a ping');
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.liveSignalTimer);
    this.stopLiveSignal();
    this.appended.removeAllListeners();
    await this.client.dispose();
  }

  /** Starts the live signal (see the top of this file) when a subscription first waits, unless it runs. */
  private startLiveSignal(): void {
    if (!this.liveSignalWanted || this.closed || this.liveSignal || this.liveSignalTimer) return;
    let live: AllStreamSubscription;
    try {
      live = this.client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents() });
    } catch {
      this.restartLiveSignal();
      return;
    }
    this.liveSignal = live;
    live.on('confirmation', () => {
      this.liveSignalConfirmed = true;
      this.liveSignalRetryMs = SIGNAL_RETRY_MS.first;
    });
    live.on('data', () => {
      // Another process appended (or this one: its own append has woken the reader already).
      this.sharedReads.invalidate();
      this.appended.emit('append');
    });
    const ended = () => {
      if (this.liveSignal !== live) return;
      this.stopLiveSignal();
      this.restartLiveSignal();
    };
    live.on('error', ended);
    live.on('end', ended);
    live.on('close', ended);
  }

  private stopLiveSignal(): void {
    const live = this.liveSignal;
    this.liveSignal = null;
    this.liveSignalConfirmed = false;
    // Never awaited: on a server that does not answer, an unsubscribe would wait as long as it does.
    live?.unsubscribe().catch(() => undefined);
  }

  private restartLiveSignal(): void {
    if (this.closed) return;
    const delay = this.liveSignalRetryMs;
    this.liveSignalRetryMs = Math.min(SIGNAL_RETRY_MS.max, delay * 2);
    this.liveSignalTimer = setTimeout(() => {
      this.liveSignalTimer = undefined;
      this.startLiveSignal();
    }, delay);
    this.liveSignalTimer.unref();
  }

  private readAllPage(
    from: ReadPosition,
    maxCount: number,
    direction: typeof FORWARDS | typeof BACKWARDS,
    what = 'a read of $all',
  ): Promise<AllStreamResolvedEvent[]> {
    return withDeadline(what, this.deadlineMs, (signal) =>
      collect(
        this.client.readAll({
          fromPosition: from,
          maxCount,
          direction,
          resolveLinkTos: false,
          deadline: this.deadlineMs,
        }),
        signal,
      ),
    );
  }

  private async lastPositionOf(streamId: string): Promise<number> {
    const [last] = await withDeadline(`the read of stream ${streamId}`, this.deadlineMs, (signal) =>
      collect(
        this.client.readStream(streamId, {
          direction: BACKWARDS,
          fromRevision: END,
          maxCount: 1,
          deadline: this.deadlineMs,
        }),
        signal,
      ),
    );
    if (!last?.event)
      throw new Error(`stream ${streamId} is empty right after an append to it: check the server`);
    return globalPositionOf(last.event);
  }
}

/** Reads a whole gRPC read into memory; cancels it when the deadline passes so nothing keeps streaming. */
const collect = async <E>(stream: StreamingRead<E>, signal: AbortSignal): Promise<E[]> => {
  const cancel = () => {
    stream.cancel().catch(() => undefined);
    stream.destroy();
  };
  if (signal.aborted) cancel();
  signal.addEventListener('abort', cancel, { once: true });
  try {
    const items: E[] = [];
    for await (const item of stream) items.push(item);
    return items;
  } finally {
    signal.removeEventListener('abort', cancel);
  }
};

const toExpectedRevision = (expected: ExpectedRevision): AppendExpectedRevision => {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  return BigInt(expected);
};

/** The server reports a missing stream as no revision (or -1 on some versions). */
const toActualRevision = (actual: bigint | typeof NO_STREAM): number | 'no_stream' =>
  actual === NO_STREAM || actual < 0n ? 'no_stream' : toNumber(actual, 'revision');

/** Metadata on the wire: ours plus the envelope fields ESDB has no slot for. `created` is recordedAt. */
type WireMetadata = EventMetadata & { schemaVersion: number; occurredAt: string };

const toEventData = (event: NewEvent): EventData =>
  jsonEvent({
    // Our event id is ESDB's: a retried append with the same ids is recognised by the server as done.
    id: event.eventId,
    type: event.type,
    data: { ...event.data },
    metadata: {
      ...event.metadata,
      schemaVersion: event.schemaVersion,
      occurredAt: event.occurredAt,
    } satisfies WireMetadata,
  });

const toStoredEvent = (event: RecordedEvent): StoredEvent => {
  const where = `event ${event.id} (${event.type}) in stream ${event.streamId} at revision ${event.revision}`;
  const metadata = event.metadata;
  if (!event.isJson || !isRecord(event.data) || !isRecord(metadata)) {
    throw new Error(
      `${where} has no JSON data and metadata: it was not written by this CRM; remove it or move the CRM to its own database`,
    );
  }
  const { schemaVersion, occurredAt, ...rest } = metadata;
  if (typeof schemaVersion !== 'number' || typeof occurredAt !== 'string') {
    throw new Error(
      `${where} has no schemaVersion/occurredAt in its metadata: it was not written by this CRM; remove it or move the CRM to its own database`,
    );
  }
  return {
    eventId: event.id,
    type: event.type,
    schemaVersion,
    data: event.data,
    // The envelope's own metadata shape was checked when the event was appended.
    metadata: rest as EventMetadata,
    occurredAt,
    streamId: event.streamId,
    revision: toNumber(event.revision, 'revision'),
    globalPosition: globalPositionOf(event),
    recordedAt: event.created.toISOString(),
  };
};

const globalPositionOf = (event: RecordedEvent): number => {
  const where = `event ${event.id} in stream ${event.streamId} at revision ${event.revision}`;
  if (!event.position) {
    throw new Error(
      `EventStoreDB returned ${where} without its $all position: the server must be 22.6 or newer`,
    );
  }
  const { commit, prepare } = event.position;
  if (commit !== prepare) {
    throw new Error(
      `${where} was written by a legacy explicit transaction (commit ${commit} ≠ prepare ${prepare}) and has no ` +
        'unique global position: copy it to a new stream with a normal append',
    );
  }
  return toNumber(commit, `$all position of ${where}`);
};

const comparePositions = (a: Position, b: Position): number => {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
};

const isSystemEvent = (event: RecordedEvent): boolean =>
  event.type.startsWith('$') || event.streamId.startsWith('$');

/** Log offsets stay far below 2^53 (8 PiB); a larger one would mean a corrupt reply. */
const toNumber = (value: bigint, what: string): number => {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new Error(
      `EventStoreDB returned ${what} = ${value}, beyond what a JavaScript number holds exactly`,
    );
  }
  return Number(value);
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
