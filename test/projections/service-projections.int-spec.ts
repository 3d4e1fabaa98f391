import type { StoredEvent } from '../../src/application/ports/event-store.port';
import { ProjectionRunner } from '../../src/infrastructure/projections/projection-runner';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { repairOrderDetailsProjection } from '../../src/projections/repair-order-details/repair-order-details.projection';
import { serviceCsiMonthlyProjection } from '../../src/projections/service-csi-monthly/service-csi-monthly.projection';
import { serviceVehiclesProjection } from '../../src/projections/service-vehicles/service-vehicles.projection';
import { serviceWorkshopMonthlyProjection } from '../../src/projections/service-workshop-monthly/service-workshop-monthly.projection';
import { type AnyProjection, physicalCollection } from '../../src/projections/shared/projection';
import { runnerDeps, snapshotReadModels, tempDir } from '../support/projection-fixtures';
import { DEALER, VINS, driveServiceHistory } from '../support/service-history';
import { startTestApp, testClock } from '../support/test-app';

const SERVICE_PROJECTIONS: readonly AnyProjection[] = [
  repairOrderDetailsProjection,
  serviceVehiclesProjection,
  serviceWorkshopMonthlyProjection,
  serviceCsiMonthlyProjection,
];
const WORKSHOP = physicalCollection(serviceWorkshopMonthlyProjection);
const CSI = physicalCollection(serviceCsiMonthlyProjection);
const VEHICLES = physicalCollection(serviceVehiclesProjection);

/**
 * Worked out by hand from the nine months of test/support/service-history.ts (the e2e test checks every
 * month; these are the two with a boundary settlement, a failed inspection, a rework and an appointment).
 */
const EXPECTED_FEBRUARY = {
  month: '2026-02',
  opened: 1, // ro-5; ro-3 was opened at 21:00 on 31 January
  settled: 2, // ro-3 at 00:30 on 1 February in Shanghai, ro-5
  free: 2,
  reworkSettled: 1,
  reworkRate: 0.5,
  standardHours: 2.2, // 1.0 + 1.2
  actualHours: 2.2, // 0.8 + 0.4 (after the failed inspection) + 1.0
  technicianEfficiency: 1,
};
const EXPECTED_MARCH = {
  month: '2026-03',
  opened: 2,
  openedFromAppointment: 1,
  appointmentRate: 0.5,
  standardHours: 3.4,
  actualHours: 3.1,
  technicianEfficiency: 1.0968, // 3.4 / 3.1 = 1.09677
  paidRevenueFen: 198_000, // 175,000 + 23,000
  averageTicketFen: 99_000,
};

describe('service projections on SQLite', () => {
  const temp = tempDir('crm-service-');
  let files = 0;
  const fresh = (name: string) => temp.file(`${name}-${(files += 1)}.sqlite`);
  let events: StoredEvent[] = [];

  beforeAll(async () => {
    // The history is made by the real deciders through HTTP, then replayed here without the app.
    const api = await startTestApp({ clock: testClock('2026-09-12T04:00:00.000Z') });
    await driveServiceHistory(api);
    events = await api.eventStore.readAll({ after: 0, limit: 10_000 });
    await api.close();
  }, 60_000);
  afterAll(() => temp.remove());

  const feed = async (readStore: SqliteReadStore, batch: readonly StoredEvent[], batchSize: number) => {
    const eventStore = SqliteEventStore.open(fresh('unused-events'));
    for (const projection of SERVICE_PROJECTIONS) {
      const runner = new ProjectionRunner(runnerDeps(eventStore, readStore), projection);
      await readStore.ensureCollection(physicalCollection(projection), projection.indexes);
      for (let start = 0; start < batch.length; start += batchSize) {
        await runner.handleBatch(batch.slice(start, start + batchSize));
      }
    }
    await eventStore.close();
  };

  const checkFigures = async (readStore: SqliteReadStore) => {
    expect(await readStore.get(WORKSHOP, `${DEALER}:2026-02`)).toMatchObject(EXPECTED_FEBRUARY);
    expect(await readStore.get(WORKSHOP, `${DEALER}:2026-03`)).toMatchObject(EXPECTED_MARCH);
    // ro-4 and ro-7 surveyed in March: 86,050 / 100 = 860.5 → 861; NPS (1 − 0) / 2 = 50.
    expect(await readStore.get(CSI, `${DEALER}:2026-03:csi-jdp-cn-2015`)).toMatchObject({
      surveys: 2,
      csi: 861,
      nps: 50,
    });
    expect(await readStore.get(VEHICLES, `${DEALER}:${VINS.V2}`)).toMatchObject({
      settledMonths: ['2026-01', '2026-02'],
      visits: 2,
      first: { repairOrderId: 'ro-2', mileageKm: 20_000 },
      last: { repairOrderId: 'ro-5', mileageKm: 21_000 },
    });
  };

  it('computes the figures worked out by hand', async () => {
    // 10 settled orders × 8 steps, 3 bookings, ro-3's failed inspection and re-repair (2), ro-5's automatic and
    // ro-6's manual rework (2), ro-9 opened, diagnosed and cancelled (3), 5 surveys: 80 + 3 + 2 + 2 + 3 + 5 = 95
    // (the test app's own credential is not a service event).
    expect(events.filter((event) => event.streamId.startsWith('repairorder-'))).toHaveLength(95);
    const readStore = SqliteReadStore.open(fresh('read'));
    await feed(readStore, events, 7);
    await checkFigures(readStore);
    await readStore.close();
  });

  it('gives the same read model when every event is fed twice, in the same batch or a later one', async () => {
    const once = SqliteReadStore.open(fresh('read'));
    await feed(once, events, 7);
    const twice = SqliteReadStore.open(fresh('read'));
    await feed(
      twice,
      events.flatMap((event) => [event, event]),
      9,
    );
    for (const projection of SERVICE_PROJECTIONS) {
      // A new runner forgets its position: only the documents' positions guard them.
      await twice.deleteCheckpoint(`projection:${projection.name}@v${projection.version}`);
    }
    await feed(twice, events, 5);
    expect(await snapshotReadModels(twice, SERVICE_PROJECTIONS)).toEqual(
      await snapshotReadModels(once, SERVICE_PROJECTIONS),
    );
    await checkFigures(twice);
    await Promise.all([once.close(), twice.close()]);
  });

  it('keeps the live read model equal to a rebuild from the first event', async () => {
    const eventStore = SqliteEventStore.open(fresh('events'));
    const live = SqliteReadStore.open(fresh('read'));
    const runners = SERVICE_PROJECTIONS.map(
      (projection) => new ProjectionRunner(runnerDeps(eventStore, live), projection, { batchSize: 4 }),
    );
    for (const runner of runners) await runner.start();
    // The same history appended again while the runners follow the store live.
    for (const { streamId, revision, eventId, type, schemaVersion, data, occurredAt, metadata } of events) {
      await eventStore.appendToStream(
        streamId,
        [{ eventId, type, schemaVersion, data, occurredAt, metadata }],
        revision === 0 ? 'no_stream' : revision - 1,
      );
    }
    const head = await eventStore.headPosition();
    await Promise.all(runners.map((runner) => runner.waitForPosition(head)));
    for (const runner of runners) await runner.stop();

    const rebuilt = SqliteReadStore.open(fresh('read'));
    await feed(rebuilt, await eventStore.readAll({ after: 0, limit: 10_000 }), 1000);
    expect(await snapshotReadModels(live, SERVICE_PROJECTIONS)).toEqual(
      await snapshotReadModels(rebuilt, SERVICE_PROJECTIONS),
    );
    await checkFigures(live);
    await Promise.all([eventStore.close(), live.close(), rebuilt.close()]);
  });
});
