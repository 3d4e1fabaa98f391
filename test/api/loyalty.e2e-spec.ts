import { ClockWatcherRunner } from '../../src/infrastructure/watchers/clock-watcher-runner';
import { enrol, get, LOYALTY_TEST_PROJECTIONS, post } from '../support/loyalty-api';
import { startTestApp, type TestApp, testClock } from '../support/test-app';

const ok = async (response: { statusCode: number; body: string }) => {
  if (response.statusCode !== 200) throw new Error(`answered ${response.statusCode}: ${response.body}`);
};

describe('loyalty club over HTTP: the rules, vouchers, expiry and lapse', () => {
  const clock = testClock('2026-03-01T10:00:00+08:00');
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ clock, projections: LOYALTY_TEST_PROJECTIONS });
    await enrol(api, 'cu-a', '2026-01-05T10:00:00+08:00');
    // Two credits by hand: lot-1 1,000 (expires 1 Feb 2028), lot-2 300 (expires 10 Feb 2028).
    await ok(
      await post(api, '/memberships/cu-a/adjustments', {
        adjustmentId: 'adj-1',
        delta: 1_000,
        reason: 'welcome',
        occurredAt: '2026-02-01T10:00:00+08:00',
      }),
    );
    await ok(
      await post(api, '/memberships/cu-a/adjustments', {
        adjustmentId: 'adj-2',
        delta: 300,
        reason: 'survey',
        occurredAt: '2026-02-10T10:00:00+08:00',
      }),
    );
  });
  afterAll(async () => {
    await api.close();
  });

  /** A refused command: its status and code, and nothing appended. */
  const refused = async (url: string, payload: object, status: number, code: string) => {
    const head = await api.eventStore.headPosition();
    const response = await post(api, url, payload);
    expect([response.statusCode, response.json().code]).toEqual([status, code]);
    expect(await api.eventStore.headPosition()).toBe(head);
  };

  it('sells a voucher for points, redeems it once, and refuses it the second time', async () => {
    await ok(
      await post(api, '/memberships/cu-a/vouchers', { voucherCode: 'V-1', points: 800, valueFen: 8_000 }),
    );
    await ok(
      await post(api, '/memberships/cu-a/vouchers/V-1/redeem', {
        repairOrderId: 'ro-77',
        dealerId: 'd-sh-01',
      }),
    );
    await refused(
      '/memberships/cu-a/vouchers/V-1/redeem',
      { repairOrderId: 'ro-78', dealerId: 'd-sh-01' },
      422,
      'VOUCHER_ALREADY_REDEEMED',
    );
    await refused(
      '/memberships/cu-a/vouchers/V-9/redeem',
      { repairOrderId: 'ro-78', dealerId: 'd-sh-01' },
      404,
      'VOUCHER_NOT_FOUND',
    );
    await refused(
      '/memberships/cu-a/vouchers',
      { voucherCode: 'V-1', points: 1, valueFen: 100 },
      409,
      'VOUCHER_CODE_TAKEN',
    );
    await api.settle();
    const balance = await get(api, '/memberships/cu-a');
    expect(balance).toMatchObject({ spendablePoints: 500, lifetimePoints: 0, tier: 'silver' });
    expect(balance.vouchers).toMatchObject([
      { voucherCode: 'V-1', status: 'redeemed', repairOrderId: 'ro-77' },
    ]);
  });

  it('refuses what the rules forbid with their codes, appending nothing', async () => {
    await refused(
      '/memberships',
      { customerId: 'cu-a', cardNumber: 'C-9', homeDealerId: 'd-sh-01' },
      409,
      'MEMBERSHIP_ALREADY_ENROLLED',
    );
    await refused(
      '/memberships/cu-a/redemptions',
      { redemptionId: 'rd-1', points: 501, gift: 'mug' },
      422,
      'INSUFFICIENT_POINTS',
    );
    await refused(
      '/memberships/cu-a/adjustments',
      { adjustmentId: 'adj-1', delta: 5, reason: 'again' },
      409,
      'ADJUSTMENT_ALREADY_RECORDED',
    );
    await refused(
      '/memberships/cu-zz/redemptions',
      { redemptionId: 'rd-1', points: 1, gift: 'mug' },
      404,
      'MEMBERSHIP_NOT_FOUND',
    );
    await refused(
      '/memberships/cu-a/redemptions',
      { redemptionId: 'rd-1', points: 0, gift: 'mug' },
      400,
      'VALIDATION_FAILED',
    );
    await refused(
      '/memberships/cu-a/redemptions',
      { redemptionId: 'rd-1', points: 1, gift: 'mug', balance: 9 },
      400,
      'VALIDATION_FAILED',
    );
  });

  it('refuses spending once the 18-month lapse is due, and the sweep forfeits what is left of the lots once', async () => {
    // lot-1 paid the voucher: 200 left, expiring 1 Feb 2028 10:00 CST; lot-2 300 expires 10 Feb 2028.
    // No paid visit ever: the lapse is due 18 months after enrolment, 5 Jul 2027 10:00 CST, before both.
    clock.set('2027-07-06T00:00:00+08:00');
    await refused(
      '/memberships/cu-a/redemptions',
      { redemptionId: 'rd-2', points: 10, gift: 'mug' },
      422,
      'MEMBERSHIP_LAPSED',
    );
    const watchers = api.app.get(ClockWatcherRunner);
    expect(await watchers.sweep('loyalty expiry')).toEqual({ checked: 1, recorded: 1 });
    await api.settle();
    expect(await watchers.sweep('loyalty expiry')).toEqual({ checked: 0, recorded: 0 });
    const balance = await get(api, '/memberships/cu-a');
    expect(balance).toMatchObject({ status: 'lapsed', spendablePoints: 0, outstandingPoints: 0 });
    const ledger = await get(api, '/memberships/cu-a/ledger');
    expect(ledger.items.at(-1)).toMatchObject({
      kind: 'forfeited',
      points: -500,
      at: '2027-07-05T02:00:00.000Z',
      draws: [
        { lotId: 'lot-1', amount: 200, expiresAt: '2028-02-01T02:00:00.000Z' },
        { lotId: 'lot-2', amount: 300, expiresAt: '2028-02-10T02:00:00.000Z' },
      ],
    });
  });

  it('reports the liability and the members at risk of lapsing; a lapse before a lot expires forfeits it', async () => {
    clock.set('2026-03-01T10:00:00+08:00');
    await enrol(api, 'cu-b', '2026-03-01T10:00:00+08:00');
    await ok(
      await post(api, '/memberships/cu-b/adjustments', {
        adjustmentId: 'adj-1',
        delta: 400,
        reason: 'goodwill',
        occurredAt: '2026-03-01T10:00:00+08:00',
      }),
    );
    // The redemption is recorded as it happens: a business time ahead of the clock is refused.
    clock.set('2026-03-02T10:00:00+08:00');
    await ok(
      await post(api, '/memberships/cu-b/redemptions', {
        redemptionId: 'rd-1',
        points: 150,
        gift: 'mug',
        occurredAt: '2026-03-02T10:00:00+08:00',
      }),
    );
    await api.settle();
    expect(await get(api, '/loyalty/liability?dealerId=d-sh-01&asOf=2026-04-01T00:00:00%2B08:00')).toEqual([
      {
        dealerId: 'd-sh-01',
        activeMembers: 1,
        outstandingPoints: 250,
        expiringWithin30Days: 0,
        expiringWithin90Days: 0,
        asOf: '2026-03-31T16:00:00.000Z',
      },
    ]);
    const activity = await get(api, '/loyalty/activity?asOf=2027-07-01T00:00:00%2B08:00&withinDays=90');
    expect(activity.atRisk.items).toMatchObject([
      { customerId: 'cu-b', lapseDueAt: '2027-09-01T02:00:00.000Z' },
    ]);
    // The lapse (1 Sep 2027) comes before the lot's expiry (1 Mar 2028): the 250 are forfeited, not expired.
    clock.set('2027-09-02T00:00:00+08:00');
    expect(await api.app.get(ClockWatcherRunner).sweep('loyalty expiry')).toMatchObject({ recorded: 1 });
    await api.settle();
    expect(await get(api, '/memberships/cu-b')).toMatchObject({ status: 'lapsed', spendablePoints: 0 });
  });
});
