import type Database from 'better-sqlite3';
import type { Slot } from '../../application/ports/read-store.port';
import { liveCollectionOf, logicalCollectionOf } from '../projections/generations';

type SlotRow = { collection: string; revision: number; live: string; doc: string };

/**
 * The blue/green slot registry of the SQLite read store: one row per logical collection with the physical
 * table readers see (`live`) and the whole slot as JSON. A switch is one UPDATE guarded by the revision.
 */
export class SqliteSlots {
  private readonly statements;
  private readonly compareAndSetTransaction;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS _slots (
      collection TEXT PRIMARY KEY, revision INTEGER NOT NULL, live TEXT NOT NULL, doc TEXT NOT NULL
    ) WITHOUT ROWID`);
    this.statements = {
      live: db.prepare<[string], { live: string }>('SELECT live FROM _slots WHERE collection = ?'),
      get: db.prepare<[string], SlotRow>('SELECT * FROM _slots WHERE collection = ?'),
      list: db.prepare<[], SlotRow>('SELECT * FROM _slots ORDER BY collection'),
      insert: db.prepare<[string, number, string, string]>(
        'INSERT INTO _slots (collection, revision, live, doc) VALUES (?, ?, ?, ?) ON CONFLICT(collection) DO NOTHING',
      ),
      update: db.prepare<[number, string, string, string, number]>(
        'UPDATE _slots SET revision = ?, live = ?, doc = ? WHERE collection = ? AND revision = ?',
      ),
    };
    this.compareAndSetTransaction = db.transaction((next: Slot, expected: number | null): boolean => {
      const live = liveCollectionOf(next);
      const doc = JSON.stringify(next);
      const info =
        expected === null
          ? this.statements.insert.run(next.collection, next.revision, live, doc)
          : this.statements.update.run(next.revision, live, doc, next.collection, expected);
      return info.changes === 1;
    });
  }

  /** The physical collection a reader of `name` sees: the slot's live generation, else `name` itself. */
  resolve(name: string): string {
    const logical = logicalCollectionOf(name);
    if (logical === null) return name;
    return this.statements.live.get(logical)?.live ?? name;
  }

  read(collection: string): Slot | null {
    const row = this.statements.get.get(collection);
    return row ? (JSON.parse(row.doc) as Slot) : null;
  }

  list(): Slot[] {
    return this.statements.list.all().map((row) => JSON.parse(row.doc) as Slot);
  }

  compareAndSet(next: Slot, expectedRevision: number | null): boolean {
    return this.compareAndSetTransaction.immediate(next, expectedRevision);
  }
}
