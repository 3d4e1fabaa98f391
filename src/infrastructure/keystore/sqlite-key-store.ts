import type Database from 'better-sqlite3';
import type {
  DataKey,
  Erased,
  KeyTombstone,
  PersonalDataKeyStore,
} from '../../application/ports/personal-data-key-store.port';
import { openSqlite } from '../sqlite/sqlite-database';
import {
  DERIVATION_ROOT,
  type KeyStoreMaintenance,
  type KnownMasters,
  knownMasters,
  newDataKey,
  openWrapped,
  wrapKey,
} from './key-wrap';
import { keyringOf, type MasterKeyring } from './master-key';

type Row = {
  subject_id: string;
  wrapped_key: Buffer | null;
  master_key_id: string | null;
  erased_at: string | null;
  reason: string | null;
};

type SecretRow = { name: string; wrapped: Buffer; master_key_id: string | null };

/**
 * Keys in their own SQLite file (`DATA_DIR/keys.sqlite`), apart from the events, so the two can be backed
 * up and retained differently. `secure_delete` overwrites a destroyed key's bytes in the file, and a
 * TRUNCATE checkpoint after each destroy empties the WAL, which would otherwise keep a copy of the page.
 */
export class SqliteKeyStore implements PersonalDataKeyStore, KeyStoreMaintenance {
  /** Prepared once: a command reads its customer's key, and preparing is most of a lookup's cost. */
  private readonly selectOne: Database.Statement<[string], Row>;
  private readonly insertNew: Database.Statement<[string, Buffer, string, string]>;
  private readonly masters: KnownMasters;
  private root: Buffer | undefined;

  private constructor(
    private readonly db: Database.Database,
    keyring: MasterKeyring,
  ) {
    this.masters = knownMasters(keyring);
    this.selectOne = db.prepare('SELECT * FROM personal_data_keys WHERE subject_id = ?');
    this.insertNew = db.prepare(
      'INSERT OR IGNORE INTO personal_data_keys (subject_id, wrapped_key, master_key_id, created_at) VALUES (?, ?, ?, ?)',
    );
  }

  static open(file: string, master: Buffer | MasterKeyring): SqliteKeyStore {
    const db = openSqlite(file, 'full');
    db.pragma('secure_delete = ON');
    db.exec(`CREATE TABLE IF NOT EXISTS personal_data_keys (
      subject_id TEXT PRIMARY KEY,
      wrapped_key BLOB,
      created_at TEXT NOT NULL,
      erased_at TEXT,
      reason TEXT,
      CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
    );
    CREATE TABLE IF NOT EXISTS key_store_secrets (
      name TEXT PRIMARY KEY,
      wrapped BLOB NOT NULL,
      master_key_id TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`);
    // Files written before rows named their master key gain the column; their rows keep NULL there.
    const columns = db.prepare('PRAGMA table_info(personal_data_keys)').all() as Array<{ name: string }>;
    if (!columns.some((column) => column.name === 'master_key_id'))
      db.exec('ALTER TABLE personal_data_keys ADD COLUMN master_key_id TEXT');
    return new SqliteKeyStore(db, keyringOf(master));
  }

  async derivationRoot(): Promise<Buffer> {
    if (this.root) return this.root;
    const select = this.db.prepare<[string], SecretRow>('SELECT * FROM key_store_secrets WHERE name = ?');
    if (!select.get(DERIVATION_ROOT)) {
      const root = this.masters.previous ?? this.masters.current;
      this.db
        .prepare(
          'INSERT OR IGNORE INTO key_store_secrets (name, wrapped, master_key_id, created_at) VALUES (?, ?, ?, ?)',
        )
        .run(
          DERIVATION_ROOT,
          wrapKey(this.masters.current, DERIVATION_ROOT, root),
          this.masters.currentId,
          now(),
        );
    }
    const row = select.get(DERIVATION_ROOT)!;
    this.root = openWrapped(this.masters, DERIVATION_ROOT, row.wrapped, row.master_key_id);
    return this.root;
  }

  async wrappedByMaster(): Promise<Array<{ masterKeyId: string | null; keys: number }>> {
    const rows = this.db
      .prepare(
        `SELECT master_key_id AS masterKeyId, COUNT(*) AS keys FROM (
           SELECT master_key_id FROM personal_data_keys WHERE wrapped_key IS NOT NULL
           UNION ALL SELECT master_key_id FROM key_store_secrets
         ) GROUP BY master_key_id ORDER BY master_key_id`,
      )
      .all() as Array<{ masterKeyId: string | null; keys: number }>;
    return rows;
  }

  async rewrapBatch(limit: number): Promise<number> {
    const { current, currentId } = this.masters;
    const batch = this.db.transaction(() => {
      let done = 0;
      const secrets = this.db
        .prepare<[string], SecretRow>('SELECT * FROM key_store_secrets WHERE master_key_id != ?')
        .all(currentId);
      for (const row of secrets) {
        const secret = openWrapped(this.masters, row.name, row.wrapped, row.master_key_id);
        this.db
          .prepare('UPDATE key_store_secrets SET wrapped = ?, master_key_id = ? WHERE name = ?')
          .run(wrapKey(current, row.name, secret), currentId, row.name);
        done += 1;
      }
      const rows = this.db
        .prepare<[string, number], Row>(
          `SELECT * FROM personal_data_keys
           WHERE wrapped_key IS NOT NULL AND (master_key_id IS NULL OR master_key_id != ?) LIMIT ?`,
        )
        .all(currentId, Math.max(0, limit - done));
      const update = this.db.prepare(
        'UPDATE personal_data_keys SET wrapped_key = ?, master_key_id = ? WHERE subject_id = ? AND wrapped_key IS NOT NULL',
      );
      for (const row of rows) {
        const key = openWrapped(this.masters, row.subject_id, row.wrapped_key!, row.master_key_id);
        update.run(wrapKey(current, row.subject_id, key), currentId, row.subject_id);
        done += 1;
      }
      return done;
    });
    // IMMEDIATE: a key destroyed meanwhile by the API waits for the batch, and stays destroyed after it.
    const done = batch.immediate();
    // The old wrapped bytes are overwritten in the file (secure_delete); empty the WAL of its copies too.
    if (done > 0) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return done;
  }

  async getOrCreate(subjectId: string): Promise<DataKey | Erased> {
    // Most commands are about a customer who has a key: read it, and only generate and wrap one when
    // there is none. INSERT OR IGNORE: of two processes creating the same subject's key, the first wins
    // and both read it.
    const existing = this.selectOne.get(subjectId);
    if (existing) return this.keyOf(existing);
    this.insertNew.run(
      subjectId,
      wrapKey(this.masters.current, subjectId, newDataKey()),
      this.masters.currentId,
      now(),
    );
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
    return openWrapped(this.masters, row.subject_id, row.wrapped_key, row.master_key_id);
  }
}

const now = (): string => new Date().toISOString();
