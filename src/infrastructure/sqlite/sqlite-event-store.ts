import type Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import { BroadcastChannel } from 'node:worker_threads';
import {
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type StoredEvent,
  type StreamAppend,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionReads,
  type TypedRead,
  type TypedReadOptions,
  WrongExpectedRevisionError,
} from '../../application/ports/event-store.port';
import { interruptibleSleep } from '../event-store/catch-up-subscription';
import { LogFanOut } from '../event-store/log-fan-out';
import { SharedReads } from '../event-store/shared-reads';
import { GroupCommit, type GroupOutcome } from './group-commit';
import { openSqlite, type SqliteDurability } from './sqlite-database';

type EventRow = {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  occurred_at: string;
  recorded_at: string;
};

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id       TEXT    NOT NULL UNIQUE,
  stream_id      TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  occurred_at    TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
CREATE TABLE IF NOT EXISTS streams (
  stream_id TEXT PRIMARY KEY,
  revision  INTEGER NOT NULL
) WITHOUT ROWID;
`;

const COLUMNS =
  'position, event_id, stream_id, revision, type, schema_version, data, metadata, occurred_at, recorded_at';

/** The columns of `COLUMNS` but position, each null unless the row is `wanted`. */
const TYPED_COLUMNS = COLUMNS.split(', ')
  .slice(1)
  .map((column) => `CASE WHEN wanted THEN ${column} END AS ${column}`)
  .join(', ');

type TypedRow = EventRow & { wanted: number };

/** Appends by other processes raise no in-process notification; they are seen within this interval. */
const CROSS_PROCESS_POLL_MS = 200;

export type SqliteEventStoreOptions = Readonly<{
  /** Clock for `recordedAt`; injectable so tests can pin it. */
  now?: () => Date;
  /**
   * `full` (default): every acknowledged append survives a power loss. `normal` is for bulk loads that
   * can be started again (importing or generating a history): a power loss may lose the last appends.
   */
  durability?: SqliteDurability;
  /**
   * `true` (default): the appends that arrive in one turn of the event loop commit in one IMMEDIATE
   * transaction, one fsync for all, each in a savepoint of its own (`SQLITE_GROUP_COMMIT`). `false`: one
   * transaction per append.
   */
  groupCommit?: boolean;
  /** How often a follower at the head looks for appends no notification told it of (default 200 ms). */
  pollIntervalMs?: number;
  /** `true` (default): one reader of the log for all subscriptions (`LogFanOut`, `SUBSCRIPTION_FAN_OUT`). */
  fanOut?: boolean;
  /** Told after every commit of the store's write transaction: how many appends it held and how many landed. */
  onCommit?: (commit: StoreCommit) => void;
}>;

/** One committed write transaction: `appends` it carried, `landed` of them (the rest failed alone), `events` written. */
export type StoreCommit = Readonly<{ appends: number; landed: number; events: number }>;

/**
 * The embedded event store. One SQLite file in WAL mode with FULL sync; a stream's revision lives in
 * `streams` and the (stream_id, revision) key makes a lost race fail even across processes. SQLite has a
 * single writer, so commit order is global-position order: a reader never sees a gap fill in later.
 * Appends that arrive together share one transaction and one fsync (group commit, `GroupCommit`), each
 * append in its own savepoint; positions are given in the group's order and a rolled-back savepoint gives
 * its positions back (AUTOINCREMENT's counter is rolled back with it), so the log stays gap-free.
 */
export class SqliteEventStore implements EventStore {
  private readonly appended = new EventEmitter();
  /**
   * Appends by another store on the same file in another thread of this process (the projection worker,
   * `projection-worker.ts`): each store posts its commits' last position on a channel named by the file,
   * and wakes its followers on the others' posts, as on its own. Appends by other processes are polled.
   */
  private readonly threads: BroadcastChannel | null;
  private readonly sharedReads = new SharedReads();
  private readonly fanOut: LogFanOut;
  private readonly statements;
  private readonly appendTransaction;
  private readonly batchTransaction;
  private readonly groupCommit: GroupCommit<StreamAppend, AppendResult> | null;

  private constructor(
    private readonly db: Database.Database,
    private readonly options: SqliteEventStoreOptions,
  ) {
    db.exec(SCHEMA);
    this.appended.setMaxListeners(0);
    this.threads = db.memory ? null : new BroadcastChannel(`crm-sqlite-appends:${resolve(db.name)}`);
    if (this.threads) {
      this.threads.onmessage = (message) => {
        this.sharedReads.invalidate();
        this.appended.emit('append', (message as { data: number }).data);
      };
      // The channel alone never keeps a process alive.
      this.threads.unref();
    }
    this.fanOut = new LogFanOut(
      {
        readAll: (read) => this.sharedReads.read(read, (options) => this.readAll(options)),
        waitForAppend: (_position, signal) =>
          interruptibleSleep(options.pollIntervalMs ?? CROSS_PROCESS_POLL_MS, signal, (wake) => {
            this.appended.once('append', wake);
            return () => this.appended.off('append', wake);
          }),
      },
      { share: options.fanOut !== false },
    );
    this.statements = {
      streamRevision: db.prepare<[string], { revision: number }>(
        'SELECT revision FROM streams WHERE stream_id = ?',
      ),
      upsertStream: db.prepare<[string, number]>(
        'INSERT INTO streams (stream_id, revision) VALUES (?, ?) ON CONFLICT(stream_id) DO UPDATE SET revision = excluded.revision',
      ),
      insertEvent: db.prepare(
        `INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata, occurred_at, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      readStream: db.prepare<[string], EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE stream_id = ? ORDER BY revision`,
      ),
      readAll: db.prepare<[number, number, number], EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?`,
      ),
      // Every event of the range, but only those of the wanted types (a JSON array) carry their columns:
      // the others cost a type comparison, no string copied out and no JSON parsed.
      readAllOfTypes: db.prepare<[string, number, number, number], TypedRow>(
        `SELECT position, wanted, ${TYPED_COLUMNS} FROM (
           SELECT *, type IN (SELECT value FROM json_each(?)) AS wanted FROM events
           WHERE position > ? AND position <= ? ORDER BY position LIMIT ?)`,
      ),
      countByType: db.prepare<[], { type: string; count: number }>(
        'SELECT type, COUNT(*) AS count FROM events GROUP BY type',
      ),
      head: db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events'),
      // A range of the primary key: counted in the index, no row is read.
      countAfter: db.prepare<[number], { count: number }>(
        'SELECT COUNT(*) AS count FROM events WHERE position > ?',
      ),
    };
    const appendOne = (
      streamId: string,
      events: readonly NewEvent[],
      expected: ExpectedRevision,
    ): AppendResult => {
      const current = this.statements.streamRevision.get(streamId)?.revision;
      assertExpected(streamId, expected, current);
      const recordedAt = (this.options.now?.() ?? new Date()).toISOString();
      let revision = current ?? -1;
      let lastPosition = 0;
      for (const event of events) {
        revision += 1;
        const info = this.statements.insertEvent.run(
          event.eventId,
          streamId,
          revision,
          event.type,
          event.schemaVersion,
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
          event.occurredAt,
          recordedAt,
        );
        lastPosition = Number(info.lastInsertRowid);
      }
      this.statements.upsertStream.run(streamId, revision);
      return { nextExpectedRevision: revision, lastPosition };
    };
    this.appendTransaction = db.transaction(appendOne);
    this.batchTransaction = db.transaction((appends: readonly StreamAppend[]): AppendResult[] =>
      appends.map((append) => appendOne(append.streamId, append.events, append.expected)),
    );
    // Inside the group's transaction `appendTransaction` runs as a savepoint: a wrong revision (or any
    // error of its own) undoes that append alone, and the next append sees the stream as the last one
    // left it, as if they had run one after the other.
    const groupTransaction = db.transaction(
      (appends: readonly StreamAppend[]): GroupOutcome<AppendResult>[] =>
        appends.map((append) => {
          try {
            return {
              ok: true,
              value: this.appendTransaction(append.streamId, append.events, append.expected),
            };
          } catch (error) {
            // SQLite itself rolled the whole transaction back (I/O error, disk full): nothing of the group
            // can commit, so the group fails as one.
            if (!db.inTransaction) throw error;
            return { ok: false, error };
          }
        }),
    );
    this.groupCommit =
      options.groupCommit === false
        ? null
        : new GroupCommit(
            // IMMEDIATE takes the write lock before any revision is read, as for a single append.
            (appends) => groupTransaction.immediate(appends),
            (appends, outcomes) => {
              const landed = outcomes.flatMap((outcome, index) =>
                outcome.ok ? [{ result: outcome.value, events: appends[index].events.length }] : [],
              );
              this.committed(
                appends.length,
                landed.map((append) => append.result),
                landed.reduce((sum, append) => sum + append.events, 0),
              );
            },
          );
  }

  static open(file: string, options: SqliteEventStoreOptions = {}): SqliteEventStore {
    return new SqliteEventStore(openSqlite(file, options.durability ?? 'full'), options);
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`append to ${streamId} with no events: nothing to do`);
    if (this.groupCommit) return this.groupCommit.submit({ streamId, events, expected });
    // IMMEDIATE takes the write lock before reading the revision, so two processes cannot both pass the check.
    const result = this.appendTransaction.immediate(streamId, events, expected);
    this.committed(1, [result], events.length);
    return result;
  }

  /** Several streams in one IMMEDIATE transaction, all or nothing: one commit for a bulk load's batch. */
  async appendBatch(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (appends.some((append) => append.events.length === 0))
      throw new Error('append batch with an empty append: give every stream at least one event');
    if (appends.length === 0) return [];
    const results = this.batchTransaction.immediate(appends);
    this.committed(
      appends.length,
      results,
      appends.reduce((sum, append) => sum + append.events.length, 0),
    );
    return results;
  }

  /** After a commit, before any caller hears of it: the shared reads start afresh and the followers wake. */
  private committed(appends: number, landed: readonly AppendResult[], events: number): void {
    if (landed.length > 0) {
      this.sharedReads.invalidate();
      const position = Math.max(...landed.map((result) => result.lastPosition));
      this.appended.emit('append', position);
      this.threads?.postMessage(position);
    }
    this.options.onCommit?.({ appends, landed: landed.length, events });
  }

  async readStream(streamId: string): Promise<StoredEvent[]> {
    this.commitWaitingFor(streamId);
    return this.statements.readStream.all(streamId).map(toStoredEvent);
  }

  /**
   * A stream is read to decide on it: if an append to it is waiting for the group's commit, the group
   * commits now, so that a command never decides on a stream without an append this process has already
   * made to it (as with one transaction per append). Without that, every command of one loop turn on a
   * hot stream would decide on the same revision and all but one would lose the race, turn after turn.
   */
  private commitWaitingFor(streamId: string): void {
    if (this.groupCommit?.isWaiting((append) => append.streamId === streamId)) this.groupCommit.flush();
  }

  async readAll({ after, limit, upTo }: ReadAllOptions): Promise<StoredEvent[]> {
    return this.statements.readAll.all(after, upTo ?? Number.MAX_SAFE_INTEGER, limit).map(toStoredEvent);
  }

  async readAllOfTypes({ after, limit, upTo, types }: TypedReadOptions): Promise<TypedRead> {
    const rows = this.statements.readAllOfTypes.all(
      JSON.stringify(types),
      after,
      upTo ?? Number.MAX_SAFE_INTEGER,
      limit,
    );
    const events: StoredEvent[] = [];
    for (const row of rows) if (row.wanted) events.push(toStoredEvent(row));
    return {
      events,
      scanned: rows.length,
      lastPosition: rows.length > 0 ? rows[rows.length - 1].position : after,
    };
  }

  async countByType(): Promise<Record<string, number>> {
    return Object.fromEntries(this.statements.countByType.all().map((row) => [row.type, row.count]));
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
    return this.statements.head.get()?.position ?? 0;
  }

  async countAfter(position: number): Promise<number> {
    return this.statements.countAfter.get(position)?.count ?? 0;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    // The appends of this turn are committed, not dropped: their callers are waiting for an answer.
    if (this.db.open) this.groupCommit?.flush();
    this.appended.removeAllListeners();
    this.threads?.close();
    if (this.db.open) this.db.close();
  }
}

const assertExpected = (streamId: string, expected: ExpectedRevision, current: number | undefined): void => {
  if (expected === 'any') return;
  if (expected === 'no_stream' ? current === undefined : current === expected) return;
  throw new WrongExpectedRevisionError(streamId, expected, current ?? 'no_stream');
};

const toStoredEvent = (row: EventRow): StoredEvent => ({
  eventId: row.event_id,
  type: row.type,
  schemaVersion: row.schema_version,
  data: JSON.parse(row.data) as Record<string, unknown>,
  metadata: JSON.parse(row.metadata) as StoredEvent['metadata'],
  occurredAt: row.occurred_at,
  streamId: row.stream_id,
  revision: row.revision,
  globalPosition: row.position,
  recordedAt: row.recorded_at,
});
