import type Database from 'better-sqlite3';
import type {
  Checkpoint,
  DocWrite,
  Filter,
  FindOptions,
  IndexSpec,
  PositionedDoc,
  ReadModelDoc,
  ReadStore,
} from '../../application/ports/read-store.port';
import { hitFaultPoint } from '../fault-injection';
import { openSqlite } from './sqlite-database';
import { fieldExpression, orderByClause, whereClause } from './sqlite-filter';

type DocRow = { id: string; doc: string; position: number };
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
  private readonly upserts = new Map<string, Database.Statement>();
  /** Collections known to exist; a miss asks SQLite, since another process may have created it. */
  private readonly known = new Set<string>();
  private readonly checkpointStatements;
  private readonly writeDocsTransaction;
  private readonly commitTransaction;

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
    this.writeDocsTransaction = db.transaction((docs: readonly DocWrite[]) => {
      for (const write of docs) {
        this.upsertFor(write.collection).run(write.id, JSON.stringify(write.value), write.position);
      }
    });
    this.commitTransaction = db.transaction((docs: readonly DocWrite[], checkpoint: Checkpoint) => {
      this.writeDocsTransaction(docs);
      // A kill here rolls the whole transaction back: documents and checkpoint stay together.
      hitFaultPoint('read-store:after-docs-before-checkpoint');
      this.putCheckpoint(checkpoint);
    });
  }

  static open(file: string, options: SqliteReadStoreOptions = {}): SqliteReadStore {
    return new SqliteReadStore(openSqlite(file, 'normal'), options);
  }

  async ensureCollection(collection: string, indexes: readonly IndexSpec[]): Promise<void> {
    const table = tableOf(collection);
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
      id TEXT PRIMARY KEY, doc TEXT NOT NULL, position INTEGER NOT NULL
    ) WITHOUT ROWID`);
    for (const fields of indexes) {
      const name = `"ix_${collection}__${fields.join('__').replace(/\./g, '_')}"`;
      this.db.exec(
        `CREATE INDEX IF NOT EXISTS ${name} ON ${table} (${fields.map(fieldExpression).join(', ')})`,
      );
    }
  }

  async dropCollection(collection: string): Promise<void> {
    this.upserts.delete(collection);
    this.known.delete(collection);
    this.db.exec(`DROP TABLE IF EXISTS ${tableOf(collection)}`);
  }

  async get<T extends ReadModelDoc>(collection: string, id: string): Promise<T | null> {
    if (!this.exists(collection)) return null;
    const row = this.db
      .prepare<[string], DocRow>(`SELECT doc FROM ${tableOf(collection)} WHERE id = ?`)
      .get(id);
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  async getMany(collection: string, ids: readonly string[]): Promise<Map<string, PositionedDoc>> {
    const found = new Map<string, PositionedDoc>();
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

  async find<T extends ReadModelDoc>(
    collection: string,
    filter: Filter,
    options: FindOptions = {},
  ): Promise<T[]> {
    if (!this.exists(collection)) return [];
    const where = whereClause(filter);
    const limit = options.limit ?? -1;
    const rows = this.db
      .prepare<unknown[], DocRow>(
        `SELECT doc FROM ${tableOf(collection)} ${where.sql} ${orderByClause(options.sort)} LIMIT ? OFFSET ?`,
      )
      .all(...where.params, limit, options.skip ?? 0);
    return rows.map((row) => JSON.parse(row.doc) as T);
  }

  async count(collection: string, filter: Filter): Promise<number> {
    if (!this.exists(collection)) return 0;
    const where = whereClause(filter);
    const row = this.db
      .prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM ${tableOf(collection)} ${where.sql}`)
      .get(...where.params);
    return row?.n ?? 0;
  }

  async commitBatch({ docs, checkpoint }: Readonly<{ docs: readonly DocWrite[]; checkpoint: Checkpoint }>) {
    if (this.mode === 'transaction') {
      this.commitTransaction.immediate(docs, checkpoint);
      return;
    }
    this.writeDocsTransaction.immediate(docs);
    hitFaultPoint('read-store:after-docs-before-checkpoint');
    this.putCheckpoint(checkpoint);
  }

  async readCheckpoint(name: string): Promise<Checkpoint | null> {
    const row = this.checkpointStatements.get.get(name);
    return row ? toCheckpoint(row) : null;
  }

  async listCheckpoints(): Promise<Checkpoint[]> {
    return this.checkpointStatements.list.all().map(toCheckpoint);
  }

  async writeCheckpoint(checkpoint: Checkpoint): Promise<void> {
    this.putCheckpoint(checkpoint);
  }

  async deleteCheckpoint(name: string): Promise<void> {
    this.checkpointStatements.remove.run(name);
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
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

  private exists(collection: string): boolean {
    return (
      this.db
        .prepare<[string], { n: number }>(
          "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?",
        )
        .get(`rm_${collection}`)?.n === 1
    );
  }

  /** The guard: a document is replaced only by a write from a later event. */
  private upsertFor(collection: string): Database.Statement {
    let statement = this.upserts.get(collection);
    if (!statement) {
      const table = tableOf(collection);
      statement = this.db.prepare(
        `INSERT INTO ${table} (id, doc, position) VALUES (?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET doc = excluded.doc, position = excluded.position
         WHERE excluded.position > ${table}.position`,
      );
      this.upserts.set(collection, statement);
    }
    return statement;
  }
}

const toCheckpoint = (row: CheckpointRow): Checkpoint => ({
  name: row.name,
  position: row.position,
  status: row.status as Checkpoint['status'],
  error: row.error ? (JSON.parse(row.error) as Checkpoint['error']) : null,
  updatedAt: row.updated_at,
});
