import type { EventStore } from '../../src/application/ports/event-store.port';
import { generationCheckpoint, generationCollection } from '../../src/infrastructure/projections/generations';
import { rebuildProjections } from '../../src/infrastructure/projections/projection-rebuilder';
import { ProjectionRunner } from '../../src/infrastructure/projections/projection-runner';
import type { RunnerDeps } from '../../src/infrastructure/projections/runner-support';
import {
  beginBuilding,
  collectRetired,
  ensureSlot,
} from '../../src/infrastructure/projections/slot-registry';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { complaintDetailsProjection } from '../../src/projections/complaint-details/complaint-details.projection';
import type { AnyProjection } from '../../src/projections/shared/projection';
import { complaintHistory, writeComplaintHistory } from '../support/complaint-history';
import { runnerDeps, snapshotReadModels, tempDir } from '../support/projection-fixtures';

const details = complaintDetailsProjection;
/** complaint-details is at version 3: generation 0 is `complaints_v3`, its checkpoint `…@v3`. */
const G0 = 'complaints_v3';
const CP0 = `projection:${details.name}@v3`;

type Logged = { level: string; message: string; fields?: Record<string, unknown> };

const logging = (deps: RunnerDeps, logged: Logged[]): RunnerDeps => ({
  ...deps,
  log: (level, message, fields) => logged.push({ level, message, fields }),
});

/** Polls until `done` holds; the assertions that follow say what must then be true. */
const until = async (done: () => Promise<boolean>, what: string) => {
  const deadline = Date.now() + 10_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** The event store, whose `readAll` number `at` first runs `before` (another process acting meanwhile). */
const pausingAt = (store: EventStore, at: number, before: () => Promise<void>): EventStore => {
  let reads = 0;
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'readAll') {
        return async (...args: Parameters<EventStore['readAll']>) => {
          reads += 1;
          if (reads === at) await before();
          return target.readAll(...args);
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
};

describe('the generation fence against late runners (two processes on one SQLite file)', () => {
  const temp = tempDir('crm-fence-');
  let files = 0;
  const fresh = (name: string) => temp.file(`${name}-${(files += 1)}.sqlite`);
  afterAll(() => temp.remove());

  it('stops the late live runner of a dropped generation quietly; the live generation equals a clean rebuild', async () => {
    const eventStore = SqliteEventStore.open(fresh('events'));
    // 40 complaints: 40 filings + 30 acknowledgements (i % 4 !== 3) = 70 events.
    expect(await writeComplaintHistory(eventStore, 40, 2)).toBe(70);
    const readFile = fresh('read');

    // Process B (an API): its live runner writes generation 0, as the engine starts it.
    const readB = SqliteReadStore.open(readFile);
    const loggedB: Logged[] = [];
    const depsB = logging(runnerDeps(eventStore, readB), loggedB);
    const slot = await ensureSlot(readB, details, depsB.clock());
    expect(slot.live).toEqual({ version: 3, generation: 0 });
    const ended: ProjectionRunner[] = [];
    const late = new ProjectionRunner(
      depsB,
      details,
      { batchSize: 5 },
      {
        collection: generationCollection(details.collection, slot.live),
        checkpointName: generationCheckpoint(details.name, slot.live),
        fence: { slot: details.collection, generation: slot.live },
        onGenerationEnded: (runner) => ended.push(runner),
      },
    );
    await late.start();
    await late.waitForPosition(70);

    // Process A (the CLI): rebuilds generation 1, switches to it and drops generation 0 (no grace).
    const readA = SqliteReadStore.open(readFile);
    const depsA = runnerDeps(eventStore, readA);
    const rebuilt = await rebuildProjections(depsA, [details], { retireGraceMs: 0, dropRetired: true });
    expect(rebuilt.state).toBe('done');
    expect(await readA.listCollections()).not.toContain(G0);
    expect(await readA.readCheckpoint(CP0)).toBeNull();

    // Process B has not looked at the slot since: its runner still follows the log. 20 more complaints
    // (c-00040 … c-00059: 20 filings, 15 acknowledgements) arrive, 35 events, head 105.
    const more = complaintHistory(60, 2).slice(40);
    for (const { streamId, events } of more) await eventStore.appendToStream(streamId, events, 'no_stream');
    expect(await eventStore.headPosition()).toBe(105);
    await until(async () => (await late.status()).state !== 'running', 'the late runner to stop');

    const status = await late.status();
    expect(status).toMatchObject({ state: 'stopped', error: null, retry: null });
    expect(ended).toEqual([late]);
    // Nothing written: no re-created table, no checkpoint, no failed checkpoint anywhere.
    expect(await readA.listCollections()).toEqual(['complaints_v3_g1']);
    expect(await readA.readCheckpoint(CP0)).toBeNull();
    expect((await readA.listCheckpoints()).filter((checkpoint) => checkpoint.status === 'failed')).toEqual(
      [],
    );
    expect(loggedB.filter((entry) => entry.level !== 'info')).toEqual([]);
    expect(loggedB).toContainEqual(
      expect.objectContaining({
        level: 'info',
        message: expect.stringContaining('stopped writing generation 0 (v3) of complaints'),
      }),
    );
    // And it stays stopped: a stop (the engine moving it over) writes nothing either.
    await late.stop();
    expect(await readA.listCollections()).toEqual(['complaints_v3_g1']);

    // The runner of the live generation (the one the engine follows) takes the new events.
    const liveSlot = (await readA.readSlot(details.collection))!;
    expect(liveSlot).toMatchObject({ live: { version: 3, generation: 1 }, building: null, retired: [] });
    const live = new ProjectionRunner(
      depsA,
      details,
      { batchSize: 5 },
      {
        collection: generationCollection(details.collection, liveSlot.live),
        checkpointName: generationCheckpoint(details.name, liveSlot.live),
        fence: { slot: details.collection, generation: liveSlot.live },
      },
    );
    await live.start();
    await live.waitForPosition(105);
    await live.stop();

    const clean = SqliteReadStore.open(fresh('read'));
    const once = new ProjectionRunner(runnerDeps(eventStore, clean), details, { batchSize: 1000 });
    await once.start();
    await once.waitForPosition(105);
    await once.stop();
    const served = await snapshotReadModels(readA, [details]);
    expect(served).toEqual(await snapshotReadModels(clean, [details]));
    // 40 + 20 complaints, by hand.
    expect(served[G0]).toHaveLength(60);
    await Promise.all([eventStore.close(), readA.close(), readB.close(), clean.close()]);
  });

  it('ends a rebuild whose generation another process abandoned and dropped as stopped, superseded', async () => {
    const eventStore = SqliteEventStore.open(fresh('events'));
    await writeComplaintHistory(eventStore, 40, 2);
    const readFile = fresh('read');
    const readA = SqliteReadStore.open(readFile);
    const readB = SqliteReadStore.open(readFile);
    const clock = () => new Date('2026-04-01T00:00:00.000Z');
    // Process B, between the rebuild's second and third read: a deploy of version 4 begins its own
    // rebuild, which abandons generation 1 (retired at once), and collects it.
    const version4: AnyProjection = { ...details, version: 4 };
    const supersede = async () => {
      expect(await beginBuilding(readB, version4, clock())).toEqual({ version: 4, generation: 2 });
      expect(await collectRetired(readB, clock())).toBe(1);
    };
    const logged: Logged[] = [];
    const deps = logging(runnerDeps(pausingAt(eventStore, 3, supersede), readA), logged);
    // Batches of 10 committed each: the rebuild's first commit after the drop is of its third batch.
    const result = await rebuildProjections(deps, [details], { batchSize: 10, commitEvery: 10 });

    expect(result.state).toBe('stopped');
    expect(result.error).toMatch(/^superseded: generation 1 \(v3\) of complaints is no longer live/);
    expect(result.position).toBe(20);
    expect(await readA.listCollections()).not.toContain('complaints_v3_g1');
    expect(await readA.readCheckpoint(`projection:${details.name}@v3#g1`)).toBeNull();
    expect(await readA.readSlot(details.collection)).toMatchObject({
      live: { version: 3, generation: 0 },
      building: { version: 4, generation: 2 },
      retired: [],
      lastGeneration: 2,
    });
    expect(logged.filter((entry) => entry.level !== 'info')).toEqual([]);
    await Promise.all([eventStore.close(), readA.close(), readB.close()]);
  });
});
