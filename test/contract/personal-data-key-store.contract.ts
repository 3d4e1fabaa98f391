import type { PersonalDataKeyStore } from '../../src/application/ports/personal-data-key-store.port';
import type { KeyStoreMaintenance } from '../../src/infrastructure/keystore/key-wrap';
import { masterKeyId, type MasterKeyring } from '../../src/infrastructure/keystore/master-key';

type Store = PersonalDataKeyStore & KeyStoreMaintenance;

/**
 * What every key store adapter must do (SQLite and MongoDB run the same suite). `open` gives a fresh,
 * empty store with the given master key; `reopen` opens the same storage again (another process).
 */
export const personalDataKeyStoreContract = (
  adapter: string,
  open: (
    master: Buffer,
  ) => Promise<{ store: Store; reopen: (master: Buffer | MasterKeyring) => Promise<Store> }>,
): void => {
  describe(`personal-data key store contract: ${adapter}`, () => {
    const master = Buffer.alloc(32, 1);
    let store: Store;
    let reopen: (master: Buffer | MasterKeyring) => Promise<Store>;
    const others: Store[] = [];

    beforeEach(async () => {
      ({ store, reopen } = await open(master));
    });
    afterEach(async () => {
      await Promise.all([store.close(), ...others.splice(0).map((other) => other.close())]);
    });
    const again = async (key: Buffer | MasterKeyring = master) => {
      const other = await reopen(key);
      others.push(other);
      return other;
    };

    it('creates a 32-byte key once per subject and returns the same key afterwards, also to another instance', async () => {
      const first = await store.getOrCreate('cu-1');
      expect(Buffer.isBuffer(first) && first.length).toBe(32);
      expect(await store.getOrCreate('cu-1')).toEqual(first);
      await expect((await again()).getOrCreate('cu-1')).resolves.toEqual(first);
      expect(await store.getOrCreate('cu-2')).not.toEqual(first);
    });

    it('gives one key to concurrent first uses of a subject', async () => {
      const other = await again();
      const keys = await Promise.all([
        store.getOrCreate('cu-race'),
        other.getOrCreate('cu-race'),
        store.getOrCreate('cu-race'),
        other.getOrCreate('cu-race'),
      ]);
      for (const key of keys) expect(key).toEqual(keys[0]);
    });

    it('fetches many in one call: keys, erased subjects, and nothing for unknown ones', async () => {
      const one = await store.getOrCreate('cu-1');
      const two = await store.getOrCreate('cu-2');
      await store.destroy('cu-2', '2026-03-01T00:00:00.000Z', 'erasure request');
      const keys = await store.getMany(['cu-1', 'cu-2', 'cu-unknown', 'cu-1']);
      expect([...keys.entries()].sort()).toEqual([
        ['cu-1', one],
        ['cu-2', 'erased'],
      ]);
      expect(two).not.toBe('erased');
      expect(await store.getMany([])).toEqual(new Map());
    });

    it('destroys a key for good: erased for every reader, never re-created, the first tombstone kept', async () => {
      await store.getOrCreate('cu-1');
      const tombstone = await store.destroy('cu-1', '2026-03-01T00:00:00.000Z', 'erasure request DSR-1');
      expect(tombstone).toEqual({
        subjectId: 'cu-1',
        erasedAt: '2026-03-01T00:00:00.000Z',
        reason: 'erasure request DSR-1',
      });
      expect(await store.getOrCreate('cu-1')).toBe('erased');
      await expect((await again()).getMany(['cu-1'])).resolves.toEqual(new Map([['cu-1', 'erased']]));
      expect(await store.destroy('cu-1', '2026-04-01T00:00:00.000Z', 'asked again')).toEqual(tombstone);
    });

    it('tombstones a subject that never had a key, so none is ever made for it', async () => {
      await store.destroy('cu-never', '2026-03-01T00:00:00.000Z', 'erasure request');
      expect(await store.getOrCreate('cu-never')).toBe('erased');
    });

    it('refuses to open a key with another master key, naming the variable', async () => {
      await store.getOrCreate('cu-1');
      const wrong = await again(Buffer.alloc(32, 2));
      await expect(wrong.getMany(['cu-1'])).rejects.toThrow(/PII_MASTER_KEY/);
    });

    describe('rotating the master key', () => {
      const next = Buffer.alloc(32, 9);
      const rotating = { current: next, previous: master };

      it('opens the old keys with the previous master key and wraps new ones with the current one', async () => {
        const old = await store.getOrCreate('cu-1');
        const during = await again(rotating);
        expect(await during.getOrCreate('cu-1')).toEqual(old);
        const fresh = await during.getOrCreate('cu-2');
        // Written while rotating: the old key alone does not open it, the new one does.
        await expect((await again(master)).getMany(['cu-2'])).rejects.toThrow(/PII_MASTER_KEY/);
        await expect((await again(next)).getMany(['cu-2'])).resolves.toEqual(new Map([['cu-2', fresh]]));
      });

      it('re-wraps every key under the new master key, in batches, resumable, leaving erased keys erased', async () => {
        const root = await store.derivationRoot();
        const keys = new Map<string, Buffer>();
        for (const id of ['cu-1', 'cu-2', 'cu-3', 'cu-4', 'cu-5'])
          keys.set(id, (await store.getOrCreate(id)) as Buffer);
        await store.destroy('cu-3', '2026-03-01T00:00:00.000Z', 'erasure request');
        const oldId = masterKeyId(master);
        // 4 live keys + the derivation root, all under the old master key.
        expect(await store.wrappedByMaster()).toEqual([{ masterKeyId: oldId, keys: 5 }]);

        const first = await again(rotating);
        // The root (always first) and one key; then the rotation is cut off: a new process goes on.
        expect(await first.rewrapBatch(2)).toBe(2);
        await first.close();
        const second = await again(rotating);
        expect(await second.rewrapBatch(2)).toBe(2);
        expect(await second.rewrapBatch(2)).toBe(1);
        expect(await second.rewrapBatch(2)).toBe(0);
        expect(await second.wrappedByMaster()).toEqual([{ masterKeyId: masterKeyId(next), keys: 5 }]);

        // The old key is gone: the new one alone opens every key, with the same bytes, and the same root.
        const after = await again(next);
        const opened = await after.getMany([...keys.keys()]);
        expect(opened.get('cu-3')).toBe('erased');
        for (const id of ['cu-1', 'cu-2', 'cu-4', 'cu-5']) expect(opened.get(id)).toEqual(keys.get(id));
        expect(await after.derivationRoot()).toEqual(root);
        await expect((await again(master)).getMany(['cu-1'])).rejects.toThrow(/PII_MASTER_KEY/);
      });

      it('keeps the first master key as the derivation root, so the keys derived from it never change', async () => {
        expect(await store.derivationRoot()).toEqual(master);
        // A store first opened during a rotation takes the key being retired (what earlier versions derived from).
        const during = await again(rotating);
        expect(await during.derivationRoot()).toEqual(master);
        expect(await (await again(next)).derivationRoot().catch((error: Error) => error.message)).toMatch(
          /PII_MASTER_KEY/,
        );
      });
    });
  });
};
