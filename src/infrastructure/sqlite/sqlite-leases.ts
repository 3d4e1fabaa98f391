import type Database from 'better-sqlite3';
import {
  type Lease,
  type LeaseFence,
  LeaseLostError,
  type LeaseRequest,
} from '../../application/ports/read-store.port';

type LeaseRow = { name: string; owner: string; epoch: number; expires_at: number };

const toLease = (row: LeaseRow): Lease => ({
  name: row.name,
  owner: row.owner,
  epoch: row.epoch,
  expiresAt: row.expires_at,
});

/**
 * The leases of the SQLite read store (`_leases`): one row per unit of work. Every change is one statement
 * or one BEGIN IMMEDIATE transaction: SQLite serialises writers across processes, so two processes that
 * race for a free lease cannot both take it, and the epoch check of a fenced write (`admit`, called inside
 * the write's own transaction) reads the lease as it stays until that write commits.
 */
export class SqliteLeases {
  private readonly statements;
  private readonly acquireTransaction;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS _leases (
      name TEXT PRIMARY KEY, owner TEXT NOT NULL, epoch INTEGER NOT NULL, expires_at INTEGER NOT NULL
    ) WITHOUT ROWID`);
    this.statements = {
      get: db.prepare<[string], LeaseRow>('SELECT * FROM _leases WHERE name = ?'),
      epoch: db.prepare<[string], number>('SELECT epoch FROM _leases WHERE name = ?').pluck(),
      list: db.prepare<[], LeaseRow>('SELECT * FROM _leases ORDER BY name'),
      insert: db.prepare<[string, string, number]>(
        'INSERT INTO _leases (name, owner, epoch, expires_at) VALUES (?, ?, 1, ?)',
      ),
      takeOver: db.prepare<[string, number, string]>(
        'UPDATE _leases SET owner = ?, epoch = epoch + 1, expires_at = ? WHERE name = ?',
      ),
      renew: db.prepare<[number, string, string, number]>(
        'UPDATE _leases SET expires_at = ? WHERE name = ? AND owner = ? AND epoch = ?',
      ),
      release: db.prepare<[string, string, number]>(
        'UPDATE _leases SET expires_at = 0 WHERE name = ? AND owner = ? AND epoch = ?',
      ),
      remove: db.prepare<[string, number]>('DELETE FROM _leases WHERE name = ? AND expires_at < ?'),
    };
    this.acquireTransaction = db.transaction(({ name, owner, ttlMs, now }: LeaseRequest): Lease | null => {
      const expiresAt = now + ttlMs;
      const row = this.statements.get.get(name);
      if (!row) {
        this.statements.insert.run(name, owner, expiresAt);
      } else if (row.owner === owner && row.expires_at > now) {
        this.statements.renew.run(expiresAt, name, owner, row.epoch);
      } else if (row.expires_at <= now) {
        this.statements.takeOver.run(owner, expiresAt, name);
      } else {
        return null;
      }
      return toLease(this.statements.get.get(name) as LeaseRow);
    });
  }

  acquire(request: LeaseRequest): Lease | null {
    return this.acquireTransaction.immediate(request);
  }

  renew({ name, owner, epoch, ttlMs, now }: LeaseRequest & Readonly<{ epoch: number }>): Lease | null {
    const expiresAt = now + ttlMs;
    const info = this.statements.renew.run(expiresAt, name, owner, epoch);
    return info.changes === 1 ? { name, owner, epoch, expiresAt } : null;
  }

  release({ name, owner, epoch }: Pick<Lease, 'name' | 'owner' | 'epoch'>): void {
    this.statements.release.run(name, owner, epoch);
  }

  list(): Lease[] {
    return this.statements.list.all().map(toLease);
  }

  remove(name: string, expiredBefore: number): void {
    this.statements.remove.run(name, expiredBefore);
  }

  /** Refuses a write fenced by a lease whose epoch moved on (or that is gone); call inside the write transaction. */
  admit(lease: LeaseFence | undefined): void {
    if (lease && this.statements.epoch.get(lease.name) !== lease.epoch) throw new LeaseLostError(lease);
  }
}
