import type { ReadStore } from '../../src/application/ports/read-store.port';
import {
  type RebuildOptions,
  rebuildProjections,
} from '../../src/infrastructure/projections/projection-rebuilder';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { writeComplaintHistory } from '../support/complaint-history';
import {
  COMPLAINT_PROJECTIONS,
  runnerDeps,
  snapshotReadModels,
  tempDir,
} from '../support/projection-fixtures';

/**
 * A rebuild bounds the documents its runners hold together: past the bound they commit and forget the
 * least recently written ones, and read them back when an event touches them again. The result must be
 * the same as with room for everything, also when the rebuild is stopped and resumed in between.
 */
describe('rebuild with a bounded document cache', () => {
  const temp = tempDir('crm-rebuild-cache-');
  let files = 0;
  const fresh = (name: string) => temp.file(`${name}-${(files += 1)}.sqlite`);
  afterAll(() => temp.remove());

  /** The real SQLite store, with the documents read back counted (nothing else changes). */
  const countingReads = (store: ReadStore) => {
    const counter = { docsReadBack: 0 };
    const getMany = store.getMany.bind(store);
    store.getMany = async (collection, ids) => {
      const found = await getMany(collection, ids);
      counter.docsReadBack += found.size;
      return found;
    };
    return counter;
  };

  const rebuild = (eventStore: SqliteEventStore, readStore: ReadStore, options: RebuildOptions) =>
    rebuildProjections(runnerDeps(eventStore, readStore), COMPLAINT_PROJECTIONS, {
      batchSize: 7,
      retireGraceMs: 0,
      ...options,
    });

  it('gives the same read models with room for 3 documents as with room for all', async () => {
    const eventStore = SqliteEventStore.open(fresh('events'));
    expect(await writeComplaintHistory(eventStore, 40, 2)).toBe(70);

    const roomy = SqliteReadStore.open(fresh('read'));
    const roomyReads = countingReads(roomy);
    expect((await rebuild(eventStore, roomy, {})).state).toBe('done');
    // A build into an empty collection that never evicts reads nothing back.
    expect(roomyReads.docsReadBack).toBe(0);

    const tight = SqliteReadStore.open(fresh('read'));
    const tightReads = countingReads(tight);
    expect((await rebuild(eventStore, tight, { cacheLimit: 3 })).state).toBe('done');
    // The bound was hit: evicted documents were read back from the store.
    expect(tightReads.docsReadBack).toBeGreaterThan(0);

    expect(await snapshotReadModels(tight, COMPLAINT_PROJECTIONS)).toEqual(
      await snapshotReadModels(roomy, COMPLAINT_PROJECTIONS),
    );
    // Worked out by hand from complaintHistory(40, 2) (test/support/complaint-history.ts).
    expect(await tight.count('complaints_v1', { status: 'acknowledged' })).toBe(30);
    expect(await tight.count('complaints_v1', { status: 'filed' })).toBe(10);
    await Promise.all([eventStore.close(), roomy.close(), tight.close()]);
  });

  it('stopped and resumed with a tight bound, equals an uninterrupted rebuild', async () => {
    const eventStore = SqliteEventStore.open(fresh('events'));
    await writeComplaintHistory(eventStore, 40, 2);

    const uninterrupted = SqliteReadStore.open(fresh('read'));
    expect((await rebuild(eventStore, uninterrupted, {})).state).toBe('done');

    const resumed = SqliteReadStore.open(fresh('read'));
    const stop = new AbortController();
    let reports = 0;
    const first = await rebuild(eventStore, resumed, {
      cacheLimit: 3,
      progressEveryMs: 0,
      signal: stop.signal,
      onProgress: () => {
        reports += 1;
        // The first report is the start; stop after four batches of seven.
        if (reports === 5) stop.abort();
      },
    });
    expect(first.state).toBe('stopped');
    expect(first.position).toBeGreaterThan(0);
    expect(first.position).toBeLessThan(70);
    const second = await rebuild(eventStore, resumed, { cacheLimit: 3 });
    expect(second.state).toBe('done');
    expect(second.startPosition).toBe(first.position);

    expect(await snapshotReadModels(resumed, COMPLAINT_PROJECTIONS)).toEqual(
      await snapshotReadModels(uninterrupted, COMPLAINT_PROJECTIONS),
    );
    await Promise.all([eventStore.close(), uninterrupted.close(), resumed.close()]);
  });
});
