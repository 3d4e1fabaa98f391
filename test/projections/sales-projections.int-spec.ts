import type { StoredEvent } from '../../src/application/ports/event-store.port';
import type { ReadStore } from '../../src/application/ports/read-store.port';
import { saleIdOf } from '../../src/application/sales/order-prospect.handler';
import { computeFunnel } from '../../src/application/sales/sales-funnel';
import { ProjectionRunner } from '../../src/infrastructure/projections/projection-runner';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { prospectDetailsProjection } from '../../src/projections/prospect-details/prospect-details.projection';
import {
  type SalesFunnelEntry,
  salesFunnelEntriesProjection,
} from '../../src/projections/sales-funnel-entries/sales-funnel-entries.projection';
import { salesShowroomTrafficProjection } from '../../src/projections/sales-showroom-traffic/sales-showroom-traffic.projection';
import { physicalCollection } from '../../src/projections/shared/projection';
import { ssiMonthlyProjection } from '../../src/projections/ssi-monthly/ssi-monthly.projection';
import { vehicleSaleDetailsProjection } from '../../src/projections/vehicle-sale-details/vehicle-sale-details.projection';
import { runnerDeps, snapshotReadModels, tempDir } from '../support/projection-fixtures';
import { writeSalesHistory } from '../support/sales-history';

const SALES_PROJECTIONS = [
  prospectDetailsProjection,
  salesFunnelEntriesProjection,
  salesShowroomTrafficProjection,
  vehicleSaleDetailsProjection,
  ssiMonthlyProjection,
];

const entry = (prospectId: string, fields: Partial<SalesFunnelEntry>): SalesFunnelEntry => ({
  prospectId,
  dealerId: 'd-1',
  cohortMonth: '2026-03',
  consultantId: 'sc-li',
  model: 'Lavida',
  channel: 'walk-in',
  furthestStage: 'registered',
  grade: 'A',
  testDriven: false,
  lostReason: null,
  lostStage: null,
  touches: 0,
  saleId: null,
  orderCancelled: false,
  ...fields,
});

/** Worked out by hand from test/support/sales-history.ts. */
const EXPECTED_ENTRIES: SalesFunnelEntry[] = [
  entry('p-1', { furthestStage: 'delivered', grade: 'O', testDriven: true, saleId: saleIdOf('p-1') }),
  entry('p-2', {
    channel: 'phone',
    model: 'Tiguan',
    furthestStage: 'quoted',
    grade: 'F',
    lostReason: 'price',
    lostStage: 'quoted',
  }),
  entry('p-3', {
    consultantId: 'sc-wu',
    grade: 'F',
    lostReason: 'unreachable',
    lostStage: 'registered',
    touches: 2,
  }),
  entry('p-4', {
    consultantId: 'sc-wu',
    channel: 'web',
    furthestStage: 'ordered',
    grade: 'O',
    saleId: saleIdOf('p-4'),
    orderCancelled: true,
  }),
  entry('p-5', { consultantId: 'sc-wu', model: 'Tiguan', grade: 'H' }),
  entry('p-6', { furthestStage: 'delivered', grade: 'O', saleId: saleIdOf('p-6') }),
];

const EXPECTED_TRAFFIC = [
  { dealerId: 'd-1', month: '2026-03', groups: 6, days: { '2026-03-02': 4, '2026-03-03': 2 } },
  { dealerId: 'd-1', month: '2026-04', groups: 5, days: { '2026-04-01': 5 } },
];

// S1 = (9, 8, 8, 9, 10) recommend 9; S2 = (7, 6, 8, 9, 8) recommend 6. Sums 16, 14, 16, 18, 18 over 2 surveys:
// factor indices 800, 700, 800, 900, 900; weighted (23×16 + 21×14 + 20×16 + 19×18 + 17×18) / 2
// = (368 + 294 + 320 + 342 + 306) / 2 = 815; one promoter and one detractor: NPS 0.
const EXPECTED_SSI = [
  {
    dealerId: 'd-1',
    month: '2026-03',
    weightSetVersion: 'ssi-jdp-cn-2015',
    weights: {
      'delivery-process': 23,
      'sales-initiation': 21,
      deal: 20,
      'dealer-facility': 19,
      salesperson: 17,
    },
    surveys: 2,
    answerSums: {
      'delivery-process': 16,
      'sales-initiation': 14,
      deal: 16,
      'dealer-facility': 18,
      salesperson: 18,
    },
    factorIndex: {
      'delivery-process': 800,
      'sales-initiation': 700,
      deal: 800,
      'dealer-facility': 900,
      salesperson: 900,
    },
    weightedIndex: 815,
    promoters: 1,
    passives: 0,
    detractors: 1,
    nps: 0,
  },
];

const collection = physicalCollection;

const expectHandWorkedFigures = async (readStore: ReadStore) => {
  const entries = await readStore.find<SalesFunnelEntry>(
    collection(salesFunnelEntriesProjection),
    {},
    {
      sort: [['prospectId', 1]],
    },
  );
  expect(entries).toEqual(EXPECTED_ENTRIES);
  expect(
    await readStore.find(collection(salesShowroomTrafficProjection), {}, { sort: [['month', 1]] }),
  ).toEqual(EXPECTED_TRAFFIC);
  expect(await readStore.find(collection(ssiMonthlyProjection), {})).toEqual(EXPECTED_SSI);
  // p-5: registered 3 March 11:00 CST (03:00Z), regraded H (2 days) without a contact: due 5 March 03:00Z.
  expect(await readStore.get(collection(prospectDetailsProjection), 'p-5')).toMatchObject({
    grade: 'H',
    status: 'open',
    lastContactAt: '2026-03-03T03:00:00.000Z',
    nextContactDue: '2026-03-05T03:00:00.000Z',
  });
  expect(await readStore.get(collection(prospectDetailsProjection), 'p-3')).toMatchObject({
    status: 'lost',
    touches: 2,
    nextContactDue: null,
    lost: { reason: 'unreachable', stage: 'registered' },
  });
  expect(await readStore.get(collection(vehicleSaleDetailsProjection), saleIdOf('p-6'))).toMatchObject({
    status: 'delivered',
    vin: 'LSVAA4182E2100006',
    callbackStatus: 'completed',
    callbackAttempts: 2,
    callbackDueAt: '2026-03-19T07:00:00.000Z',
    callbackOnTime: true,
    survey: { wouldRecommend: 6, weightSetVersion: 'ssi-jdp-cn-2015' },
  });
  expect(await readStore.get(collection(vehicleSaleDetailsProjection), saleIdOf('p-4'))).toMatchObject({
    status: 'cancelled',
    cancelled: { reason: 'loan refused' },
    callbackStatus: 'pending',
  });
};

describe('sales projections on SQLite', () => {
  const temp = tempDir('crm-sales-');
  let files = 0;
  const fresh = (name: string) => temp.file(`${name}-${(files += 1)}.sqlite`);
  afterAll(() => temp.remove());

  const history = async () => {
    const eventStore = SqliteEventStore.open(fresh('events'));
    await writeSalesHistory(eventStore);
    return { eventStore, events: await eventStore.readAll({ after: 0, limit: 10_000 }) };
  };
  const runAll = async (
    deps: ReturnType<typeof runnerDeps>,
    events: readonly StoredEvent[],
    batchSize: number,
  ) => {
    for (const projection of SALES_PROJECTIONS) {
      await deps.readStore.ensureCollection(physicalCollection(projection), projection.indexes);
      const runner = new ProjectionRunner(deps, projection);
      for (let start = 0; start < events.length; start += batchSize)
        await runner.handleBatch(events.slice(start, start + batchSize));
    }
  };

  it('builds the funnel entries, traffic, SSI, prospects and sales worked out by hand', async () => {
    const { eventStore, events } = await history();
    const readStore = SqliteReadStore.open(fresh('read'));
    await runAll(runnerDeps(eventStore, readStore), events, 7);
    await expectHandWorkedFigures(readStore);
    await Promise.all([eventStore.close(), readStore.close()]);
  });

  it('computes the funnel of the cohort from the entries as worked out by hand', () => {
    // 6 registered; furthest stages: delivered (p-1, p-6), ordered (p-4), quoted (p-2), registered (p-3, p-5).
    // reached: needs 4, presented 4, test-driven 4 (skipped stages count as passed), quoted 4, ordered 3,
    // delivered 2. Walk-ins p-1, p-3, p-5, p-6 = 4 over 6 groups logged in March.
    const funnel = computeFunnel('d-1', '2026-03', {}, EXPECTED_ENTRIES, 6);
    expect(funnel).toMatchObject({
      registered: 6,
      reached: {
        registered: 6,
        'needs-analysed': 4,
        presented: 4,
        'test-driven': 4,
        quoted: 4,
        ordered: 3,
        delivered: 2,
      },
      conversion: [
        { from: 'registered', to: 'needs-analysed', rate: 0.6667 },
        { from: 'needs-analysed', to: 'presented', rate: 1 },
        { from: 'presented', to: 'test-driven', rate: 1 },
        { from: 'test-driven', to: 'quoted', rate: 1 },
        { from: 'quoted', to: 'ordered', rate: 0.75 },
        { from: 'ordered', to: 'delivered', rate: 0.6667 },
      ],
      closingRate: 0.5,
      testDriven: 1,
      testDriveRate: 0.1667,
      recordRate: 0.6667,
      lost: { total: 2, byReason: { price: 1, unreachable: 1 }, byStage: { quoted: 1, registered: 1 } },
      openPipeline: { H: 1, A: 0, B: 0, C: 0, total: 1 },
      cancelledOrders: 1,
      touches: 2,
    });
  });

  it('gives the same read models when every event is fed twice, in the same batch or a later one', async () => {
    const { eventStore, events } = await history();
    const once = SqliteReadStore.open(fresh('read'));
    await runAll(runnerDeps(eventStore, once), events, 7);

    const twice = SqliteReadStore.open(fresh('read'));
    await runAll(
      runnerDeps(eventStore, twice),
      events.flatMap((event) => [event, event]),
      9,
    );
    for (const projection of SALES_PROJECTIONS) {
      // A second runner forgets its in-memory position: only the documents' positions guard it.
      await twice.deleteCheckpoint(`projection:${projection.name}@v${projection.version}`);
    }
    await runAll(runnerDeps(eventStore, twice), events, 5);

    expect(await snapshotReadModels(twice, SALES_PROJECTIONS)).toEqual(
      await snapshotReadModels(once, SALES_PROJECTIONS),
    );
    await expectHandWorkedFigures(twice);
    await Promise.all([eventStore.close(), once.close(), twice.close()]);
  });

  it('keeps the live read models equal to a rebuild from the first event', async () => {
    const eventStore = SqliteEventStore.open(fresh('events'));
    const live = SqliteReadStore.open(fresh('read'));
    const runners = SALES_PROJECTIONS.map(
      (projection) => new ProjectionRunner(runnerDeps(eventStore, live), projection, { batchSize: 4 }),
    );
    for (const runner of runners) await runner.start();
    // Appends arrive while the runners follow the store live.
    await writeSalesHistory(eventStore);
    const head = await eventStore.headPosition();
    await Promise.all(runners.map((runner) => runner.waitForPosition(head)));
    for (const runner of runners) await runner.stop();

    const rebuilt = SqliteReadStore.open(fresh('read'));
    await runAll(
      runnerDeps(eventStore, rebuilt),
      await eventStore.readAll({ after: 0, limit: 10_000 }),
      1000,
    );
    expect(await snapshotReadModels(live, SALES_PROJECTIONS)).toEqual(
      await snapshotReadModels(rebuilt, SALES_PROJECTIONS),
    );
    await expectHandWorkedFigures(live);
    await Promise.all([eventStore.close(), live.close(), rebuilt.close()]);
  });
});
