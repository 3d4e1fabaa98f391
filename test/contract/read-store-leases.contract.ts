import {
  type Checkpoint,
  type LeaseFence,
  LeaseLostError,
  type ReadStore,
} from '../../src/application/ports/read-store.port';

const T0 = 1_800_000_000_000;
const TTL = 1000;

const checkpoint = (position: number): Checkpoint => ({
  name: 'projection:items@v1',
  position,
  status: 'running',
  error: null,
  updatedAt: '2026-03-02T09:00:00.000Z',
});

/** A leased runner's commit: one document of `items_v1` and its checkpoint, fenced by `lease`. */
const commit = (store: ReadStore, position: number, lease?: LeaseFence) =>
  store.commitBatch({
    docs: [{ collection: 'items_v1', id: 'a', value: { id: 'a', at: position }, position }],
    checkpoint: checkpoint(position),
    lease,
  });

/** Leases: one owner per unit of work at a time, a new epoch at every change of hands, fenced writes. */
export const readStoreLeaseContract = (adapterName: string, open: () => Promise<ReadStore>): void => {
  describe(`read store lease contract: ${adapterName}`, () => {
    let store: ReadStore;
    beforeEach(async () => {
      store = await open();
      await store.ensureCollection('items_v1', []);
    });
    afterEach(async () => {
      await store.close();
    });

    const acquire = (owner: string, now: number, name = 'projection:items') =>
      store.acquireLease({ name, owner, ttlMs: TTL, now });

    it('gives a free lease to the first owner at epoch 1 and refuses it to another while it is held', async () => {
      expect(await acquire('A', T0)).toEqual({
        name: 'projection:items',
        owner: 'A',
        epoch: 1,
        expiresAt: T0 + TTL,
      });
      expect(await acquire('B', T0 + TTL - 1)).toBeNull();
      // The holder asking again keeps its epoch and gets more time.
      expect(await acquire('A', T0 + 500)).toEqual({
        name: 'projection:items',
        owner: 'A',
        epoch: 1,
        expiresAt: T0 + 500 + TTL,
      });
      expect(await store.listLeases()).toEqual([
        { name: 'projection:items', owner: 'A', epoch: 1, expiresAt: T0 + 500 + TTL },
      ]);
    });

    it('lets another owner take over an expired lease, with the next epoch', async () => {
      await acquire('A', T0);
      expect(await acquire('B', T0 + TTL)).toEqual({
        name: 'projection:items',
        owner: 'B',
        epoch: 2,
        expiresAt: T0 + 2 * TTL,
      });
      expect(await acquire('A', T0 + TTL + 1)).toBeNull();
    });

    it('renews a lease its owner holds, and refuses the renewal of a stale owner', async () => {
      await acquire('A', T0);
      expect(
        await store.renewLease({ name: 'projection:items', owner: 'A', epoch: 1, ttlMs: TTL, now: T0 + 300 }),
      ).toEqual({ name: 'projection:items', owner: 'A', epoch: 1, expiresAt: T0 + 300 + TTL });
      // Renewed: still held past the first expiry.
      expect(await acquire('B', T0 + TTL + 200)).toBeNull();
      // A lapsed lease nobody took is still its owner's to renew.
      expect(
        await store.renewLease({
          name: 'projection:items',
          owner: 'A',
          epoch: 1,
          ttlMs: TTL,
          now: T0 + 5000,
        }),
      ).toMatchObject({ epoch: 1, expiresAt: T0 + 5000 + TTL });
      expect(await acquire('B', T0 + 5000 + TTL)).toMatchObject({ owner: 'B', epoch: 2 });
      // A was paused past its lease: its renewal is refused, and B keeps it.
      expect(
        await store.renewLease({
          name: 'projection:items',
          owner: 'A',
          epoch: 1,
          ttlMs: TTL,
          now: T0 + 6500,
        }),
      ).toBeNull();
      expect(await store.listLeases()).toEqual([
        { name: 'projection:items', owner: 'B', epoch: 2, expiresAt: T0 + 5000 + 2 * TTL },
      ]);
      // Another owner naming the right epoch is refused too.
      expect(
        await store.renewLease({
          name: 'projection:items',
          owner: 'C',
          epoch: 2,
          ttlMs: TTL,
          now: T0 + 6500,
        }),
      ).toBeNull();
    });

    it('frees a released lease at once for another owner; a release by a stale owner changes nothing', async () => {
      await acquire('A', T0);
      await store.releaseLease({ name: 'projection:items', owner: 'A', epoch: 1 });
      expect(await acquire('B', T0 + 10)).toMatchObject({ owner: 'B', epoch: 2 });
      await store.releaseLease({ name: 'projection:items', owner: 'A', epoch: 1 });
      expect(await acquire('C', T0 + 20)).toBeNull();
      expect((await store.listLeases())[0]).toMatchObject({ owner: 'B', epoch: 2, expiresAt: T0 + 10 + TTL });
    });

    it('keeps leases apart by name', async () => {
      expect(await acquire('A', T0, 'projection:one')).toMatchObject({ owner: 'A', epoch: 1 });
      expect(await acquire('B', T0, 'projection:two')).toMatchObject({ owner: 'B', epoch: 1 });
      expect((await store.listLeases()).map((lease) => [lease.name, lease.owner])).toEqual([
        ['projection:one', 'A'],
        ['projection:two', 'B'],
      ]);
    });

    it('refuses the fenced commit and checkpoint of a stale owner, writing nothing, and takes those of the holder', async () => {
      const first = await acquire('A', T0);
      await commit(store, 1, first!);
      const second = await acquire('B', T0 + TTL);
      const late = commit(store, 2, first!);
      await expect(late).rejects.toBeInstanceOf(LeaseLostError);
      await expect(late).rejects.toMatchObject({ lease: { name: 'projection:items', epoch: 1 } });
      await expect(store.writeCheckpoint(checkpoint(3), { lease: first! })).rejects.toBeInstanceOf(
        LeaseLostError,
      );
      expect(await store.get('items_v1', 'a')).toEqual({ id: 'a', at: 1 });
      expect((await store.readCheckpoint('projection:items@v1'))?.position).toBe(1);
      await commit(store, 4, second!);
      await store.writeCheckpoint(checkpoint(5), { lease: second! });
      expect(await store.get('items_v1', 'a')).toEqual({ id: 'a', at: 4 });
      expect((await store.readCheckpoint('projection:items@v1'))?.position).toBe(5);
    });

    it('refuses a write fenced by a lease that was never taken', async () => {
      await expect(commit(store, 1, { name: 'projection:nobody', epoch: 1 })).rejects.toBeInstanceOf(
        LeaseLostError,
      );
      expect(await store.get('items_v1', 'a')).toBeNull();
    });

    it('deletes only a lease expired before the given time', async () => {
      await acquire('A', T0, 'presence:A');
      await store.deleteLease('presence:A', T0 + TTL);
      expect(await store.listLeases()).toHaveLength(1);
      await store.deleteLease('presence:A', T0 + TTL + 1);
      expect(await store.listLeases()).toEqual([]);
    });
  });
};
