import type { StoredEvent } from '../../src/application/ports/event-store.port';
import { ProjectionRunner } from '../../src/infrastructure/projections/projection-runner';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { complaintDetailsProjection } from '../../src/projections/complaint-details/complaint-details.projection';
import { complaintSlaMonthlyProjection } from '../../src/projections/complaint-sla-monthly/complaint-sla-monthly.projection';

/** The projections of the complaint history these tests write. */
const COMPLAINT_PROJECTIONS: readonly AnyProjection[] = [
  complaintDetailsProjection,
  complaintSlaMonthlyProjection,
];
import type { AnyProjection } from '../../src/projections/shared/projection';
import { writeComplaintHistory } from '../support/complaint-history';
import { runnerDeps, snapshotReadModels, tempDir } from '../support/projection-fixtures';

/** Worked out by hand from complaintHistory(40, 2): see test/support/complaint-history.ts. */
const EXPECTED_SLA = [
  {
    dealerId: 'd-0',
    month: '2026-03',
    filed: 20,
    filedByLevel: { L1: 16, L2: 0, L3: 4 },
    acknowledged: 20,
    acknowledgedOnTime: 10,
    acknowledgedOnTimeRate: 0.5,
  },
  {
    dealerId: 'd-1',
    month: '2026-03',
    filed: 20,
    filedByLevel: { L1: 20, L2: 0, L3: 0 },
    acknowledged: 10,
    acknowledgedOnTime: 10,
    acknowledgedOnTimeRate: 1,
  },
];

describe('projection engine on SQLite', () => {
  const temp = tempDir('crm-engine-');
  let files = 0;
  const fresh = (name: string) => temp.file(`${name}-${(files += 1)}.sqlite`);
  afterAll(() => temp.remove());

  const history = async () => {
    const eventStore = SqliteEventStore.open(fresh('events'));
    const total = await writeComplaintHistory(eventStore, 40, 2);
    const events = await eventStore.readAll({ after: 0, limit: 10_000 });
    return { eventStore, total, events };
  };

  const feed = async (runner: ProjectionRunner, events: readonly StoredEvent[], batchSize: number) => {
    for (let start = 0; start < events.length; start += batchSize) {
      await runner.handleBatch(events.slice(start, start + batchSize));
    }
  };

  const runAll = async (
    deps: ReturnType<typeof runnerDeps>,
    events: readonly StoredEvent[],
    batchSize = 7,
    projections: readonly AnyProjection[] = COMPLAINT_PROJECTIONS,
  ) => {
    for (const projection of projections) {
      const runner = new ProjectionRunner(deps, projection);
      await deps.readStore.ensureCollection(
        `${runner.definition.collection}_v${runner.definition.version}`,
        [],
      );
      await feed(runner, events, batchSize);
    }
  };

  it('computes the SLA figures worked out by hand', async () => {
    const { eventStore, total, events } = await history();
    expect(total).toBe(70);
    const readStore = SqliteReadStore.open(fresh('read'));
    await runAll(runnerDeps(eventStore, readStore), events);
    const sla = await readStore.find('complaint_sla_monthly_v1', {}, { sort: [['dealerId', 1]] });
    expect(sla).toEqual(EXPECTED_SLA);
    expect(await readStore.count('complaints_v3', { status: 'acknowledged' })).toBe(30);
    expect(await readStore.count('complaints_v3', { status: 'filed' })).toBe(10);
    await Promise.all([eventStore.close(), readStore.close()]);
  });

  it('gives the same read model when every event is fed twice, in the same batch or a later one', async () => {
    const { eventStore, events } = await history();
    const once = SqliteReadStore.open(fresh('read'));
    await runAll(runnerDeps(eventStore, once), events);

    const twice = SqliteReadStore.open(fresh('read'));
    const doubled = events.flatMap((event) => [event, event]);
    await runAll(runnerDeps(eventStore, twice), doubled, 9);
    for (const projection of COMPLAINT_PROJECTIONS) {
      // A second runner forgets its in-memory position: only the documents' positions guard it.
      await twice.deleteCheckpoint(`projection:${projection.name}@v${projection.version}`);
    }
    await runAll(runnerDeps(eventStore, twice), events, 5);

    expect(await snapshotReadModels(twice, COMPLAINT_PROJECTIONS)).toEqual(
      await snapshotReadModels(once, COMPLAINT_PROJECTIONS),
    );
    expect(await twice.find('complaint_sla_monthly_v1', {}, { sort: [['dealerId', 1]] })).toEqual(
      EXPECTED_SLA,
    );
    await Promise.all([eventStore.close(), once.close(), twice.close()]);
  });

  it('keeps the live read model equal to a rebuild from the first event', async () => {
    const eventStore = SqliteEventStore.open(fresh('events'));
    const live = SqliteReadStore.open(fresh('read'));
    const deps = runnerDeps(eventStore, live);
    const runners = COMPLAINT_PROJECTIONS.map(
      (projection) => new ProjectionRunner(deps, projection, { batchSize: 4 }),
    );
    for (const runner of runners) await runner.start();
    // Appends arrive while the runners follow the store live.
    await writeComplaintHistory(eventStore, 40, 2);
    const head = await eventStore.headPosition();
    await Promise.all(runners.map((runner) => runner.waitForPosition(head)));
    for (const runner of runners) await runner.stop();

    const rebuilt = SqliteReadStore.open(fresh('read'));
    await runAll(
      runnerDeps(eventStore, rebuilt),
      await eventStore.readAll({ after: 0, limit: 10_000 }),
      1000,
    );
    expect(await snapshotReadModels(live, COMPLAINT_PROJECTIONS)).toEqual(
      await snapshotReadModels(rebuilt, COMPLAINT_PROJECTIONS),
    );
    expect(await live.find('complaint_sla_monthly_v1', {}, { sort: [['dealerId', 1]] })).toEqual(
      EXPECTED_SLA,
    );

    const statuses = await Promise.all(runners.map((runner) => runner.status()));
    expect(statuses.map((status) => [status.state, status.position, status.lag?.events])).toEqual([
      ['stopped', head, 0],
      ['stopped', head, 0],
    ]);
    await Promise.all([eventStore.close(), live.close(), rebuilt.close()]);
  });

  it('rebuilds through reset: drops the documents and the checkpoint and replays from the first event', async () => {
    const { eventStore } = await history();
    const readStore = SqliteReadStore.open(fresh('read'));
    const runner = new ProjectionRunner(runnerDeps(eventStore, readStore), complaintSlaMonthlyProjection);
    await runner.start();
    await runner.waitForPosition(await eventStore.headPosition());
    await readStore.commitBatch({
      docs: [
        {
          collection: 'complaint_sla_monthly_v1',
          id: 'd-0:2026-03',
          value: { corrupted: true },
          position: 1e9,
        },
      ],
      checkpoint: {
        name: runner.checkpointName,
        position: 70,
        status: 'running',
        error: null,
        updatedAt: 'x',
      },
    });
    await runner.reset();
    expect(await readStore.readCheckpoint(runner.checkpointName)).toBeNull();
    await runner.start();
    await runner.waitForPosition(70);
    await runner.stop();
    expect(await readStore.find('complaint_sla_monthly_v1', {}, { sort: [['dealerId', 1]] })).toEqual(
      EXPECTED_SLA,
    );
    await Promise.all([eventStore.close(), readStore.close()]);
  });

  it('stops a projector that throws at that event, keeps what came before, and shows where and why', async () => {
    const { eventStore, events } = await history();
    const readStore = SqliteReadStore.open(fresh('read'));
    const poisoned = events.find(
      (event) => event.data.complaintId === 'c-00007' && event.type === 'ComplaintFiled',
    )!;
    const fragile: AnyProjection = {
      ...complaintDetailsProjection,
      name: 'fragile-details',
      apply: (doc, event, id) => {
        if (event.eventId === poisoned.eventId) throw new Error('cannot read customer of c-00007');
        return complaintDetailsProjection.apply(doc, event, id);
      },
    };
    const runner = new ProjectionRunner(runnerDeps(eventStore, readStore), fragile, { batchSize: 5 });
    await runner.start();
    await expect(runner.waitForPosition(poisoned.globalPosition, 1500)).rejects.toThrow(/did not reach/);

    const status = await runner.status();
    expect(status.state).toBe('failed');
    expect(status.position).toBe(poisoned.globalPosition - 1);
    expect(status.error).toMatchObject({
      message: 'cannot read customer of c-00007',
      position: poisoned.globalPosition,
      eventId: poisoned.eventId,
      eventType: 'ComplaintFiled',
      streamId: 'complaint-c-00007',
    });
    expect(status.lag?.events).toBe(70 - (poisoned.globalPosition - 1));
    // Everything before the poisoned event is there, nothing after it.
    expect(await readStore.count('complaints_v3', {})).toBe(7);
    expect(await readStore.get('complaints_v3', 'c-00007')).toBeNull();
    expect(await readStore.readCheckpoint(runner.checkpointName)).toMatchObject({
      status: 'failed',
      position: poisoned.globalPosition - 1,
      error: { eventId: poisoned.eventId },
    });
    await runner.stop();
    await Promise.all([eventStore.close(), readStore.close()]);
  });
});
