import { Binary, type Collection, MongoClient, MongoServerError } from 'mongodb';
import type {
  DataKey,
  Erased,
  KeyTombstone,
  PersonalDataKeyStore,
} from '../../application/ports/personal-data-key-store.port';
import { toMongoStoreError } from '../mongodb/mongodb-errors';
import {
  DERIVATION_ROOT,
  type KeyStoreMaintenance,
  type KnownMasters,
  knownMasters,
  newDataKey,
  openWrapped,
  wrapKey,
} from './key-wrap';
import { keyringOf, type MasterKeyring } from './master-key';

type KeyDoc = {
  _id: string;
  wrappedKey?: Binary;
  /** Absent on keys written before keys named their master key. */
  masterKeyId?: string;
  createdAt: string;
  erasedAt: string | null;
  reason: string | null;
};

type SecretDoc = { _id: string; wrapped: Binary; masterKeyId: string; createdAt: string };

const bytesOf = (binary: Binary): Buffer => Buffer.from(binary.buffer.subarray(0, binary.position));

const DUPLICATE_KEY = 11000;

/**
 * Keys in the `personal_data_keys` collection, one document per subject, wrapped by the master key.
 * Writes use majority write concern, so an acknowledged destroy is not rolled back by a failover.
 * Unlike the SQLite file, MongoDB may keep a destroyed key's old bytes in its oplog and in free pages
 * until they are reused: see "Limits" in docs/privacy.md.
 * An outage (no primary, a step-down, no server) is a StoreUnavailableError, so the API answers 503.
 */
export class MongoKeyStore implements PersonalDataKeyStore, KeyStoreMaintenance {
  private readonly masters: KnownMasters;
  private root: Buffer | undefined;

  private constructor(
    private readonly client: MongoClient,
    private readonly keys: Collection<KeyDoc>,
    private readonly secrets: Collection<SecretDoc>,
    keyring: MasterKeyring,
  ) {
    this.masters = knownMasters(keyring);
  }

  /**
   * `database` holds only the keys (`MONGODB_KEY_DATABASE`, by default `<MONGODB_DATABASE>_keys`), so a
   * backup of the read models carries none. `readModelDatabase`, when given, is checked for the keys an
   * earlier version kept beside the read models: found there, the store refuses to start rather than
   * give every customer a new key.
   */
  static async connect(
    url: string,
    database: string,
    master: Buffer | MasterKeyring,
    serverSelectionTimeoutMS = 5000,
    readModelDatabase?: string,
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
    const db = client.db(database);
    const store = new MongoKeyStore(
      client,
      db.collection<KeyDoc>('personal_data_keys'),
      db.collection<SecretDoc>('key_store_secrets'),
      keyringOf(master),
    );
    if (readModelDatabase && readModelDatabase !== database) {
      const [here, there] = await store.run('the key store location', () =>
        Promise.all([
          store.keys.estimatedDocumentCount(),
          client.db(readModelDatabase).collection('personal_data_keys').estimatedDocumentCount(),
        ]),
      );
      if (here === 0 && there > 0) {
        await client.close();
        throw new Error(
          `the personal-data keys are in ${readModelDatabase}.personal_data_keys, not in ${database}: set MONGODB_KEY_DATABASE=${readModelDatabase}, or move the collection (docs/privacy.md, "Where the keys live")`,
        );
      }
    }
    return store;
  }

  derivationRoot(): Promise<Buffer> {
    return this.run('the derivation root', async () => {
      if (this.root) return this.root;
      try {
        await this.secrets.updateOne(
          { _id: DERIVATION_ROOT },
          {
            $setOnInsert: {
              wrapped: new Binary(
                wrapKey(this.masters.current, DERIVATION_ROOT, this.masters.previous ?? this.masters.current),
              ),
              masterKeyId: this.masters.currentId,
              createdAt: new Date().toISOString(),
            },
          },
          { upsert: true },
        );
      } catch (error) {
        if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
      }
      const doc = await this.secrets.findOne({ _id: DERIVATION_ROOT });
      if (!doc) throw new Error('the derivation root vanished right after it was written');
      this.root = openWrapped(this.masters, DERIVATION_ROOT, bytesOf(doc.wrapped), doc.masterKeyId);
      return this.root;
    });
  }

  wrappedByMaster(): Promise<Array<{ masterKeyId: string | null; keys: number }>> {
    return this.run('the keys per master key', async () => {
      const counts = new Map<string | null, number>();
      const group = [{ $group: { _id: { $ifNull: ['$masterKeyId', null] }, keys: { $sum: 1 } } }];
      const rows = [
        ...(await this.keys
          .aggregate<{ _id: string | null; keys: number }>([
            { $match: { wrappedKey: { $exists: true } } },
            ...group,
          ])
          .toArray()),
        ...(await this.secrets.aggregate<{ _id: string | null; keys: number }>(group).toArray()),
      ];
      for (const row of rows) counts.set(row._id, (counts.get(row._id) ?? 0) + row.keys);
      return [...counts.entries()]
        .map(([masterKeyId, keys]) => ({ masterKeyId, keys }))
        .sort((a, b) => (a.masterKeyId ?? '').localeCompare(b.masterKeyId ?? ''));
    });
  }

  rewrapBatch(limit: number): Promise<number> {
    return this.run('the re-wrapping of keys', async () => {
      const { current, currentId } = this.masters;
      let done = 0;
      for (const doc of await this.secrets.find({ masterKeyId: { $ne: currentId } }).toArray()) {
        const secret = openWrapped(this.masters, doc._id, bytesOf(doc.wrapped), doc.masterKeyId);
        await this.secrets.updateOne(
          { _id: doc._id, masterKeyId: doc.masterKeyId },
          { $set: { wrapped: new Binary(wrapKey(current, doc._id, secret)), masterKeyId: currentId } },
        );
        done += 1;
      }
      const docs = await this.keys
        .find({ wrappedKey: { $exists: true }, masterKeyId: { $ne: currentId } })
        .limit(Math.max(1, limit - done))
        .toArray();
      for (const doc of docs) {
        const key = openWrapped(this.masters, doc._id, bytesOf(doc.wrappedKey!), doc.masterKeyId ?? null);
        // Compare-and-set on the old bytes: a key destroyed meanwhile (wrappedKey unset) stays destroyed.
        await this.keys.updateOne(
          { _id: doc._id, wrappedKey: doc.wrappedKey },
          { $set: { wrappedKey: new Binary(wrapKey(current, doc._id, key)), masterKeyId: currentId } },
        );
        done += 1;
      }
      return done;
    });
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
            wrappedKey: new Binary(wrapKey(this.masters.current, subjectId, newDataKey())),
            masterKeyId: this.masters.currentId,
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
    return openWrapped(this.masters, doc._id, bytesOf(doc.wrappedKey), doc.masterKeyId ?? null);
  }
}
