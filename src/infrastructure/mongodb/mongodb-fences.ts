import { type ClientSession, type Db, MongoServerError } from 'mongodb';
import { type GenerationFence, GenerationRetiredError } from '../../application/ports/read-store.port';
import { generationCollection, listsGeneration } from '../projections/generations';
import type { MongoSlots } from './mongodb-slots';

/** One per physical generation ever written by a fenced writer or dropped: `_id` is its collection. */
type StoredFence = {
  _id: string;
  slot: string;
  version: number;
  generation: number;
  dropped: boolean;
  /** Bumped by every fenced write: the write that makes two transactions conflict (see below). */
  writes?: number;
};

const DUPLICATE_KEY = 11000;

/**
 * The generation fence on MongoDB (`_fences`).
 *
 * Reading the slot inside the writer's transaction is not enough: a transaction reads a snapshot and only
 * conflicts with what it writes, so a runner could read its generation as listed, collectRetired could
 * unlist it and drop the collection, and the runner's insert would then re-create the collection and its
 * checkpoint (write skew). So both sides WRITE one document per physical generation:
 * - collectRetired (through `dropCollection` with a fence) marks it `dropped: true` after unlisting the
 *   generation and BEFORE dropping the collection;
 * - every fenced write updates it in its own transaction, only while `dropped` is false (`$inc`, never a
 *   no-op: a no-op update writes nothing and would conflict with nothing).
 * If the mark commits after the writer's snapshot, the writer's update hits a WriteConflict (labelled
 * TransientTransactionError), `withTransaction` runs the callback again on a new snapshot, where the filter
 * misses: the upsert then inserts the same `_id`, gets E11000, and the write is refused. If the writer
 * updated the document first, the mark waits for its transaction, so that commit lands before the drop.
 * Either way no fenced write commits after the drop. The slot is read too, for generations unlisted before
 * fences existed (they have no fence document).
 *
 * Without a replica set (no transactions) the check and the write are separate calls: a drop between them
 * can still re-create an orphan, which collectRetired's orphan sweep then drops.
 */
export class MongoFences {
  constructor(
    private readonly db: Db,
    private readonly slots: MongoSlots,
  ) {}

  /** Refuses a write for a generation that is no longer listed or whose fence is closed. */
  async admit(fence: GenerationFence | undefined, session?: ClientSession): Promise<void> {
    if (!fence) return;
    const refused = new GenerationRetiredError(fence.slot, fence.generation);
    if (!listsGeneration(await this.slots.read(fence.slot, session), fence.generation)) throw refused;
    try {
      await this.fences().updateOne(
        { _id: generationCollection(fence.slot, fence.generation), dropped: false },
        {
          $setOnInsert: {
            slot: fence.slot,
            version: fence.generation.version,
            generation: fence.generation.generation,
          },
          $inc: { writes: 1 },
        },
        { upsert: true, session },
      );
    } catch (error) {
      // The filter missed a document that exists: its fence is closed (dropped: true).
      if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) throw refused;
      throw error;
    }
  }

  /** Closes the generation's fence for good; the caller drops the collection after this. */
  async close(fence: GenerationFence): Promise<void> {
    await this.fences().updateOne(
      { _id: generationCollection(fence.slot, fence.generation) },
      {
        $set: { dropped: true },
        $setOnInsert: {
          slot: fence.slot,
          version: fence.generation.version,
          generation: fence.generation.generation,
        },
      },
      { upsert: true },
    );
  }

  private fences() {
    return this.db.collection<StoredFence>('_fences');
  }
}
