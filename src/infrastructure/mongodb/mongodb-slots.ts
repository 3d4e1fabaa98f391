import { type ClientSession, type Db, MongoServerError } from 'mongodb';
import type { Slot } from '../../application/ports/read-store.port';
import { liveCollectionOf, logicalCollectionOf } from '../projections/generations';

type StoredSlot = { _id: string; slot: Slot; live: string; revision: number };

const DUPLICATE_KEY = 11000;
/** How long a resolved slot is trusted; a switch is seen by readers within it. */
const RESOLVE_TTL_MS = 500;

/**
 * The blue/green slot registry in MongoDB (`_slots`). MongoDB has no cross-collection read snapshot
 * outside a transaction, so readers cache a slot for at most RESOLVE_TTL_MS and a retired generation is
 * kept for a grace period far longer than that (see the rebuilder) before it is dropped.
 */
export class MongoSlots {
  private readonly cache = new Map<string, { live: string | null; until: number }>();

  constructor(private readonly db: Db) {}

  async resolve(name: string): Promise<string> {
    const logical = logicalCollectionOf(name);
    if (logical === null) return name;
    const now = Date.now();
    const cached = this.cache.get(logical);
    if (cached && cached.until > now) return cached.live ?? name;
    const found = await this.slots().findOne({ _id: logical }, { projection: { live: 1 } });
    this.cache.set(logical, { live: found?.live ?? null, until: now + RESOLVE_TTL_MS });
    return found?.live ?? name;
  }

  /** With a session: read inside its transaction (the generation fence). */
  async read(collection: string, session?: ClientSession): Promise<Slot | null> {
    return (await this.slots().findOne({ _id: collection }, { session }))?.slot ?? null;
  }

  async list(): Promise<Slot[]> {
    return (await this.slots().find({}).sort({ _id: 1 }).toArray()).map((stored) => stored.slot);
  }

  async compareAndSet(next: Slot, expectedRevision: number | null): Promise<boolean> {
    const stored: StoredSlot = {
      _id: next.collection,
      slot: next,
      live: liveCollectionOf(next),
      revision: next.revision,
    };
    this.cache.delete(next.collection);
    if (expectedRevision === null) {
      try {
        await this.slots().insertOne(stored);
        return true;
      } catch (error) {
        if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) return false;
        throw error;
      }
    }
    const result = await this.slots().replaceOne(
      { _id: next.collection, revision: expectedRevision },
      stored,
    );
    return result.modifiedCount === 1;
  }

  private slots() {
    return this.db.collection<StoredSlot>('_slots');
  }
}
