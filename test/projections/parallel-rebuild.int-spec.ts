import { join } from 'node:path';
import { ALL_PROJECTIONS } from '../../src/application/features';
import { loadConfig } from '../../src/infrastructure/config/app-config';
import {
  type RebuildOptions,
  type RebuildProgress,
  rebuildProjections,
} from '../../src/infrastructure/projections/projection-rebuilder';
import { partitionByCost } from '../../src/infrastructure/projections/rebuild-workers';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { generateHistory } from '../../src/history/history-target';
import type { AnyProjection } from '../../src/projections/shared/projection';
import { runnerDeps, snapshotReadModels, tempDir } from '../support/projection-fixtures';
import * as throwing from '../support/rebuild-worker-projections';

/**
 * The rebuild spread over worker threads (issue 14 §7): each worker opens its own connections, reads the
 * log itself and builds its share of the projections into the new generations; the calling thread
 * switches once all are built. Over one generated history the read models must be those of the rebuild
 * in one thread, every collection and every document, also after a stop and a rerun; a worker whose
 * projector throws fails the rebuild, names the projection and leaves the live generations live.
 */
describe('rebuild over worker threads', () => {
  const temp = tempDir('crm-parallel-rebuild-');
  const eventsFile = join(temp.dir, 'events.sqlite');
  let files = 0;
  const freshFile = () => temp.file(`read-${(files += 1)}.sqlite`);
  let eventStore: SqliteEventStore;
  let events = 0;
  /** The read models of the rebuild in this thread, the reference. */
  let reference: Record<string, unknown[]>;

  const rebuild = async (
    readFile: string,
    workers: number,
    options: RebuildOptions = {},
    definitions: readonly AnyProjection[] = ALL_PROJECTIONS,
  ): Promise<{ result: RebuildProgress; readStore: SqliteReadStore }> => {
    const readStore = SqliteReadStore.open(readFile);
    const result = await rebuildProjections(runnerDeps(eventStore, readStore), definitions, {
      batchSize: 500,
      commitEvery: 1000,
      retireGraceMs: 0,
      dropRetired: true,
      workers: {
        count: workers,
        stores: { eventStore: { sqlite: eventsFile }, readStore: { sqlite: readFile } },
      },
      ...options,
    });
    return { result, readStore };
  };

  beforeAll(async () => {
    const config = loadConfig({
      DATA_DIR: temp.dir,
      LOG_LEVEL: 'silent',
      PII_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
    const generated = await generateHistory(config, {
      seed: 20_261_204,
      dealers: 1,
      months: 2,
      start: '2024-01',
    });
    events = generated.events;
    eventStore = SqliteEventStore.open(eventsFile);
    const { result, readStore } = await rebuild(freshFile(), 1);
    expect(result.state).toBe('done');
    expect(result.eventsDone).toBe(events);
    reference = await snapshotReadModels(readStore, ALL_PROJECTIONS);
    await readStore.close();
  }, 120_000);

  afterAll(async () => {
    await eventStore?.close();
    temp.remove();
  });

  it('puts every projection in exactly one worker’s share', async () => {
    const targets = ALL_PROJECTIONS.map((definition) => ({
      definition,
      generation: { version: definition.version, generation: 1 },
    }));
    const groups = await partitionByCost(eventStore, targets, 3);
    expect(groups).toHaveLength(3);
    const names = groups.flat().map((target) => target.definition.name);
    expect(names.sort()).toEqual(ALL_PROJECTIONS.map((projection) => projection.name).sort());
    for (const group of groups) expect(group.length).toBeGreaterThan(0);
  });

  it('gives with 3 workers the read models of the rebuild in one thread, every document', async () => {
    // Enough history that every worker has much to do, and every projection something.
    expect(events).toBeGreaterThan(5_000);
    const sizes = Object.values(reference).map((docs) => docs.length);
    expect(sizes.filter((size) => size > 0).length).toBeGreaterThan(ALL_PROJECTIONS.length / 2);

    const { result, readStore } = await rebuild(freshFile(), 3);
    expect(result.state).toBe('done');
    expect(result.error).toBeNull();
    expect(result.eventsDone).toBe(events);
    expect(await snapshotReadModels(readStore, ALL_PROJECTIONS)).toEqual(reference);
    // Built into a new generation of every slot, with its indexes, and switched.
    for (const projection of ALL_PROJECTIONS) {
      const slot = await readStore.readSlot(projection.collection);
      expect(slot?.live.generation).toBe(1);
      expect(slot?.building).toBeNull();
    }
    await readStore.close();
  }, 120_000);

  it('stopped mid-way with 3 workers, resumes on a rerun and ends identical', async () => {
    const readFile = freshFile();
    const stop = new AbortController();
    // Small batches: the workers take many steps, so the stop reaches them mid-way even on a fast machine
    // (with 500 a batch they could reach the head before it did).
    const first = await rebuild(readFile, 3, {
      batchSize: 50,
      commitEvery: 100,
      progressEveryMs: 0,
      signal: stop.signal,
      onProgress: (progress) => {
        if (progress.position >= events / 3) stop.abort();
      },
    });
    expect(first.result.state).toBe('stopped');
    expect(first.result.position).toBeGreaterThan(0);
    expect(first.result.position).toBeLessThan(events);
    // Nothing switched: the live generations are still the empty first ones.
    const slot = await first.readStore.readSlot(ALL_PROJECTIONS[0].collection);
    expect(slot?.live.generation).toBe(0);
    expect(slot?.building?.generation).toBe(1);
    await first.readStore.close();

    const second = await rebuild(readFile, 3);
    expect(second.result.state).toBe('done');
    // It went on from the checkpoints the stopped workers committed, not from the first event.
    expect(second.result.startPosition).toBeGreaterThan(0);
    expect(await snapshotReadModels(second.readStore, ALL_PROJECTIONS)).toEqual(reference);
    await second.readStore.close();
  }, 180_000);

  it('fails when a worker’s projector throws, names it, and leaves the live generations live', async () => {
    const readFile = freshFile();
    // A first rebuild makes generation 1 live, with every document.
    const built = await rebuild(readFile, 3);
    expect(built.result.state).toBe('done');
    await built.readStore.close();

    // Again, the workers finding their definitions in the module with the throwing projector.
    const { result, readStore } = await rebuild(
      readFile,
      3,
      {
        workers: {
          count: 3,
          stores: { eventStore: { sqlite: eventsFile }, readStore: { sqlite: readFile } },
          definitionsModule: require.resolve('../support/rebuild-worker-projections'),
        },
      },
      throwing.ALL_PROJECTIONS,
    );
    expect(result.state).toBe('failed');
    expect(result.error).toMatch(
      new RegExp(
        `^projection ${throwing.FAILING_PROJECTION} failed at position \\d+ \\(\\w+\\): test projector fails at position`,
      ),
    );
    // No slot switched: every reader still sees generation 1 (the rebuild just before) and its documents.
    for (const projection of ALL_PROJECTIONS) {
      const slot = await readStore.readSlot(projection.collection);
      expect(slot?.live.generation).toBe(1);
    }
    expect(await snapshotReadModels(readStore, ALL_PROJECTIONS)).toEqual(reference);
    await readStore.close();
  }, 180_000);
});
