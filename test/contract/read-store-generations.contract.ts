import type { ReadStore, Slot } from '../../src/application/ports/read-store.port';

const slot = (overrides: Partial<Slot> = {}): Slot => ({
  collection: 'items',
  projection: 'items',
  live: { version: 1, generation: 0 },
  building: null,
  retired: [],
  lastGeneration: 0,
  revision: 1,
  updatedAt: '2026-03-02T09:00:00.000Z',
  ...overrides,
});

const write = (store: ReadStore, collection: string, docs: ReadonlyArray<Record<string, unknown>>) =>
  store.commitBatch({
    docs: docs.map((value, index) => ({ collection, id: String(value.id), value, position: index + 1 })),
    checkpoint: {
      name: `test:${collection}`,
      position: docs.length,
      status: 'running',
      error: null,
      updatedAt: '2026-03-02T09:00:00.000Z',
    },
  });

/** Blue/green generations: the slot registry, readers resolving the live generation, streaming. */
export const readStoreGenerationContract = (adapterName: string, open: () => Promise<ReadStore>): void => {
  describe(`read store generations contract: ${adapterName}`, () => {
    let store: ReadStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('creates a slot once and changes it only from the revision it was read at', async () => {
      expect(await store.readSlot('items')).toBeNull();
      expect(await store.compareAndSetSlot(slot(), null)).toBe(true);
      expect(await store.compareAndSetSlot(slot({ projection: 'other' }), null)).toBe(false);
      const building = slot({ building: { version: 1, generation: 1 }, lastGeneration: 1, revision: 2 });
      expect(await store.compareAndSetSlot(building, 1)).toBe(true);
      // A second writer that read revision 1 loses: nothing it wrote lands.
      expect(
        await store.compareAndSetSlot(slot({ live: { version: 9, generation: 9 }, revision: 2 }), 1),
      ).toBe(false);
      expect(await store.readSlot('items')).toEqual(building);
      expect(await store.listSlots()).toEqual([building]);
    });

    it('reads the live generation under any version of the name; writers name the generation', async () => {
      await store.ensureCollection('items_v1', [['colour']]);
      await write(store, 'items_v1', [{ id: 'a', colour: 'red', built: 'old' }]);
      await store.ensureCollection('items_v1_g1', [['colour']], { createIndexes: false });
      await write(store, 'items_v1_g1', [
        { id: 'a', colour: 'red', built: 'new' },
        { id: 'b', colour: 'blue', built: 'new' },
      ]);
      await store.ensureCollection('items_v1_g1', [['colour']]);
      // No slot yet: a name is its own collection.
      expect(await store.find('items_v1', {})).toEqual([{ id: 'a', colour: 'red', built: 'old' }]);

      await store.compareAndSetSlot(slot(), null);
      expect(await store.get('items_v1', 'a')).toEqual({ id: 'a', colour: 'red', built: 'old' });
      await store.compareAndSetSlot(
        slot({ live: { version: 1, generation: 1 }, lastGeneration: 1, revision: 2 }),
        1,
      );

      expect(await store.get('items_v1', 'a')).toEqual({ id: 'a', colour: 'red', built: 'new' });
      expect(await store.get('items_v2', 'b')).toEqual({ id: 'b', colour: 'blue', built: 'new' });
      expect(await store.find('items_v1', { colour: 'blue' })).toEqual([
        { id: 'b', colour: 'blue', built: 'new' },
      ]);
      expect(await store.count('items_v1', {})).toBe(2);
      const streamed: unknown[] = [];
      for await (const doc of store.stream('items_v1', { built: 'new' })) streamed.push(doc);
      expect(streamed).toHaveLength(2);
      // The runner of the old generation still reads and writes its own documents.
      expect((await store.getMany('items_v1', ['a'])).get('a')?.value).toEqual({
        id: 'a',
        colour: 'red',
        built: 'old',
      });

      await store.dropCollection('items_v1');
      expect(await store.find('items_v1', { colour: 'red' })).toEqual([
        { id: 'a', colour: 'red', built: 'new' },
      ]);
    });

    it('streams a large collection in id order, filtered, across chunks', async () => {
      await store.ensureCollection('many_v1', [['even']]);
      const docs = Array.from({ length: 2500 }, (_, i) => ({
        id: `m-${String(i).padStart(5, '0')}`,
        even: i % 2 === 0,
      }));
      await write(store, 'many_v1', docs);
      const ids: string[] = [];
      for await (const doc of store.stream<{ id: string }>('many_v1', { even: true })) ids.push(doc.id);
      expect(ids).toHaveLength(1250);
      expect(ids[0]).toBe('m-00000');
      expect(ids[1249]).toBe('m-02498');
      expect([...ids].sort()).toEqual(ids);
      const none: unknown[] = [];
      for await (const doc of store.stream('missing_v1', {})) none.push(doc);
      expect(none).toEqual([]);
    });

    it('forgets what it knew of a dropped collection when one of the same name comes back with other fields', async () => {
      await store.ensureCollection('shapes_v1', [['colour']]);
      await write(store, 'shapes_v1', [{ id: 's1', colour: 'red' }]);
      expect(await store.count('shapes_v1', { colour: 'red' })).toBe(1);
      await store.dropCollection('shapes_v1');
      await store.ensureCollection('shapes_v1', [['size']]);
      await write(store, 'shapes_v1', [{ id: 's2', size: 3 }]);
      expect(await store.find('shapes_v1', { size: 3 })).toEqual([{ id: 's2', size: 3 }]);
      expect(await store.count('shapes_v1', { colour: 'red' })).toBe(0);
    });
  });
};
