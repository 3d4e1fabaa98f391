import type Database from 'better-sqlite3';
import type {
  DataKey,
  Erased,
  KeyTombstone,
  PersonalDataKeyStore,
} from '../../application/ports/personal-data-key-store.port';
import { openSqlite } from '../sqlite/sqlite-database';
import { newDataKey, unwrapKey, wrapKey } from './key-wrap';

type Row = {
  subject_id: string;
  wrapped_key: Buffer | null;
  erased_at: string | null;
  reason: string | null;
};

/**
 * Keys in their own SQLite file (`DATA_DIR/keys.sqlite`), apart from the events, so the two can be backed
 * up and retained differently. `secure_delete` overwrites a destroyed key's bytes in the file, and a
 * TRUNCATE checkpoint after each destroy empties the WAL, which would otherwise keep a copy of the page.
 */
export class SqliteKeyStore implements PersonalDataKeyStore {
  /** Prepared once: a command reads its customer's key, and preparing is most of a lookup's cost. */
  private readonly selectOne: Database.Statement<[string], Row>;
  private readonly insertNew: Database.Statement<[string, Buffer, string]>;

  private constructor(
    private readonly db: Database.Database,
    private readonly master: Buffer,
  ) {
    this.selectOne = db.prepare('SELECT * FROM personal_data_keys WHERE subject_id = ?');
    this.insertNew = db.prepare(
      'INSERT OR IGNORE INTO personal_data_keys (subject_id, wrapped_key, created_at) VALUES (?, ?, ?)',
    );
  }

  static open(file: string, master: Buffer): SqliteKeyStore {
    const db = openSqlite(file, 'full');
    db.pragma('secure_delete = ON');
    db.exec(`CREATE TABLE IF NOT EXISTS personal_data_keys (
      subject_id TEXT PRIMARY KEY,
      wrapped_key BLOB,
      created_at TEXT NOT NULL,
      erased_at TEXT,
      reason TEXT,
      CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
    )`);
    return new SqliteKeyStore(db, master);
  }

  async getOrCreate(subjectId: string): Promise<DataKey | Erased> {
    // Most commands are about a customer who has a key: read it, and only generate and wrap one when
    // there is none. INSERT OR IGNORE: of two processes creating the same subject's key, the first wins
    // and both read it.
    const existing = this.selectOne.get(subjectId);
    if (existing) return this.keyOf(existing);
    this.insertNew.run(subjectId, wrapKey(this.master, subjectId, newDataKey()), new Date().toISOString());
    return this.keyOf(this.selectOne.get(subjectId)!);
  }

  async getMany(subjectIds: readonly string[]): Promise<Map<string, DataKey | Erased>> {
    const keys = new Map<string, DataKey | Erased>();
    const unique = [...new Set(subjectIds)];
    for (let start = 0; start < unique.length; start += 500) {
      const chunk = unique.slice(start, start + 500);
      const rows = this.db
        .prepare(`SELECT * FROM personal_data_keys WHERE subject_id IN (${chunk.map(() => '?').join(',')})`)
        .all(...chunk) as Row[];
      for (const row of rows) keys.set(row.subject_id, this.keyOf(row));
    }
    return keys;
  }

  async destroy(subjectId: string, at: string, reason: string): Promise<KeyTombstone> {
    const erase = this.db.transaction(() => {
      const row = this.selectOne.get(subjectId);
      if (row?.erased_at) return row;
      this.db
        .prepare(
          `INSERT INTO personal_data_keys (subject_id, wrapped_key, created_at, erased_at, reason)
           VALUES (@subjectId, NULL, @at, @at, @reason)
           ON CONFLICT (subject_id) DO UPDATE SET wrapped_key = NULL, erased_at = @at, reason = @reason`,
        )
        .run({ subjectId, at, reason });
      return undefined;
    });
    const earlier = erase.immediate();
    if (earlier) return { subjectId, erasedAt: earlier.erased_at!, reason: earlier.reason ?? '' };
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return { subjectId, erasedAt: at, reason };
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private keyOf(row: Row): DataKey | Erased {
    if (row.erased_at || !row.wrapped_key) return 'erased';
    return unwrapKey(this.master, row.subject_id, row.wrapped_key);
  }
}
