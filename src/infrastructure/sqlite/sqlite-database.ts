import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type SqliteDurability = 'full' | 'normal';

/**
 * Opens a SQLite file in WAL mode. `full` syncs every commit to disk (the event store: nothing
 * acknowledged is lost, even on power loss); `normal` syncs at checkpoints (read models: they can be
 * rebuilt from the events, and a lost tail is re-projected from the checkpoint written with it).
 */
export const openSqlite = (file: string, durability: SqliteDurability): Database.Database => {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${durability === 'full' ? 'FULL' : 'NORMAL'}`);
  // Fewer, larger WAL checkpoints: each one syncs, and projections commit a batch at a time.
  if (durability === 'normal') db.pragma('wal_autocheckpoint = 10000');
  // Another process (the CLI, a second API instance) may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  return db;
};
