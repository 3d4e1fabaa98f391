/** DI token of the read-model store port. */
export const READ_STORE = Symbol('READ_STORE');

export type Scalar = string | number | boolean | null;

/** A Mongo-like condition on one field; the subset every adapter supports. */
export type FieldCondition =
  | Scalar
  | Readonly<{
      $in?: readonly Scalar[];
      $ne?: Scalar;
      $gt?: Scalar;
      $gte?: Scalar;
      $lt?: Scalar;
      $lte?: Scalar;
      $exists?: boolean;
    }>;

/** Conditions are ANDed. Keys are field paths with dots for nesting (`customer.id`). */
export type Filter = Readonly<Record<string, FieldCondition>>;

export type SortSpec = ReadonlyArray<readonly [field: string, direction: 1 | -1]>;

export type FindOptions = Readonly<{
  sort?: SortSpec;
  limit?: number;
  skip?: number;
}>;

export type ReadModelDoc = Record<string, unknown>;

/** A document with the global position of the last event applied to it. */
export type PositionedDoc<T extends ReadModelDoc = ReadModelDoc> = Readonly<{
  id: string;
  value: T;
  position: number;
}>;

export type DocWrite = Readonly<{
  collection: string;
  id: string;
  value: ReadModelDoc;
  /** Global position of the last event applied to this document. */
  position: number;
}>;

/** `retrying`: the runner could not reach a store and waits to resume; `error` holds the last store error. */
export type CheckpointStatus = 'idle' | 'running' | 'caught-up' | 'failed' | 'retrying' | 'rebuilding';

export type CheckpointError = Readonly<{
  message: string;
  position: number;
  eventId: string;
  eventType: string;
  streamId: string;
  at: string;
  /** Only while `retrying`: failed attempts in a row (`at` is then when the outage began). */
  attempt?: number;
}>;

/** Where a projection or reactor stands. Written with its read-model changes. */
export type Checkpoint = Readonly<{
  name: string;
  position: number;
  status: CheckpointStatus;
  error: CheckpointError | null;
  updatedAt: string;
}>;

export type IndexSpec = readonly string[];

/** One generation of a projection's collection: `<collection>_v<version>`, then `_g<generation>` from 1 on. */
export type GenerationRef = Readonly<{ version: number; generation: number }>;

/** A generation that is no longer live; dropped once no reader can still be using it. */
export type RetiredGeneration = GenerationRef & Readonly<{ dropAfter: string }>;

/**
 * The slot registry (blue/green): which generation of a logical collection readers see, and which one a
 * rebuild is building beside it. The switch is one compare-and-set write of the slot.
 */
export type Slot = Readonly<{
  /** Logical collection, e.g. `prospect_details`: readers of `prospect_details_v<any>` see `live`. */
  collection: string;
  projection: string;
  live: GenerationRef;
  building: GenerationRef | null;
  retired: readonly RetiredGeneration[];
  /** Highest generation number ever handed out: numbers are never reused, so no table name is either. */
  lastGeneration: number;
  /** Bumped on every write; the compare-and-set compares it. */
  revision: number;
  updatedAt: string;
}>;

/**
 * The generation a runner writes for. A write that names it is refused with GenerationRetiredError, in the
 * same transaction and writing nothing, once the slot no longer lists the generation as live, building or
 * retired (a retired generation is unlisted when its grace is over, before it is dropped): a late runner of a
 * dropped generation can then never re-create its collection or checkpoint. Writers without a slot (the
 * outbox, webhook documents, reactors) name no fence.
 */
export type GenerationFence = Readonly<{ slot: string; generation: GenerationRef }>;

/**
 * A lease: which process does one unit of work (a projection's live runner, a reactor, a clock watcher)
 * until `expiresAt` (milliseconds since 1970, the holder's wall clock). `epoch` grows by one at every change
 * of hands (a take-over of a free, released or expired lease), never at a renewal, and is never reused.
 */
export type Lease = Readonly<{ name: string; owner: string; epoch: number; expiresAt: number }>;

/**
 * The lease a writer holds. A write that names it is refused with LeaseLostError, in the same transaction
 * and writing nothing, once the stored lease's epoch is another one (another process took it over): a
 * stale owner, paused or cut off past its lease, can then never write over its successor.
 */
export type LeaseFence = Readonly<{ name: string; epoch: number }>;

export type LeaseRequest = Readonly<{ name: string; owner: string; ttlMs: number; now: number }>;

export type FencedWrite = Readonly<{ fence?: GenerationFence; lease?: LeaseFence }>;

export type EnsureCollectionOptions = FencedWrite &
  Readonly<{
    /** false: create the table and its field columns but not the indexes (a bulk build adds them at the end). */
    createIndexes?: boolean;
  }>;

export type CommitBatch = FencedWrite & Readonly<{ docs: readonly DocWrite[]; checkpoint: Checkpoint }>;

export interface ReadStore {
  /** Creates the collection and its indexes if they are missing. */
  ensureCollection(
    collection: string,
    indexes: readonly IndexSpec[],
    options?: EnsureCollectionOptions,
  ): Promise<void>;
  /**
   * Drops the collection (nothing if it is missing). With a fence, the generation is closed first for every
   * fenced writer (the caller has unlisted it from its slot): on MongoDB that is a write to the generation's
   * fence document that conflicts with any fenced commit still in flight, see the adapter.
   */
  dropCollection(collection: string, options?: FencedWrite): Promise<void>;
  /** Every read-model collection of the store, by physical name, sorted (for collecting orphan generations). */
  listCollections(): Promise<string[]>;

  get<T extends ReadModelDoc>(collection: string, id: string): Promise<T | null>;
  /** Documents with their positions, for the projection runner. Missing ids are absent from the map. */
  getMany(collection: string, ids: readonly string[]): Promise<Map<string, PositionedDoc>>;
  find<T extends ReadModelDoc>(collection: string, filter: Filter, options?: FindOptions): Promise<T[]>;
  count(collection: string, filter: Filter): Promise<number>;
  /** Every matching document, read in chunks (by id) so a large collection is never held in memory. */
  stream<T extends ReadModelDoc>(collection: string, filter: Filter): AsyncIterable<T>;

  /**
   * Writes a batch of documents and the checkpoint that covers them.
   * Every document write is guarded by position: it lands only if the stored document's position is
   * lower, so replaying a batch never applies an event twice. Adapters that have transactions commit the
   * documents and the checkpoint together; the guard makes the others safe too.
   * With a `fence`, throws GenerationRetiredError and writes nothing when the generation is no longer listed.
   */
  commitBatch(batch: CommitBatch): Promise<void>;

  readCheckpoint(name: string): Promise<Checkpoint | null>;
  listCheckpoints(): Promise<Checkpoint[]>;
  writeCheckpoint(checkpoint: Checkpoint, options?: FencedWrite): Promise<void>;
  deleteCheckpoint(name: string): Promise<void>;

  /*
   * Blue/green slots. `get`, `find`, `count` and `stream` of a name `<collection>_v<n>` read the live
   * generation of the slot of `<collection>` when there is one; writers (`getMany`, `commitBatch`,
   * `ensureCollection`, `dropCollection`) always name the physical generation.
   */
  readSlot(collection: string): Promise<Slot | null>;
  listSlots(): Promise<Slot[]>;
  /**
   * Writes `next` if the stored slot's revision is still `expectedRevision` (null: the slot must not exist).
   * Returns false, writing nothing, when another writer got there first.
   */
  compareAndSetSlot(next: Slot, expectedRevision: number | null): Promise<boolean>;

  /*
   * Leases (docs/architecture.md "Leases and fencing"). Times are the caller's wall clock in ms.
   */
  /**
   * Takes the lease for `owner` until `now + ttlMs` when it is free (never taken, released or expired at
   * `now`): the epoch then moves to the next number. A lease `owner` already holds is extended with its
   * epoch. Null, writing nothing, while another owner holds it.
   */
  acquireLease(request: LeaseRequest): Promise<Lease | null>;
  /**
   * Extends a lease `owner` holds at `epoch` to `now + ttlMs` (also after its expiry, as long as nobody
   * took it over). Null, writing nothing, when the epoch or the owner moved on: the lease is lost.
   */
  renewLease(request: LeaseRequest & Readonly<{ epoch: number }>): Promise<Lease | null>;
  /** Frees a lease `owner` holds at `epoch` (another may take it at once); nothing if it is not so held. */
  releaseLease(lease: Pick<Lease, 'name' | 'owner' | 'epoch'>): Promise<void>;
  /** Every lease, expired ones included, by name. */
  listLeases(): Promise<Lease[]>;
  /**
   * Deletes a lease that expired before `expiredBefore`. Only for leases that fence no write (a process's
   * presence): a deleted lease starts again at epoch 1, so a fencing lease must never be deleted.
   */
  deleteLease(name: string, expiredBefore: number): Promise<void>;

  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The generation a `stream` was reading was dropped under it (a rebuild switched and the old generation's
 * grace passed): what was read is a prefix of the read model, so the reader must not take it for all of it.
 */
export class ReadModelDroppedError extends Error {
  constructor(
    readonly collection: string,
    readonly documentsRead: number,
  ) {
    super(
      `read model ${collection} was dropped while it was being read, after ${documentsRead} documents (a rebuild switched to a new generation): run the read again`,
    );
    this.name = 'ReadModelDroppedError';
  }
}

/**
 * A write fenced by a lease whose epoch moved on: another process took the lease over, and the writer is its
 * stale owner. Nothing was written. Not a failure and not worth a retry: the writer stops, and its process
 * may take the lease again later (with a new epoch, from the stored checkpoint).
 */
export class LeaseLostError extends Error {
  constructor(readonly lease: LeaseFence) {
    super(
      `lease ${lease.name} is no longer held at epoch ${lease.epoch}: another process took it over; this writer stops`,
    );
    this.name = 'LeaseLostError';
  }
}

/**
 * A fenced write for a generation its slot no longer lists (it was retired and collected, or abandoned): the
 * writer is a late runner of a generation that is gone (another process switched the slot). Nothing was
 * written. Not a failure and not worth a retry: the runner's generation has ended, it stops.
 */
export class GenerationRetiredError extends Error {
  constructor(
    readonly slot: string,
    readonly generation: GenerationRef,
  ) {
    super(
      `generation ${generation.generation} (v${generation.version}) of ${slot} is no longer live, building or retired: its writer stops; the slot's live generation is served by its own runner`,
    );
    this.name = 'GenerationRetiredError';
  }
}
