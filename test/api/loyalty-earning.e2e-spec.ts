import { READ_STORE, type ReadStore } from '../../src/application/ports/read-store.port';
import { DEFAULT_LOYALTY_RULES } from '../../src/domain/membership/loyalty-rules';
import {
  LOYALTY_TEST_PROJECTIONS,
  accepted,
  deliverSale,
  enrol,
  get,
  post,
  settleLoyalty,
  settleRepairOrder,
} from '../support/loyalty-api';
import { startTestApp, type TestApp, testClock } from '../support/test-app';

const PAID = { roType: 'paid-maintenance', payer: 'customer' };
const REPAIR = { roType: 'paid-repair', payer: 'customer' };
const PERIOD = { from: '2026-01-01T00:00:00+08:00', to: '2026-07-01T00:00:00+08:00' };
const { version: _version, ...LIVE_RULES } = DEFAULT_LOYALTY_RULES;

/**
 * Half a year of two members at d-sh-01 (cu-v1, cu-v2; cu-v3 is not a member). Points worked out by hand:
 *   ro-1 cu-v1 10 Jan  paid maintenance 180.00 RMB at silver ×1      →    180 (lot-1)
 *   ro-2 cu-v2 31 Jan  paid repair      820.00 RMB at silver ×1      →    820 (lot-1)
 *   ro-3 cu-v3  5 Feb  paid repair, not a member                      →      0
 *   vs-1 cu-v2 10 Feb  vehicle delivered, purchase bonus             →  1,000 (lot-2)
 *   ro-4 cu-v1 20 Feb  free inspection, paid internally               →      0
 *   ro-5 cu-v1  3 Mar  paid repair    1,750.00 RMB at silver ×1      →  1,750 (lot-2)
 *   cu-v1 10 Mar redeems 500 for a gift: lot-1 180 (soonest expiry), then lot-2 320
 *   ro-6 cu-v2  1 Apr  paid repair   10,000.00 RMB at silver ×1      → 10,000 (lot-3); lifetime 11,820: gold
 *   ro-7 cu-v2  1 May  paid maintenance 180.00 RMB at gold ×1.5      →    270 (lot-4)
 * Issued 14,020; redeemed 500; nothing expires within 24 months; liability 13,520.
 */
const driveHalfYear = async (api: TestApp) => {
  await enrol(api, 'cu-v1', '2026-01-02T10:00:00+08:00');
  await enrol(api, 'cu-v2', '2026-01-02T10:00:00+08:00');
  await settleRepairOrder(api, 'ro-1', 'V1', '2026-01-10T12:00:00+08:00', {
    ...PAID,
    labourFen: 10_000,
    partsFen: 8_000,
  });
  await settleRepairOrder(api, 'ro-2', 'V2', '2026-01-31T23:30:00+08:00', {
    ...REPAIR,
    labourFen: 34_000,
    partsFen: 48_000,
  });
  await settleRepairOrder(api, 'ro-3', 'V3', '2026-02-05T12:00:00+08:00', {
    ...REPAIR,
    labourFen: 20_000,
    partsFen: 0,
  });
  await deliverSale(api, 'vs-1', 'cu-v2', '2026-02-10T10:00:00+08:00');
  await settleRepairOrder(api, 'ro-4', 'V1', '2026-02-20T12:00:00+08:00', {
    roType: 'free-inspection',
    payer: 'internal',
    labourFen: 0,
    partsFen: 0,
  });
  await settleRepairOrder(api, 'ro-5', 'V1', '2026-03-03T17:00:00+08:00', {
    ...REPAIR,
    labourFen: 50_000,
    partsFen: 125_000,
  });
  await settleLoyalty(api);
  await accepted(api, '/memberships/cu-v1/redemptions', {
    redemptionId: 'rd-1',
    points: 500,
    gift: 'umbrella',
    occurredAt: '2026-03-10T10:00:00+08:00',
  });
  await settleRepairOrder(api, 'ro-6', 'V2', '2026-04-01T17:00:00+08:00', {
    ...REPAIR,
    labourFen: 200_000,
    partsFen: 800_000,
  });
  await settleLoyalty(api);
  await settleRepairOrder(api, 'ro-7', 'V2', '2026-05-01T12:00:00+08:00', {
    ...PAID,
    labourFen: 10_000,
    partsFen: 8_000,
  });
  await settleLoyalty(api);
};

const EXPECTED_BALANCES = [
  {
    customerId: 'cu-v1',
    tier: 'silver',
    spendablePoints: 1_430,
    lifetimePoints: 1_930,
    nextExpiry: { expiresAt: '2028-03-03T09:00:00.000Z', points: 1_430 },
  },
  {
    customerId: 'cu-v2',
    tier: 'gold',
    spendablePoints: 12_090,
    lifetimePoints: 12_090,
    nextExpiry: { expiresAt: '2028-01-31T15:30:00.000Z', points: 820 },
  },
];

describe('loyalty earning: one earn per source across restarts and rebuilds; the rule simulation', () => {
  const clock = testClock('2026-07-01T00:00:00+08:00');
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ clock, projections: LOYALTY_TEST_PROJECTIONS });
    await driveHalfYear(api);
  }, 120_000);
  afterAll(async () => {
    await api.close();
  });

  const balances = () => Promise.all(['cu-v1', 'cu-v2'].map((id) => get(api, `/memberships/${id}`)));
  /** Every PointsEarned of the two members, as `customer source`. */
  const earnings = async () =>
    (
      await Promise.all(
        ['cu-v1', 'cu-v2', 'cu-v3'].map(async (id) =>
          (await api.eventStore.readStream(`membership-${id}`))
            .filter((event) => event.type === 'PointsEarned')
            .map((event) => {
              const source = event.data.source as { kind: string; id: string };
              return `${id} ${source.kind}:${source.id} ${String(event.data.amount)}`;
            }),
        ),
      )
    ).flat();
  const EARNINGS = [
    'cu-v1 repair-order:ro-1 180',
    'cu-v1 repair-order:ro-5 1750',
    'cu-v2 repair-order:ro-2 820',
    'cu-v2 vehicle-sale:vs-1 1000',
    'cu-v2 repair-order:ro-6 10000',
    'cu-v2 repair-order:ro-7 270',
  ];

  it('earns for paid visits and a delivery only, at the tier rate of the time, and upgrades the tier', async () => {
    expect(await earnings()).toEqual(EARNINGS);
    expect(await balances()).toMatchObject(EXPECTED_BALANCES);
    const ledger = await get(api, '/memberships/cu-v1/ledger');
    expect(ledger.items.map((entry: { kind: string; points: number }) => [entry.kind, entry.points])).toEqual(
      [
        ['earned', 180],
        ['earned', 1_750],
        ['redeemed', -500],
      ],
    );
    expect(ledger.items[2].draws).toEqual([
      { lotId: 'lot-1', amount: 180, expiresAt: '2028-01-10T04:00:00.000Z' },
      { lotId: 'lot-2', amount: 320, expiresAt: '2028-03-03T09:00:00.000Z' },
    ]);
    expect(await get(api, '/loyalty/tiers?dealerId=d-sh-01')).toEqual([
      { dealerId: 'd-sh-01', total: 2, silver: 1, gold: 1, platinum: 0 },
    ]);
    expect(await get(api, '/loyalty/liability')).toEqual([
      {
        dealerId: 'd-sh-01',
        activeMembers: 2,
        outstandingPoints: 13_520,
        expiringWithin30Days: 0,
        expiringWithin90Days: 0,
        asOf: '2026-06-30T16:00:00.000Z',
      },
    ]);
  });

  it('earns nothing again when the reactor restarts from scratch, nor when the read models are rebuilt', async () => {
    await api.close({ keepData: true });
    api = await startTestApp({ clock, projections: LOYALTY_TEST_PROJECTIONS, dataDir: api.dataDir });
    const head = await api.eventStore.headPosition();
    await api.engine.stop();
    await api.app.get<ReadStore>(READ_STORE).deleteCheckpoint('reactor:loyalty-earning');
    await api.engine.start();
    await settleLoyalty(api);
    expect(await api.eventStore.headPosition()).toBe(head);

    await api.engine.rebuild('loyalty-members');
    await api.engine.rebuild('loyalty-ledger');
    await settleLoyalty(api);
    expect(await api.eventStore.headPosition()).toBe(head);
    expect(await earnings()).toEqual(EARNINGS);
    expect(await balances()).toMatchObject(EXPECTED_BALANCES);
  });

  it('reproduces the live figures exactly when the simulation runs the live rules', async () => {
    const head = await api.eventStore.headPosition();
    const response = await post(api, '/loyalty/simulations', { ...PERIOD, rules: LIVE_RULES });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    const live = {
      pointsIssued: 14_020,
      pointsRedeemed: 500,
      pointsExpired: 0,
      pointsForfeited: 0,
      pointsAdjusted: 0,
      liability: 13_520,
      liabilityByDealer: { 'd-sh-01': 13_520 },
      redemptionsRefused: 0,
    };
    expect(report.live).toEqual(live);
    expect(report.simulated).toEqual(live);
    expect(await api.eventStore.headPosition()).toBe(head);
  });

  it('gives hand-worked figures for a changed rule set, and writes nothing', async () => {
    const head = await api.eventStore.headPosition();
    const rules = {
      ...LIVE_RULES,
      earnRatePerRmb: { silver: 1, gold: 3, platinum: 4 },
      purchaseBonus: 2_000,
      lotExpiryMonths: 3,
    };
    const report = (await post(api, '/loyalty/simulations', { ...PERIOD, rules })).json();
    // Issued: 180 + 820 + 2,000 (bonus) + 1,750 + 10,000 (silver, the visit that makes gold) + 540 (180 RMB × 3).
    // Three-month lots: cu-v1 lot-2 keeps 1,430 after the redemption and expires 3 Jun; cu-v2's 820
    // (31 Jan → 30 Apr, the month has no 31st) and 2,000 (10 Feb → 10 May) expire; 10,000 (→ 1 Jul 17:00)
    // and 540 (→ 1 Aug) are still outstanding at the end of June.
    expect(report.simulated).toEqual({
      pointsIssued: 15_290,
      pointsRedeemed: 500,
      pointsExpired: 4_250,
      pointsForfeited: 0,
      pointsAdjusted: 0,
      liability: 10_540,
      liabilityByDealer: { 'd-sh-01': 10_540 },
      redemptionsRefused: 0,
    });
    expect(report.difference).toMatchObject({ pointsIssued: 1_270, pointsExpired: 4_250, liability: -2_980 });
    expect(await api.eventStore.headPosition()).toBe(head);
    expect(await balances()).toMatchObject(EXPECTED_BALANCES);
  });

  it('refuses a period that ends before it starts', async () => {
    const response = await post(api, '/loyalty/simulations', {
      from: PERIOD.to,
      to: PERIOD.from,
      rules: LIVE_RULES,
    });
    expect(response.statusCode).toBe(400);
  });
});
