import {
  type AnyBulkWriteOperation,
  type ClientSession,
  type Collection,
  type Db,
  MongoBulkWriteError,
  MongoClient,
  MongoError,
  MongoServerError,
  type WriteError,
} from 'mongodb';
import {
  type Checkpoint,
  type CommitBatch,
  type DocWrite,
  type EnsureCollectionOptions,
  type FencedWrite,
  type Filter,
  type FindOptions,
  type IndexSpec,
  type Lease,
  type LeaseRequest,
  type PositionedDoc,
  ReadModelDroppedError,
  type ReadModelDoc,
  type ReadStore,
  type Slot,
} from '../../application/ports/read-store.port';
import { hitFaultPoint } from '../fault-injection';
import { toMongoStoreError } from './mongodb-errors';
import { toMongoFilter, toMongoSort, valuePath } from './mongodb-filter';
import {
  boundedChunks,
  DEFAULT_TRANSACTION_BOUNDS,
  type TransactionBounds,
} from './mongodb-transaction-bounds';
import { MongoFences } from './mongodb-fences';
import { MongoLeases } from './mongodb-leases';
import { MongoSlots } from './mongodb-slots';

/** A read-model document as stored: the value is nested so our fields never collide with `_id`. */
type StoredDoc = { _id: string; value: ReadModelDoc; position: number };
type StoredCheckpoint = { _id: string } & Omit<Checkpoint, 'name'>;

const CHECKPOINTS = '_checkpoints';
const COLLECTION_NAME = /^[a-z][a-z0-9_]*$/;
const DUPLICATE_KEY = 11000;
const NAMESPACE_NOT_FOUND = 26;
const NAMESPACE_EXISTS = 48;
const CURSOR_KILLED_BY_DROP = new Set([175, 43, NAMESPACE_NOT_FOUND]);

export type MongoReadStoreOptions = Readonly<{
  /** Database holding the read models; default `dealer_crm`. */
  database?: string;
  /** How long to look for a usable server before answering 503; short so a dead server never hangs us. */
  serverSelectionTimeoutMS?: number;
  /** Documents and bytes per transaction (default 1000 documents, 4 MiB). */
  transactionBounds?: TransactionBounds;
  /**
   * How long an index build may take (default 1 hour): the indexes of a rebuilt generation are built at
   * its end, over the whole collection, far past the 30 s socket timeout of every other call.
   */
  indexBuildTimeoutMS?: number;
}>;

const SOCKET_TIMEOUT_MS = 30_000;
const INDEX_BUILD_TIMEOUT_MS = 3_600_000;

/**
 * Read models in MongoDB. One collection per read model holding `{ _id, value, position }`, checkpoints in
 * `_checkpoints`.
 *
 * Exactly once, per mode (chosen at connect time, see `mode`):
 * - `transaction` (replica set or sharded cluster): documents and checkpoint commit in one transaction.
 *   Either both land or neither, so after a crash the checkpoint still names the last batch whose
 *   documents are in; that batch is replayed from the checkpoint and nothing was applied twice. The
 *   position guard is kept anyway, so a replay that overlaps cannot roll a document back.
 * - `position-guard` (standalone server, no transactions): documents are written first, each only if the
 *   stored one has a lower position, then the checkpoint. A crash in between leaves documents ahead of the
 *   checkpoint; the replay rewrites the same events, and the guard turns every already-applied write into
 *   a no-op, so each event still changes each document once. Projections are deterministic per event, so a
 *   replayed write carries the same value it did the first time.
 */
export class MongoReadStore implements ReadStore {
  private readonly slots: MongoSlots;
  private readonly fences: MongoFences;
  private readonly leases: MongoLeases;

  /** A second client, opened for the first index build: its socket outlasts the build's own deadline. */
  private indexClient: Promise<MongoClient> | undefined;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    readonly mode: 'transaction' | 'position-guard',
    private readonly url: string,
    private readonly options: MongoReadStoreOptions,
  ) {
    this.slots = new MongoSlots(db);
    this.fences = new MongoFences(db, this.slots);
    this.leases = new MongoLeases(db);
  }

  static async connect(url: string, options: MongoReadStoreOptions = {}): Promise<MongoReadStore> {
    let client: MongoClient;
    try {
      // A server that accepts a query and never answers must not hold a projection forever.
      client = new MongoClient(url, clientOptions(options, SOCKET_TIMEOUT_MS));
    } catch (error) {
      // The URL may hold credentials: name the problem, not the string.
      throw new Error(`MONGODB_URL is not a valid MongoDB connection string (${messageOf(error)})`);
    }
    try {
      await client.connect();
      const db = client.db(options.database ?? 'dealer_crm');
      const hello = await db.admin().command({ hello: 1 });
      const transactional = typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
      return new MongoReadStore(client, db, transactional ? 'transaction' : 'position-guard', url, options);
    } catch (error) {
      await client.close().catch(() => undefined);
      throw toMongoStoreError('the connection', error);
    }
  }

  async ensureCollection(
    collection: string,
    indexes: readonly IndexSpec[],
    options: EnsureCollectionOptions = {},
  ): Promise<void> {
    await this.run(`ensuring collection ${collection}`, async () => {
      // The fence is checked (and its document written) before the create, not with it: a drop in between
      // leaves an empty collection without a checkpoint, which the orphan sweep of collectRetired drops;
      // the runner's first fenced commit is then refused.
      if (options.fence) await this.fenced(options, async () => undefined);
      try {
        await this.db.createCollection(checkName(collection));
      } catch (error) {
        if (!(error instanceof MongoServerError && error.code === NAMESPACE_EXISTS)) throw error;
      }
      if (options.createIndexes === false || indexes.length === 0) return;
      const maxTimeMS = this.options.indexBuildTimeoutMS ?? INDEX_BUILD_TIMEOUT_MS;
      const db = (await this.indexConnection()).db(this.db.databaseName);
      for (const fields of indexes) {
        // createIndex is idempotent for an identical key; the default name is derived from the key.
        // maxTimeMS: the server stops a build past its deadline, where a cut socket would leave it running.
        await db
          .collection<StoredDoc>(checkName(collection))
          .createIndex(Object.fromEntries(fields.map((field) => [valuePath(field), 1])), { maxTimeMS });
      }
    });
  }

  async dropCollection(collection: string, options: FencedWrite = {}): Promise<void> {
    await this.run(`dropping collection ${collection}`, async () => {
      // Closed before the drop: from here on no fenced write can commit to this generation (mongodb-fences).
      if (options.fence) await this.fences.close(options.fence);
      try {
        await this.docs(collection).drop();
      } catch (error) {
        if (!(error instanceof MongoServerError && error.code === NAMESPACE_NOT_FOUND)) throw error;
      }
    });
  }

  async listCollections(): Promise<string[]> {
    const found = await this.run('listing collections', () =>
      this.db.listCollections({}, { nameOnly: true }).toArray(),
    );
    // `_checkpoints`, `_slots`, `_fences`, `_leases` and `system.*` are the store's own, not read models.
    return found
      .map((info) => info.name)
      .filter((name) => COLLECTION_NAME.test(name))
      .sort();
  }

  async get<T extends ReadModelDoc>(name: string, id: string): Promise<T | null> {
    const found = await this.run(`reading ${name}/${id}`, async () =>
      this.docs(await this.slots.resolve(name)).findOne({ _id: id }),
    );
    return found ? (found.value as T) : null;
  }

  async getMany(collection: string, ids: readonly string[]): Promise<Map<string, PositionedDoc>> {
    const found = new Map<string, PositionedDoc>();
    if (ids.length === 0) return found;
    const docs = await this.run(`reading ${ids.length} documents of ${collection}`, () =>
      this.docs(collection)
        .find({ _id: { $in: [...ids] } })
        .toArray(),
    );
    for (const doc of docs) found.set(doc._id, { id: doc._id, value: doc.value, position: doc.position });
    return found;
  }

  async find<T extends ReadModelDoc>(name: string, filter: Filter, options: FindOptions = {}): Promise<T[]> {
    // MongoDB reads limit 0 as "no limit"; the port (like SQL) means "none".
    if (options.limit === 0) return [];
    const docs = await this.run(`querying ${name}`, async () => {
      const collection = await this.slots.resolve(name);
      let cursor = this.docs(collection).find(toMongoFilter(filter)).sort(toMongoSort(options.sort));
      if (options.skip) cursor = cursor.skip(options.skip);
      if (options.limit !== undefined) cursor = cursor.limit(options.limit);
      return cursor.toArray();
    });
    return docs.map((doc) => doc.value as T);
  }

  async count(name: string, filter: Filter): Promise<number> {
    return this.run(`counting ${name}`, async () =>
      this.docs(await this.slots.resolve(name)).countDocuments(toMongoFilter(filter)),
    );
  }

  /** A cursor in id order; the driver fetches it in batches, so memory stays flat. */
  async *stream<T extends ReadModelDoc>(name: string, filter: Filter): AsyncIterable<T> {
    const collection = await this.run(`resolving ${name}`, () => this.slots.resolve(name));
    const cursor = this.docs(collection).find(toMongoFilter(filter)).sort({ _id: 1 }).batchSize(1000);
    let read = 0;
    try {
      for await (const doc of cursor) {
        yield doc.value as T;
        read += 1;
      }
    } catch (error) {
      // A drop kills the cursor (QueryPlanKilled, CursorNotFound, NamespaceNotFound): say so, not just fail.
      if (error instanceof MongoServerError && CURSOR_KILLED_BY_DROP.has(Number(error.code)))
        throw new ReadModelDroppedError(collection, read);
      throw toMongoStoreError(`streaming ${name}`, error);
    } finally {
      await cursor.close();
    }
  }

  async commitBatch({ docs, checkpoint, fence, lease }: CommitBatch) {
    await this.run(`committing a batch of ${checkpoint.name}`, async () => {
      if (this.mode === 'transaction') {
        // A batch past the bounds commits its documents in several transactions and the checkpoint with
        // the last: a crash between leaves documents ahead of the checkpoint, which the position guard
        // makes harmless on replay (as in position-guard mode).
        const chunks = boundedChunks(docs, this.options.transactionBounds ?? DEFAULT_TRANSACTION_BOUNDS);
        const session = this.client.startSession();
        try {
          for (const [index, chunk] of chunks.entries()) {
            const last = index === chunks.length - 1;
            // Errors must propagate out of the callback: withTransaction retries transient ones itself and
            // would otherwise not know whether the transaction was aborted.
            await session.withTransaction(async () => {
              // Every chunk carries the fence: a drop between two chunks refuses the rest.
              await this.fences.admit(fence, session);
              await this.leases.admit(lease, session);
              await this.writeDocsGuarded(chunk, session);
              if (!last) return;
              // A kill here aborts the transaction: the last documents and the checkpoint stay together.
              hitFaultPoint('read-store:after-docs-before-checkpoint');
              await this.putCheckpoint(checkpoint, session);
            });
          }
        } finally {
          await session.endSession();
        }
        return;
      }
      await this.fences.admit(fence);
      await this.leases.admit(lease);
      await this.writeDocsIfNewer(docs);
      hitFaultPoint('read-store:after-docs-before-checkpoint');
      await this.putCheckpoint(checkpoint);
    });
  }

  async readCheckpoint(name: string): Promise<Checkpoint | null> {
    const found = await this.run(`reading checkpoint ${name}`, () =>
      this.checkpoints().findOne({ _id: name }),
    );
    return found ? toCheckpoint(found) : null;
  }

  async listCheckpoints(): Promise<Checkpoint[]> {
    const all = await this.run('listing checkpoints', () =>
      this.checkpoints().find({}).sort({ _id: 1 }).toArray(),
    );
    return all.map(toCheckpoint);
  }

  async writeCheckpoint(checkpoint: Checkpoint, options: FencedWrite = {}): Promise<void> {
    await this.run(`writing checkpoint ${checkpoint.name}`, () =>
      options.fence || options.lease
        ? this.fenced(options, (session) => this.putCheckpoint(checkpoint, session))
        : this.putCheckpoint(checkpoint),
    );
  }

  async deleteCheckpoint(name: string): Promise<void> {
    await this.run(`deleting checkpoint ${name}`, () => this.checkpoints().deleteOne({ _id: name }));
  }

  async readSlot(collection: string): Promise<Slot | null> {
    return this.run(`reading slot ${collection}`, () => this.slots.read(collection));
  }

  async listSlots(): Promise<Slot[]> {
    return this.run('listing slots', () => this.slots.list());
  }

  async compareAndSetSlot(next: Slot, expectedRevision: number | null): Promise<boolean> {
    return this.run(`switching slot ${next.collection}`, () =>
      this.slots.compareAndSet(next, expectedRevision),
    );
  }

  async acquireLease(request: LeaseRequest): Promise<Lease | null> {
    return this.run(`acquiring lease ${request.name}`, () => this.leases.acquire(request));
  }

  async renewLease(request: LeaseRequest & Readonly<{ epoch: number }>): Promise<Lease | null> {
    return this.run(`renewing lease ${request.name}`, () => this.leases.renew(request));
  }

  async releaseLease(lease: Pick<Lease, 'name' | 'owner' | 'epoch'>): Promise<void> {
    await this.run(`releasing lease ${lease.name}`, () => this.leases.release(lease));
  }

  async listLeases(): Promise<Lease[]> {
    return this.run('listing leases', () => this.leases.list());
  }

  async deleteLease(name: string, expiredBefore: number): Promise<void> {
    await this.run(`deleting lease ${name}`, () => this.leases.remove(name, expiredBefore));
  }

  async ping(): Promise<void> {
    await this.run('a ping', () => this.db.command({ ping: 1 }));
  }

  async close(): Promise<void> {
    const indexClient = this.indexClient;
    this.indexClient = undefined;
    await Promise.all([
      this.client.close(),
      indexClient?.then((client) => client.close()).catch(() => undefined),
    ]);
  }

  /** `write` after the fence's admission, in one transaction when the server has them. */
  private async fenced(
    { fence, lease }: FencedWrite,
    write: (session: ClientSession | undefined) => Promise<void>,
  ): Promise<void> {
    if (this.mode !== 'transaction') {
      await this.fences.admit(fence);
      await this.leases.admit(lease);
      await write(undefined);
      return;
    }
    const session = this.client.startSession();
    try {
      await session.withTransaction(async () => {
        await this.fences.admit(fence, session);
        await this.leases.admit(lease, session);
        await write(session);
      });
    } finally {
      await session.endSession();
    }
  }

  private indexConnection(): Promise<MongoClient> {
    const timeout = this.options.indexBuildTimeoutMS ?? INDEX_BUILD_TIMEOUT_MS;
    this.indexClient ??= new MongoClient(
      this.url,
      clientOptions(this.options, timeout + SOCKET_TIMEOUT_MS),
    ).connect();
    // A failed connection is not kept: the next build tries again.
    this.indexClient.catch(() => (this.indexClient = undefined));
    return this.indexClient;
  }

  /**
   * The guard as one conditional update, for transactions. The filter-and-upsert form used without a
   * transaction reports an older write as a duplicate-key error, and inside a transaction any error aborts
   * the whole transaction. Here the update pipeline keeps the stored value when its position is not lower;
   * on an insert `$position` is missing, which sorts below every number, so the write lands.
   */
  private async writeDocsGuarded(docs: readonly DocWrite[], session: ClientSession): Promise<void> {
    for (const [collection, writes] of groupByCollection(docs)) {
      const operations: AnyBulkWriteOperation<StoredDoc>[] = writes.map((write) => {
        const newer = { $lt: ['$position', write.position] };
        return {
          updateOne: {
            filter: { _id: write.id },
            update: [
              {
                $set: {
                  // $literal: a read-model value holding "$…" strings must not be read as field paths.
                  value: { $cond: [newer, { $literal: write.value }, '$value'] },
                  position: { $cond: [newer, write.position, '$position'] },
                },
              },
            ],
            upsert: true,
          },
        };
      });
      await this.docs(collection).bulkWrite(operations, { ordered: true, session });
    }
  }

  /**
   * The guard without a transaction: replace only a document with a lower position. When the stored one is
   * newer the filter misses, the upsert tries to insert the same `_id` and fails with E11000: exactly the
   * "already applied" case, so those errors (and only those) are ignored.
   */
  private async writeDocsIfNewer(docs: readonly DocWrite[]): Promise<void> {
    for (const [collection, writes] of groupByCollection(docs)) {
      const operations: AnyBulkWriteOperation<StoredDoc>[] = writes.map((write) => ({
        updateOne: {
          filter: { _id: write.id, position: { $lt: write.position } },
          update: { $set: { value: write.value, position: write.position } },
          upsert: true,
        },
      }));
      try {
        // Unordered: one skipped document must not stop the others.
        await this.docs(collection).bulkWrite(operations, { ordered: false });
      } catch (error) {
        if (!(error instanceof MongoBulkWriteError) || error.writeConcernError) throw error;
        const writeErrors: WriteError[] = ([] as WriteError[]).concat(error.writeErrors);
        if (writeErrors.length === 0 || writeErrors.some((entry) => entry.code !== DUPLICATE_KEY))
          throw error;
      }
    }
  }

  private async putCheckpoint(checkpoint: Checkpoint, session?: ClientSession): Promise<void> {
    const { name, ...rest } = checkpoint;
    await this.checkpoints().replaceOne({ _id: name }, rest, { upsert: true, session });
  }

  private docs(collection: string): Collection<StoredDoc> {
    return this.db.collection<StoredDoc>(checkName(collection));
  }

  private checkpoints(): Collection<StoredCheckpoint> {
    return this.db.collection<StoredCheckpoint>(CHECKPOINTS);
  }

  /** Runs one driver call and turns "no server" into StoreUnavailableError (503), naming the operation. */
  private async run<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw toMongoStoreError(what, error);
    }
  }
}

const clientOptions = (options: MongoReadStoreOptions, socketTimeoutMS: number) => ({
  serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 5000,
  connectTimeoutMS: options.serverSelectionTimeoutMS ?? 5000,
  socketTimeoutMS,
  // Store documents as JSON.stringify would (the SQLite adapter's format): undefined fields vanish
  // instead of becoming null.
  ignoreUndefined: true,
});

const checkName = (collection: string): string => {
  if (!COLLECTION_NAME.test(collection)) {
    throw new Error(`read-model collection "${collection}" must be lower_snake_case`);
  }
  return collection;
};

const groupByCollection = (docs: readonly DocWrite[]): Map<string, DocWrite[]> => {
  const groups = new Map<string, DocWrite[]>();
  for (const write of docs) {
    const group = groups.get(write.collection);
    if (group) group.push(write);
    else groups.set(write.collection, [write]);
  }
  return groups;
};

const toCheckpoint = ({ _id, position, status, error, updatedAt }: StoredCheckpoint): Checkpoint => ({
  name: _id,
  position,
  status,
  error: error ?? null,
  updatedAt,
});

const messageOf = (error: unknown): string =>
  error instanceof MongoError || error instanceof Error ? error.message : String(error);
