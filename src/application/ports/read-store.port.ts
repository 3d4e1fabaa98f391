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

export type CheckpointStatus = 'idle' | 'running' | 'caught-up' | 'failed' | 'rebuilding';

export type CheckpointError = Readonly<{
  message: string;
  position: number;
  eventId: string;
  eventType: string;
  streamId: string;
  at: string;
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

export interface ReadStore {
  /** Creates the collection and its indexes if they are missing. */
  ensureCollection(collection: string, indexes: readonly IndexSpec[]): Promise<void>;
  dropCollection(collection: string): Promise<void>;

  get<T extends ReadModelDoc>(collection: string, id: string): Promise<T | null>;
  /** Documents with their positions, for the projection runner. Missing ids are absent from the map. */
  getMany(collection: string, ids: readonly string[]): Promise<Map<string, PositionedDoc>>;
  find<T extends ReadModelDoc>(collection: string, filter: Filter, options?: FindOptions): Promise<T[]>;
  count(collection: string, filter: Filter): Promise<number>;

  /**
   * Writes a batch of documents and the checkpoint that covers them.
   * Every document write is guarded by position: it lands only if the stored document's position is
   * lower, so replaying a batch never applies an event twice. Adapters that have transactions commit the
   * documents and the checkpoint together; the guard makes the others safe too.
   */
  commitBatch(batch: Readonly<{ docs: readonly DocWrite[]; checkpoint: Checkpoint }>): Promise<void>;

  readCheckpoint(name: string): Promise<Checkpoint | null>;
  listCheckpoints(): Promise<Checkpoint[]>;
  writeCheckpoint(checkpoint: Checkpoint): Promise<void>;
  deleteCheckpoint(name: string): Promise<void>;

  ping(): Promise<void>;
  close(): Promise<void>;
}
