import {
  type GenerationFence,
  GenerationRetiredError,
  type ReadStore,
  type Slot,
} from '../../src/application/ports/read-store.port';
import { collectRetired } from '../../src/infrastructure/projections/slot-registry';

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

const AT = '2026-03-02T09:00:00.000Z';
/** After the grace of every retired generation these tests list. */
const LATER = new Date('2026-03-02T10:00:00.000Z');

/** A runner's commit: documents of `collection` and its checkpoint, fenced when `fence` is given. */
const commit = (
  store: ReadStore,
  collection: string,
  checkpoint: string,
  ids: readonly string[],
  position: number,
  fence?: GenerationFence,
) =>
  store.commitBatch({
    docs: ids.map((id) => ({ collection, id, value: { id, at: position }, position })),
    checkpoint: { name: checkpoint, position, status: 'running', error: null, updatedAt: AT },
    fence,
  });

const fenceOf = (generation: number): GenerationFence => ({
  slot: 'items',
  generation: { version: 1, generation },
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

    describe('the generation fence', () => {
      const G0 = 'items_v1';
      const G1 = 'items_v1_g1';
      const CP0 = 'projection:items@v1';
      const CP1 = 'projection:items@v1#g1';

      /** Generation 0 live, 1 building: what a rebuild sets up. */
      const building = async () => {
        await store.compareAndSetSlot(
          slot({ building: { version: 1, generation: 1 }, lastGeneration: 1 }),
          null,
        );
        await store.ensureCollection(G0, [['at']], { fence: fenceOf(0) });
        await store.ensureCollection(G1, [['at']], { createIndexes: false, fence: fenceOf(1) });
      };
      /** The switch: 1 live, 0 retired until 09:00:05. */
      const switched = async () => {
        const current = (await store.readSlot('items'))!;
        const next = slot({
          live: { version: 1, generation: 1 },
          retired: [{ version: 1, generation: 0, dropAfter: '2026-03-02T09:00:05.000Z' }],
          lastGeneration: 1,
          revision: current.revision + 1,
        });
        expect(await store.compareAndSetSlot(next, current.revision)).toBe(true);
      };

      it('lets fenced commits to the live and the building generation land', async () => {
        await building();
        await commit(store, G0, CP0, ['a', 'b'], 1, fenceOf(0));
        await commit(store, G1, CP1, ['a'], 1, fenceOf(1));
        await store.writeCheckpoint(
          { name: CP1, position: 2, status: 'running', error: null, updatedAt: AT },
          { fence: fenceOf(1) },
        );
        expect((await store.getMany(G0, ['a', 'b'])).size).toBe(2);
        expect((await store.getMany(G1, ['a'])).size).toBe(1);
        expect((await store.readCheckpoint(CP0))?.position).toBe(1);
        expect((await store.readCheckpoint(CP1))?.position).toBe(2);
      });

      it('lets a fenced commit to a retired generation land while it is within its grace', async () => {
        await building();
        await switched();
        // 09:00:01: the grace runs to 09:00:05, so collection keeps it listed.
        expect(await collectRetired(store, new Date('2026-03-02T09:00:01.000Z'))).toBe(0);
        await commit(store, G0, CP0, ['late'], 7, fenceOf(0));
        expect((await store.getMany(G0, ['late'])).get('late')?.position).toBe(7);
        expect((await store.readCheckpoint(CP0))?.position).toBe(7);
      });

      it('refuses every fenced write for a generation collectRetired dropped, and re-creates nothing', async () => {
        await building();
        await commit(store, G0, CP0, ['a'], 1, fenceOf(0));
        await switched();
        expect(await collectRetired(store, LATER)).toBe(1);
        expect(await store.listCollections()).not.toContain(G0);
        expect(await store.readCheckpoint(CP0)).toBeNull();

        // The late runner of generation 0: its commit, its status write, its restart.
        const refusal = commit(store, G0, CP0, ['a', 'late'], 9, fenceOf(0));
        await expect(refusal).rejects.toBeInstanceOf(GenerationRetiredError);
        await expect(refusal).rejects.toMatchObject({ slot: 'items', generation: { generation: 0 } });
        await expect(
          store.writeCheckpoint(
            { name: CP0, position: 9, status: 'failed', error: null, updatedAt: AT },
            { fence: fenceOf(0) },
          ),
        ).rejects.toBeInstanceOf(GenerationRetiredError);
        await expect(store.ensureCollection(G0, [['at']], { fence: fenceOf(0) })).rejects.toBeInstanceOf(
          GenerationRetiredError,
        );

        expect(await store.listCollections()).not.toContain(G0);
        expect((await store.getMany(G0, ['a', 'late'])).size).toBe(0);
        expect(await store.readCheckpoint(CP0)).toBeNull();
        // Readers of the name see the live generation, which the late runner never touched.
        expect(await store.count(G0, {})).toBe(0);
        expect(await store.listSlots()).toEqual([
          slot({
            live: { version: 1, generation: 1 },
            lastGeneration: 1,
            revision: 3,
            updatedAt: LATER.toISOString(),
          }),
        ]);
        // A generation no slot knows, and a slot that does not exist, are refused the same way.
        await expect(
          commit(store, 'items_v1_g7', 'projection:items@v1#g7', ['x'], 1, fenceOf(7)),
        ).rejects.toBeInstanceOf(GenerationRetiredError);
        await expect(
          commit(store, 'nothing_v1', 'projection:nothing@v1', ['x'], 1, {
            slot: 'nothing',
            generation: { version: 1, generation: 0 },
          }),
        ).rejects.toBeInstanceOf(GenerationRetiredError);
        expect(await store.listCollections()).toEqual([G1]);
      });

      it('never lets commits racing collectRetired re-create the generation', async () => {
        await building();
        await switched();
        const late = async (round: number) => {
          try {
            await commit(store, G0, CP0, [`r-${round}`], 10 + round, fenceOf(0));
            return 'landed';
          } catch (error) {
            if (error instanceof GenerationRetiredError) return 'refused';
            throw error;
          }
        };
        const answers = await Promise.all([
          ...Array.from({ length: 10 }, (_, round) => late(round)),
          collectRetired(store, LATER),
          ...Array.from({ length: 10 }, (_, round) => late(10 + round)),
        ]);
        // Whatever landed went before the drop; after it nothing is left and nothing comes back.
        expect(answers).toContain(1);
        expect(await late(99)).toBe('refused');
        expect(await store.listCollections()).toEqual([G1]);
        expect(await store.readCheckpoint(CP0)).toBeNull();
      });

      it('keeps unfenced writers (no slot) working, and collects orphan generations only', async () => {
        // Generation 2 live, nothing retired: generations 0 and 1 were collected long ago.
        await store.compareAndSetSlot(slot({ live: { version: 1, generation: 2 }, lastGeneration: 2 }), null);
        await store.ensureCollection('items_v1_g2', []);
        await commit(store, 'items_v1_g2', 'projection:items@v1#g2', ['a'], 1, {
          slot: 'items',
          generation: { version: 1, generation: 2 },
        });
        // Leftovers of late writes made before the fence: unfenced writes re-created them.
        for (const name of [G0, G1, 'items_archive', 'items_v1_g3', 'items_v1_g0', 'other_v1'])
          await store.ensureCollection(name, []);
        await commit(store, G0, CP0, ['a'], 5);
        await commit(store, G1, CP1, ['a'], 5);
        // Not generations of the slot, or past lastGeneration (a rebuild is about to hand it out).
        await commit(store, 'items_archive', 'reactor:items-archive', ['a'], 5);
        await commit(store, 'items_v1_g3', 'projection:items@v1#g3', ['a'], 5);
        await commit(store, 'items_v1_g0', 'projection:items@v1#g0', ['a'], 5);
        await commit(store, 'other_v1', 'projection:other@v1', ['a'], 5);

        expect(await collectRetired(store, LATER)).toBe(2);

        expect(await store.listCollections()).toEqual([
          'items_archive',
          'items_v1_g0',
          'items_v1_g2',
          'items_v1_g3',
          'other_v1',
        ]);
        expect((await store.listCheckpoints()).map((checkpoint) => checkpoint.name)).toEqual([
          'projection:items@v1#g0',
          'projection:items@v1#g2',
          'projection:items@v1#g3',
          'projection:other@v1',
          'reactor:items-archive',
        ]);
        expect((await store.getMany('items_v1_g2', ['a'])).size).toBe(1);
        expect((await store.readSlot('items'))?.live).toEqual({ version: 1, generation: 2 });
      });
    });
  });
};
