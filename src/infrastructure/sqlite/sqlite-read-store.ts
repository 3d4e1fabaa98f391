import type Database from 'better-sqlite3';
import type {
  Checkpoint,
  CommitBatch,
  DocWrite,
  EnsureCollectionOptions,
  FencedWrite,
  GenerationFence,
  Filter,
  FindOptions,
  IndexSpec,
  Lease,
  LeaseRequest,
  PositionedDoc,
  ReadModelDoc,
  ReadStore,
  Slot,
} from '../../application/ports/read-store.port';
import { GenerationRetiredError, ReadModelDroppedError } from '../../application/ports/read-store.port';
import { hitFaultPoint } from '../fault-injection';
import { listsGeneration } from '../projections/generations';
import { openSqlite } from './sqlite-database';
import { bindable, fieldExpression, orderByClause, whereClause } from './sqlite-filter';
import { SqliteLeases } from './sqlite-leases';
import { SqliteSlots } from './sqlite-slots';

type DocRow = { id: string; doc: string; position: number };
/** A document write, encoded: the statement of its collection and its parameters. */
type EncodedWrite = Readonly<{ run: (args: unknown[]) => unknown; args: unknown[] }>;
type CheckpointRow = {
  name: string;
  position: number;
  status: string;
  error: string | null;
  updated_at: string;
};

const COLLECTION_NAME = /^[a-z][a-z0-9_]*$/;
const tableOf = (collection: string): string => {
  if (!COLLECTION_NAME.test(collection)) {
    throw new Error(`read-model collection "${collection}" must be lower_snake_case`);
  }
  return `"rm_${collection}"`;
};

export type SqliteReadStoreOptions = Readonly<{
  /**
   * true (default): documents and checkpoint commit in one transaction.
   * false: documents first, then the checkpoint, as on a MongoDB without replica set; only the
   * position guard keeps a crash in between from counting twice. Tests use it to prove the guard.
   */
  atomicCheckpoint?: boolean;
}>;

/** Read models in SQLite: one table per collection, JSON documents, expression indexes on fields. */
export class SqliteReadStore implements ReadStore {
  readonly mode: 'transaction' | 'position-guard';
  private readonly upserts = new Map<string, (write: DocWrite) => EncodedWrite>();
  /**
   * Indexed fields of each known collection and their columns. An indexed field is copied into a column
   * of its own on every write (from the object in hand, no JSON parsing), so indexes, filters and sorts
   * on it never parse the document; other fields are read with json_extract.
   */
  private readonly columns = new Map<string, ReadonlyMap<string, string>>();
  private readonly checkpointStatements;
  private readonly slots: SqliteSlots;
  private readonly leases: SqliteLeases;
  /**
   * The schema version the caches above were filled at. Another process (the CLI rebuilding beside the
   * API) creates and drops tables; when the version moves, every cached column list and statement is
   * forgotten, so a dropped or recreated table is never written or read through a stale cache.
   */
  private cachedSchemaVersion = -1;
  private readonly schemaVersion;
  private readonly readSnapshotTransaction;
  private readonly writeDocsTransaction;
  private readonly commitTransaction;
  private readonly checkpointTransaction;
  private readonly fencedStepTransaction;

  private constructor(
    private readonly db: Database.Database,
    options: SqliteReadStoreOptions,
  ) {
    this.mode = options.atomicCheckpoint === false ? 'position-guard' : 'transaction';
    db.exec(`CREATE TABLE IF NOT EXISTS _checkpoints (
      name TEXT PRIMARY KEY, position INTEGER NOT NULL, status TEXT NOT NULL, error TEXT, updated_at TEXT NOT NULL
    ) WITHOUT ROWID`);
    this.checkpointStatements = {
      upsert: db.prepare<[string, number, string, string | null, string]>(
        `INSERT INTO _checkpoints (name, position, status, error, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET position = excluded.position, status = excluded.status,
           error = excluded.error, updated_at = excluded.updated_at`,
      ),
      get: db.prepare<[string], CheckpointRow>('SELECT * FROM _checkpoints WHERE name = ?'),
      list: db.prepare<[], CheckpointRow>('SELECT * FROM _checkpoints ORDER BY name'),
      remove: db.prepare<[string]>('DELETE FROM _checkpoints WHERE name = ?'),
    };
    this.slots = new SqliteSlots(db);
    this.leases = new SqliteLeases(db);
    this.schemaVersion = db.prepare<[], number>('PRAGMA schema_version').pluck();
    // The slot and the documents are read in one snapshot: a switch by another process lands either
    // wholly before or wholly after, and a table dropped after the switch is still there for this read.
    this.readSnapshotTransaction = db.transaction((name: string, read: (table: string) => unknown) => {
      this.refreshCaches();
      return read(this.slots.resolve(name));
    });
    // The fence is checked first in each writing transaction, run as BEGIN IMMEDIATE: SQLite serialises
    // writers, so the slot read here stays as read until this transaction commits, and a generation that
    // collectRetired unlisted (in any process) is never written after that write.
    // The documents are encoded (JSON, indexed columns) before: the write lock is held for the writes only,
    // which matters when several writers share the file (the worker threads of a rebuild).
    // One that could not be encoded (a table dropped meanwhile) is encoded after the fence was checked,
    // which refuses a write for a retired generation first, as it always did.
    this.writeDocsTransaction = db.transaction(
      (encoded: readonly EncodedWrite[] | null, docs: readonly DocWrite[], fenced: FencedWrite) => {
        this.admit(fenced);
        for (const { run, args } of encoded ?? docs.map((write) => this.upsertFor(write.collection)(write)))
          run(args);
      },
    );
    this.commitTransaction = db.transaction((encoded: readonly EncodedWrite[] | null, batch: CommitBatch) => {
      this.writeDocsTransaction(encoded, batch.docs, { fence: batch.fence, lease: batch.lease });
      const { checkpoint } = batch;
      // A kill here rolls the whole transaction back: documents and checkpoint stay together.
      hitFaultPoint('read-store:after-docs-before-checkpoint');
      this.putCheckpoint(checkpoint);
    });
    this.checkpointTransaction = db.transaction((checkpoint: Checkpoint, fenced: FencedWrite) => {
      this.admit(fenced);
      this.putCheckpoint(checkpoint);
    });
    this.fencedStepTransaction = db.transaction((fence: GenerationFence, step: () => void) => {
      this.admit({ fence });
      step();
    });
  }

  static open(file: string, options: SqliteReadStoreOptions = {}): SqliteReadStore {
    return new SqliteReadStore(openSqlite(file, 'normal'), options);
  }

  async ensureCollection(
    collection: string,
    indexes: readonly IndexSpec[],
    options: EnsureCollectionOptions = {},
  ): Promise<void> {
    this.refreshCaches();
    // With a fence every step runs in a transaction of its own that checks it first (DDL is transactional
    // in SQLite): a generation dropped by another process is neither re-created nor altered. One step at a
    // time, not one transaction for all: an index build over a large table holds the write lock alone.
    const step = (run: () => void) =>
      options.fence ? this.fencedStepTransaction.immediate(options.fence, run) : run();
    const table = tableOf(collection);
    step(() =>
      this.db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
      id TEXT PRIMARY KEY, doc TEXT NOT NULL, position INTEGER NOT NULL
    )`),
    );
    const existing = this.readColumns(collection);
    const fields = [...new Set(indexes.flat())].filter((path) => !existing.has(path));
    for (const path of fields) {
      fieldExpression(path); // refuses anything but a plain dotted name
      step(() => {
        this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${columnOf(path)}`);
        this.db.exec(`UPDATE ${table} SET ${columnOf(path)} = ${fieldExpression(path)}`);
      });
    }
    this.upserts.delete(collection);
    this.columns.delete(collection);
    const columns = this.columnsOf(collection);
    if (options.createIndexes === false) return;
    for (const index of indexes) {
      const name = `"ix_${collection}__${index.join('__').replace(/\./g, '_')}"`;
      step(() =>
        this.db.exec(
          `CREATE INDEX IF NOT EXISTS ${name} ON ${table} (${index.map((path) => columns.get(path)).join(', ')})`,
        ),
      );
    }
  }

  /** The fence needs nothing more here: the slot, unlisted by the caller first, is what fenced writers read. */
  async dropCollection(collection: string, _options?: FencedWrite): Promise<void> {
    this.upserts.delete(collection);
    this.columns.delete(collection);
    this.db.exec(`DROP TABLE IF EXISTS ${tableOf(collection)}`);
  }

  async listCollections(): Promise<string[]> {
    return this.db
      .prepare<[], string>(
        "SELECT substr(name, 4) FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm\\_%' ESCAPE '\\' ORDER BY name",
      )
      .pluck()
      .all();
  }

  async get<T extends ReadModelDoc>(name: string, id: string): Promise<T | null> {
    return this.readSnapshot(name, (collection) => {
      if (!this.exists(collection)) return null;
      const row = this.db
        .prepare<[string], DocRow>(`SELECT doc FROM ${tableOf(collection)} WHERE id = ?`)
        .get(id);
      return row ? (JSON.parse(row.doc) as T) : null;
    });
  }

  async getMany(collection: string, ids: readonly string[]): Promise<Map<string, PositionedDoc>> {
    const found = new Map<string, PositionedDoc>();
    this.refreshCaches();
    if (!this.exists(collection)) return found;
    const table = tableOf(collection);
    // SQLite caps bound parameters; 500 per query stays well inside it.
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      const rows = this.db
        .prepare<string[], DocRow>(
          `SELECT id, doc, position FROM ${table} WHERE id IN (${chunk.map(() => '?').join(',')})`,
        )
        .all(...chunk);
      for (const row of rows)
        found.set(row.id, { id: row.id, value: JSON.parse(row.doc), position: row.position });
    }
    return found;
  }

  async find<T extends ReadModelDoc>(name: string, filter: Filter, options: FindOptions = {}): Promise<T[]> {
    return this.readSnapshot(name, (collection) => {
      if (!this.exists(collection)) return [];
      const resolve = this.resolverOf(collection);
      const where = whereClause(filter, resolve);
      const limit = options.limit ?? -1;
      const rows = this.db
        .prepare<unknown[], DocRow>(
          `SELECT doc FROM ${tableOf(collection)} ${where.sql} ${orderByClause(options.sort, resolve)} LIMIT ? OFFSET ?`,
        )
        .all(...where.params, limit, options.skip ?? 0);
      return rows.map((row) => JSON.parse(row.doc) as T);
    });
  }

  async count(name: string, filter: Filter): Promise<number> {
    return this.readSnapshot(name, (collection) => {
      if (!this.exists(collection)) return 0;
      const where = whereClause(filter, this.resolverOf(collection));
      const row = this.db
        .prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM ${tableOf(collection)} ${where.sql}`)
        .get(...where.params);
      return row?.n ?? 0;
    });
  }

  /**
   * Chunks of 1000 by id, each its own short read: no read transaction stays open while the caller
   * writes a file. The generation is resolved once, so a switch mid-way does not mix two generations.
   */
  async *stream<T extends ReadModelDoc>(name: string, filter: Filter): AsyncIterable<T> {
    // The generation is resolved once: a switch meanwhile does not mix two generations in one read.
    const collection = this.readSnapshot(name, (physical) => physical);
    let after: string | null = null;
    let read = 0;
    for (;;) {
      this.refreshCaches();
      if (!this.exists(collection)) {
        if (after === null) return;
        // Dropped between two chunks: ending here would pass a prefix off as the whole read model.
        throw new ReadModelDroppedError(collection, read);
      }
      const where = whereClause(filter, this.resolverOf(collection));
      const keyset = after === null ? '' : `${where.sql ? ' AND' : 'WHERE'} id > ?`;
      const rows: DocRow[] = this.db
        .prepare<unknown[], DocRow>(
          `SELECT id, doc FROM ${tableOf(collection)} ${where.sql}${keyset} ORDER BY id LIMIT 1000`,
        )
        .all(...where.params, ...(after === null ? [] : [after]));
      for (const row of rows) yield JSON.parse(row.doc) as T;
      read += rows.length;
      if (rows.length < 1000) return;
      after = rows[rows.length - 1].id;
    }
  }

  async commitBatch(batch: CommitBatch) {
    this.refreshCaches();
    let encoded: EncodedWrite[] | null = null;
    if ([...new Set(batch.docs.map((write) => write.collection))].every((name) => this.exists(name)))
      encoded = batch.docs.map((write) => this.upsertFor(write.collection)(write));
    if (this.mode === 'transaction') {
      this.commitTransaction.immediate(encoded, batch);
      return;
    }
    this.writeDocsTransaction.immediate(encoded, batch.docs, batch);
    hitFaultPoint('read-store:after-docs-before-checkpoint');
    this.checkpointTransaction.immediate(batch.checkpoint, batch);
  }

  async readCheckpoint(name: string): Promise<Checkpoint | null> {
    const row = this.checkpointStatements.get.get(name);
    return row ? toCheckpoint(row) : null;
  }

  async listCheckpoints(): Promise<Checkpoint[]> {
    return this.checkpointStatements.list.all().map(toCheckpoint);
  }

  async writeCheckpoint(checkpoint: Checkpoint, options: FencedWrite = {}): Promise<void> {
    if (options.fence || options.lease) this.checkpointTransaction.immediate(checkpoint, options);
    else this.putCheckpoint(checkpoint);
  }

  async deleteCheckpoint(name: string): Promise<void> {
    this.checkpointStatements.remove.run(name);
  }

  async readSlot(collection: string): Promise<Slot | null> {
    return this.slots.read(collection);
  }

  async listSlots(): Promise<Slot[]> {
    return this.slots.list();
  }

  async compareAndSetSlot(next: Slot, expectedRevision: number | null): Promise<boolean> {
    return this.slots.compareAndSet(next, expectedRevision);
  }

  async acquireLease(request: LeaseRequest): Promise<Lease | null> {
    return this.leases.acquire(request);
  }

  async renewLease(request: LeaseRequest & Readonly<{ epoch: number }>): Promise<Lease | null> {
    return this.leases.renew(request);
  }

  async releaseLease(lease: Pick<Lease, 'name' | 'owner' | 'epoch'>): Promise<void> {
    this.leases.release(lease);
  }

  async listLeases(): Promise<Lease[]> {
    return this.leases.list();
  }

  async deleteLease(name: string, expiredBefore: number): Promise<void> {
    this.leases.remove(name, expiredBefore);
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /**
   * Refuses a fenced write for a generation the slot no longer lists, or by a lease whose epoch moved on;
   * call inside the write transaction.
   */
  private admit({ fence, lease }: FencedWrite): void {
    if (fence && !listsGeneration(this.slots.read(fence.slot), fence.generation))
      throw new GenerationRetiredError(fence.slot, fence.generation);
    this.leases.admit(lease);
  }

  private putCheckpoint(checkpoint: Checkpoint): void {
    this.checkpointStatements.upsert.run(
      checkpoint.name,
      checkpoint.position,
      checkpoint.status,
      checkpoint.error ? JSON.stringify(checkpoint.error) : null,
      checkpoint.updatedAt,
    );
  }

  private readSnapshot<T>(name: string, read: (table: string) => T): T {
    return this.readSnapshotTransaction(name, read) as T;
  }

  private refreshCaches(): void {
    const version = this.schemaVersion.get() as number;
    if (version === this.cachedSchemaVersion) return;
    this.upserts.clear();
    this.columns.clear();
    this.cachedSchemaVersion = version;
  }

  private exists(collection: string): boolean {
    if (this.columns.has(collection)) return true;
    const found =
      this.db
        .prepare<[string], { n: number }>(
          "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?",
        )
        .get(`rm_${collection}`)?.n === 1;
    if (found) this.columnsOf(collection);
    return found;
  }

  /** Indexed field → its column, from the table itself (another process may have created it). */
  private columnsOf(collection: string): ReadonlyMap<string, string> {
    let columns = this.columns.get(collection);
    if (!columns) {
      columns = new Map([...this.readColumns(collection)].map((path) => [path, columnOf(path)]));
      this.columns.set(collection, columns);
    }
    return columns;
  }

  private readColumns(collection: string): Set<string> {
    const info = this.db.prepare<[], { name: string }>(`PRAGMA table_info(${tableOf(collection)})`).all();
    return new Set(
      info.filter((column) => column.name.startsWith('f:')).map((column) => column.name.slice(2)),
    );
  }

  private resolverOf(collection: string): (path: string) => string {
    const columns = this.columnsOf(collection);
    return (path) => columns.get(path) ?? fieldExpression(path);
  }

  /** The guard: a document is replaced only by a write from a later event. */
  private upsertFor(collection: string): (write: DocWrite) => EncodedWrite {
    let upsert = this.upserts.get(collection);
    if (!upsert) {
      const table = tableOf(collection);
      const paths = [...this.columnsOf(collection).keys()];
      const names = paths.map(columnOf);
      const statement = this.db.prepare(
        `INSERT INTO ${table} (id, doc, position${names.map((name) => `, ${name}`).join('')})
         VALUES (?, ?, ?${names.map(() => ', ?').join('')})
         ON CONFLICT(id) DO UPDATE SET doc = excluded.doc, position = excluded.position${names
           .map((name) => `, ${name} = excluded.${name}`)
           .join('')}
         WHERE excluded.position > ${table}.position`,
      );
      const getters = paths.map((path) => path.split('.'));
      const run = (args: unknown[]) => statement.run(...args);
      upsert = (write: DocWrite) => ({
        run,
        args: [
          write.id,
          JSON.stringify(write.value),
          write.position,
          ...getters.map((steps) => columnValue(steps, write.value)),
        ],
      });
      this.upserts.set(collection, upsert);
    }
    return upsert;
  }
}

/** The column of an indexed field; quoted, since field paths have dots. */
const columnOf = (path: string): string => `"f:${path}"`;

/** What json_extract would give for the field: scalars as they are, booleans as 1/0, objects as JSON. */
const columnValue = (steps: readonly string[], value: ReadModelDoc): string | number | null => {
  let current: unknown = value;
  for (const step of steps) {
    if (current === null || typeof current !== 'object') return null;
    current = (current as Record<string, unknown>)[step];
  }
  if (current === undefined || current === null) return null;
  if (typeof current === 'object') return JSON.stringify(current);
  return bindable(current as string | number | boolean);
};

const toCheckpoint = (row: CheckpointRow): Checkpoint => ({
  name: row.name,
  position: row.position,
  status: row.status as Checkpoint['status'],
  error: row.error ? (JSON.parse(row.error) as Checkpoint['error']) : null,
  updatedAt: row.updated_at,
});
