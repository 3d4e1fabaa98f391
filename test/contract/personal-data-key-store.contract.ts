import type { PersonalDataKeyStore } from '../../src/application/ports/personal-data-key-store.port';

/**
 * What every key store adapter must do (SQLite and MongoDB run the same suite). `open` gives a fresh,
 * empty store with the given master key; `reopen` opens the same storage again (another process).
 */
export const personalDataKeyStoreContract = (
  adapter: string,
  open: (
    master: Buffer,
  ) => Promise<{ store: PersonalDataKeyStore; reopen: (master: Buffer) => Promise<PersonalDataKeyStore> }>,
): void => {
  describe(`personal-data key store contract: ${adapter}`, () => {
    const master = Buffer.alloc(32, 1);
    let store: PersonalDataKeyStore;
    let reopen: (master: Buffer) => Promise<PersonalDataKeyStore>;
    const others: PersonalDataKeyStore[] = [];

    beforeEach(async () => {
      ({ store, reopen } = await open(master));
    });
    afterEach(async () => {
      await Promise.all([store.close(), ...others.splice(0).map((other) => other.close())]);
    });
    const again = async (key = master) => {
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
  });
};
