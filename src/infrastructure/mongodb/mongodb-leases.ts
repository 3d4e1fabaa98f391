import { type ClientSession, type Db, MongoServerError } from 'mongodb';
import {
  type Lease,
  type LeaseFence,
  LeaseLostError,
  type LeaseRequest,
} from '../../application/ports/read-store.port';

type StoredLease = {
  _id: string;
  owner: string;
  epoch: number;
  expiresAt: number;
  /** Bumped by every fenced write: the write that makes it conflict with a take-over (see `admit`). */
  writes?: number;
};

const DUPLICATE_KEY = 11000;

const toLease = ({ _id, owner, epoch, expiresAt }: StoredLease): Lease => ({
  name: _id,
  owner,
  epoch,
  expiresAt,
});

/**
 * The leases of the MongoDB read store (`_leases`): one document per unit of work, every change one
 * single-document write with the condition in its filter (atomic on any server). Two processes racing
 * for a free lease: one `findOneAndUpdate` matches, the other finds the condition false; two racing to
 * create it: one insert wins, the other gets E11000.
 */
export class MongoLeases {
  constructor(private readonly db: Db) {}

  async acquire({ name, owner, ttlMs, now }: LeaseRequest): Promise<Lease | null> {
    const expiresAt = now + ttlMs;
    const own = await this.leases().findOneAndUpdate(
      { _id: name, owner, expiresAt: { $gt: now } },
      { $set: { expiresAt } },
      { returnDocument: 'after' },
    );
    if (own) return toLease(own);
    const taken = await this.leases().findOneAndUpdate(
      { _id: name, expiresAt: { $lte: now } },
      { $set: { owner, expiresAt }, $inc: { epoch: 1 } },
      { returnDocument: 'after' },
    );
    if (taken) return toLease(taken);
    try {
      await this.leases().insertOne({ _id: name, owner, epoch: 1, expiresAt });
      return { name, owner, epoch: 1, expiresAt };
    } catch (error) {
      // It exists and is held by another owner (or was just created by one).
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return null;
      throw error;
    }
  }

  async renew({
    name,
    owner,
    epoch,
    ttlMs,
    now,
  }: LeaseRequest & Readonly<{ epoch: number }>): Promise<Lease | null> {
    const expiresAt = now + ttlMs;
    const result = await this.leases().updateOne({ _id: name, owner, epoch }, { $set: { expiresAt } });
    return result.matchedCount === 1 ? { name, owner, epoch, expiresAt } : null;
  }

  async release({ name, owner, epoch }: Pick<Lease, 'name' | 'owner' | 'epoch'>): Promise<void> {
    await this.leases().updateOne({ _id: name, owner, epoch }, { $set: { expiresAt: 0 } });
  }

  async list(): Promise<Lease[]> {
    return (await this.leases().find({}).sort({ _id: 1 }).toArray()).map(toLease);
  }

  async remove(name: string, expiredBefore: number): Promise<void> {
    await this.leases().deleteOne({ _id: name, expiresAt: { $lt: expiredBefore } });
  }

  /**
   * Refuses a write fenced by a lease whose epoch moved on. Inside a transaction the check WRITES the lease
   * document (`$inc`, never a no-op), as the generation fence does (mongodb-fences): a take-over committed
   * after the transaction's snapshot then makes this update a WriteConflict, `withTransaction` runs the
   * callback again on a new snapshot, the epoch no longer matches and the write is refused; a take-over that
   * comes later waits for this transaction. Without a transaction the check and the write are two calls: a
   * take-over between them lets one late batch land, which the position guard keeps from counting twice.
   */
  async admit(lease: LeaseFence | undefined, session?: ClientSession): Promise<void> {
    if (!lease) return;
    const result = await this.leases().updateOne(
      { _id: lease.name, epoch: lease.epoch },
      { $inc: { writes: 1 } },
      { session },
    );
    if (result.matchedCount !== 1) throw new LeaseLostError(lease);
  }

  private leases() {
    return this.db.collection<StoredLease>('_leases');
  }
}
