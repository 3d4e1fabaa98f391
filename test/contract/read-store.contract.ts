import type { Checkpoint, ReadStore } from '../../src/application/ports/read-store.port';

const checkpoint = (
  name: string,
  position: number,
  status: Checkpoint['status'] = 'running',
): Checkpoint => ({
  name,
  position,
  status,
  error: null,
  updatedAt: '2026-03-02T09:00:00.000Z',
});

const people = [
  { id: 'p1', dealerId: 'd-1', grade: 'H', score: 9, vip: true, customer: { city: 'Shanghai' }, note: null },
  { id: 'p2', dealerId: 'd-1', grade: 'A', score: 7, vip: false, customer: { city: 'Suzhou' } },
  {
    id: 'p3',
    dealerId: 'd-2',
    grade: 'H',
    score: 4,
    vip: false,
    customer: { city: 'Shanghai' },
    note: 'call',
  },
  { id: 'p4', dealerId: 'd-2', grade: 'C', score: 7, vip: true, customer: { city: 'Hangzhou' } },
];

/** The read-model store contract: every adapter runs it. `open` returns an empty store. */
export const readStoreContract = (adapterName: string, open: () => Promise<ReadStore>): void => {
  describe(`read store contract: ${adapterName}`, () => {
    let store: ReadStore;
    beforeEach(async () => {
      store = await open();
      await store.ensureCollection('people_v1', [['dealerId', 'grade'], ['customer.city']]);
      await store.commitBatch({
        docs: people.map((value, index) => ({
          collection: 'people_v1',
          id: value.id,
          value,
          position: index + 1,
        })),
        checkpoint: checkpoint('projection:people@v1', 4),
      });
    });
    afterEach(async () => {
      await store.close();
    });

    const ids = (docs: Array<Record<string, unknown>>) => docs.map((doc) => doc.id);

    it('writes documents with their checkpoint and reads them back', async () => {
      expect(await store.get('people_v1', 'p3')).toEqual(people[2]);
      expect(await store.get('people_v1', 'nobody')).toBeNull();
      expect(await store.readCheckpoint('projection:people@v1')).toEqual(
        checkpoint('projection:people@v1', 4),
      );
      const many = await store.getMany('people_v1', ['p1', 'p4', 'nobody']);
      expect([...many.keys()].sort()).toEqual(['p1', 'p4']);
      expect(many.get('p4')).toEqual({ id: 'p4', value: people[3], position: 4 });
    });

    it('is idempotent to ensure a collection again, and empty for an unknown one', async () => {
      await store.ensureCollection('people_v1', [['dealerId', 'grade']]);
      expect(await store.count('people_v1', {})).toBe(4);
      expect(await store.find('unknown_v1', {})).toEqual([]);
      expect(await store.get('unknown_v1', 'x')).toBeNull();
      expect(await store.count('unknown_v1', {})).toBe(0);
    });

    it('filters by equality, nested paths, booleans and null meaning missing or null', async () => {
      expect(ids(await store.find('people_v1', { dealerId: 'd-1' }, { sort: [['id', 1]] }))).toEqual([
        'p1',
        'p2',
      ]);
      expect(
        ids(await store.find('people_v1', { 'customer.city': 'Shanghai' }, { sort: [['id', 1]] })),
      ).toEqual(['p1', 'p3']);
      expect(ids(await store.find('people_v1', { vip: true }, { sort: [['id', 1]] }))).toEqual(['p1', 'p4']);
      expect(ids(await store.find('people_v1', { note: null }, { sort: [['id', 1]] }))).toEqual([
        'p1',
        'p2',
        'p4',
      ]);
      expect(ids(await store.find('people_v1', { dealerId: 'd-2', grade: 'H' }))).toEqual(['p3']);
    });

    it('filters by $in, $ne, ranges and $exists', async () => {
      const sorted = { sort: [['id', 1]] } as const;
      expect(ids(await store.find('people_v1', { grade: { $in: ['H', 'C'] } }, sorted))).toEqual([
        'p1',
        'p3',
        'p4',
      ]);
      expect(ids(await store.find('people_v1', { grade: { $ne: 'H' } }, sorted))).toEqual(['p2', 'p4']);
      expect(ids(await store.find('people_v1', { score: { $gte: 7, $lt: 9 } }, sorted))).toEqual([
        'p2',
        'p4',
      ]);
      expect(ids(await store.find('people_v1', { score: { $gt: 7 } }, sorted))).toEqual(['p1']);
      expect(ids(await store.find('people_v1', { score: { $lte: 4 } }, sorted))).toEqual(['p3']);
      expect(ids(await store.find('people_v1', { note: { $exists: true } }, sorted))).toEqual(['p1', 'p3']);
      expect(ids(await store.find('people_v1', { note: { $exists: false } }, sorted))).toEqual(['p2', 'p4']);
      expect(await store.count('people_v1', { grade: { $in: [] } })).toBe(0);
    });

    it('sorts on several keys and pages with skip and limit', async () => {
      const byScoreThenId = {
        sort: [
          ['score', -1],
          ['id', 1],
        ],
      } as const;
      expect(ids(await store.find('people_v1', {}, byScoreThenId))).toEqual(['p1', 'p2', 'p4', 'p3']);
      expect(ids(await store.find('people_v1', {}, { ...byScoreThenId, skip: 1, limit: 2 }))).toEqual([
        'p2',
        'p4',
      ]);
      expect(await store.count('people_v1', { score: 7 })).toBe(2);
    });

    it('keeps the newer document when a write from an older or the same position arrives', async () => {
      await store.commitBatch({
        docs: [
          { collection: 'people_v1', id: 'p1', value: { id: 'p1', grade: 'O' }, position: 10 },
          { collection: 'people_v1', id: 'p2', value: { id: 'p2', grade: 'STALE' }, position: 2 },
          { collection: 'people_v1', id: 'p3', value: { id: 'p3', grade: 'STALE' }, position: 1 },
        ],
        checkpoint: checkpoint('projection:people@v1', 10),
      });
      expect(await store.get('people_v1', 'p1')).toEqual({ id: 'p1', grade: 'O' });
      expect(await store.get('people_v1', 'p2')).toEqual(people[1]);
      expect(await store.get('people_v1', 'p3')).toEqual(people[2]);
      expect((await store.readCheckpoint('projection:people@v1'))?.position).toBe(10);
    });

    it('lists, overwrites and deletes checkpoints', async () => {
      const failed: Checkpoint = {
        ...checkpoint('reactor:points', 7, 'failed'),
        error: {
          message: 'boom',
          position: 8,
          eventId: 'e-8',
          eventType: 'RepairOrderSettled',
          streamId: 'repair-order-1',
          at: '2026-03-02T09:00:00.000Z',
        },
      };
      await store.writeCheckpoint(failed);
      expect((await store.listCheckpoints()).map((entry) => entry.name).sort()).toEqual([
        'projection:people@v1',
        'reactor:points',
      ]);
      expect(await store.readCheckpoint('reactor:points')).toEqual(failed);
      await store.deleteCheckpoint('reactor:points');
      expect(await store.readCheckpoint('reactor:points')).toBeNull();
    });

    it('drops a collection with its documents', async () => {
      await store.dropCollection('people_v1');
      expect(await store.count('people_v1', {})).toBe(0);
      await store.dropCollection('people_v1');
      await store.ensureCollection('people_v1', []);
      expect(await store.find('people_v1', {})).toEqual([]);
    });

    it('answers a ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
};
