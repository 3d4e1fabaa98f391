import { Binary, type Collection, MongoClient, MongoServerError } from 'mongodb';
import type {
  DataKey,
  Erased,
  KeyTombstone,
  PersonalDataKeyStore,
} from '../../application/ports/personal-data-key-store.port';
import { toMongoStoreError } from '../mongodb/mongodb-errors';
import { newDataKey, unwrapKey, wrapKey } from './key-wrap';

type KeyDoc = {
  _id: string;
  wrappedKey?: Binary;
  createdAt: string;
  erasedAt: string | null;
  reason: string | null;
};

const DUPLICATE_KEY = 11000;

/**
 * Keys in the `personal_data_keys` collection, one document per subject, wrapped by the master key.
 * Writes use majority write concern, so an acknowledged destroy is not rolled back by a failover.
 * Unlike the SQLite file, MongoDB may keep a destroyed key's old bytes in its oplog and in free pages
 * until they are reused: see "Limits" in docs/privacy.md.
 * An outage (no primary, a step-down, no server) is a StoreUnavailableError, so the API answers 503.
 */
export class MongoKeyStore implements PersonalDataKeyStore {
  private constructor(
    private readonly client: MongoClient,
    private readonly keys: Collection<KeyDoc>,
    private readonly master: Buffer,
  ) {}

  static async connect(
    url: string,
    database: string,
    master: Buffer,
    serverSelectionTimeoutMS = 5000,
  ): Promise<MongoKeyStore> {
    const client = new MongoClient(url, {
      serverSelectionTimeoutMS,
      connectTimeoutMS: serverSelectionTimeoutMS,
      socketTimeoutMS: 30_000,
      writeConcern: { w: 'majority' },
    });
    try {
      await client.connect();
    } catch (error) {
      await client.close().catch(() => undefined);
      throw new Error(
        `MongoDB could not open the key store (${error instanceof Error ? error.message : String(error)}): check MONGODB_URL and that the server is up`,
      );
    }
    return new MongoKeyStore(client, client.db(database).collection<KeyDoc>('personal_data_keys'), master);
  }

  getOrCreate(subjectId: string): Promise<DataKey | Erased> {
    return this.run(`the key of ${subjectId}`, () => this.getOrCreateKey(subjectId));
  }

  getMany(subjectIds: readonly string[]): Promise<Map<string, DataKey | Erased>> {
    return this.run(`the keys of ${subjectIds.length} subjects`, () => this.findKeys(subjectIds));
  }

  destroy(subjectId: string, at: string, reason: string): Promise<KeyTombstone> {
    return this.run(`the destruction of the key of ${subjectId}`, () =>
      this.destroyKey(subjectId, at, reason),
    );
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async run<T>(what: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw toMongoStoreError(what, error);
    }
  }

  private async getOrCreateKey(subjectId: string): Promise<DataKey | Erased> {
    // Most commands are about a customer who has a key: one read, no key generated and wrapped in vain.
    const existing = await this.keys.findOne({ _id: subjectId });
    if (existing) return this.keyOf(existing);
    try {
      await this.keys.updateOne(
        { _id: subjectId },
        {
          $setOnInsert: {
            wrappedKey: new Binary(wrapKey(this.master, subjectId, newDataKey())),
            createdAt: new Date().toISOString(),
            erasedAt: null,
            reason: null,
          },
        },
        { upsert: true },
      );
    } catch (error) {
      // Two upserts of a new subject can race; the loser reads the winner's key.
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
    }
    const doc = await this.keys.findOne({ _id: subjectId });
    if (!doc) throw new Error(`the key of subject ${subjectId} vanished right after it was written`);
    return this.keyOf(doc);
  }

  private async findKeys(subjectIds: readonly string[]): Promise<Map<string, DataKey | Erased>> {
    const keys = new Map<string, DataKey | Erased>();
    if (subjectIds.length === 0) return keys;
    const docs = await this.keys.find({ _id: { $in: [...new Set(subjectIds)] } }).toArray();
    for (const doc of docs) keys.set(doc._id, this.keyOf(doc));
    return keys;
  }

  private async destroyKey(subjectId: string, at: string, reason: string): Promise<KeyTombstone> {
    const earlier = await this.keys.findOne({ _id: subjectId });
    if (earlier?.erasedAt) return { subjectId, erasedAt: earlier.erasedAt, reason: earlier.reason ?? '' };
    try {
      await this.keys.updateOne(
        { _id: subjectId, erasedAt: null },
        { $set: { erasedAt: at, reason }, $unset: { wrappedKey: '' }, $setOnInsert: { createdAt: at } },
        { upsert: true },
      );
    } catch (error) {
      // Erased by someone else in between (the upsert then collides with their tombstone): keep theirs.
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
    }
    const tombstone = await this.keys.findOne({ _id: subjectId });
    return { subjectId, erasedAt: tombstone?.erasedAt ?? at, reason: tombstone?.reason ?? reason };
  }

  private keyOf(doc: KeyDoc): DataKey | Erased {
    if (doc.erasedAt || !doc.wrappedKey) return 'erased';
    return unwrapKey(
      this.master,
      doc._id,
      Buffer.from(doc.wrappedKey.buffer.subarray(0, doc.wrappedKey.position)),
    );
  }
}
