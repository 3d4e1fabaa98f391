import { ClockWatcherRunner } from '../../src/infrastructure/watchers/clock-watcher-runner';
import {
  accepted,
  enrol,
  get,
  LOYALTY_TEST_PROJECTIONS,
  settleLoyalty,
  settleRepairOrder,
} from '../support/loyalty-api';
import { startTestApp, type TestApp, testClock } from '../support/test-app';

/*
 * cu-v1 of d-sh-01 (times CST):
 *   5 Jan   enrols (silver)
 *  10 Jan   ro-1 settles, paid repair 2,000.00 + 1,000.00 RMB at silver ×1 → 3,000 points
 *  20 Jan   buys V-A, 1,000 points, 10,000 fen, expires 20 Jul 10:00
 *  20 Jan   buys V-B,   500 points,  5,000 fen, expires  1 Mar 00:00 (let expire)
 *   5 Feb   buys V-C,   800 points,  8,000 fen, expires  5 Aug 10:00 (3,000 − 2,300 = 700 points left)
 *  10 Feb   redeems V-A on repair order ro-2
 *  15 Feb   the membership is cancelled: it voids no voucher (V-B and V-C stay until their expiry)
 * The clock then stands at 1 Apr. Outstanding = issued by asOf, not redeemed by it, not expired by it:
 *  15 Jan 00:00  nothing issued yet                                 → 0,  0 fen
 *   1 Feb 00:00  V-A + V-B                  10,000 + 5,000           → 2, 15,000
 *  20 Feb 00:00  V-A redeemed; V-B + V-C     5,000 + 8,000           → 2, 13,000 (cancelled 15 Feb: no change)
 *   1 Mar 00:00  V-B expires at that instant; V-C                    → 1,  8,000
 *  15 Mar 00:00  V-C                                                 → 1,  8,000
 * Then V-C's redemption on ro-3, dated 10 Mar 10:00, is synced late (on 1 Apr): 15 Mar becomes 0, 0;
 * 1 Mar stays 1, 8,000 (the redemption is later); at 10 Mar 10:00 itself it is gone: 0, 0.
 */
const T = (local: string) => `2026-${local}+08:00`;
const q = (iso: string) => encodeURIComponent(iso);
const HOME = 'd-sh-01';

describe('voucher money liability per home dealer as of an instant (GET /club/voucher-liability)', () => {
  const clock = testClock(T('01-05T10:00:00'));
  let api: TestApp;
  const liability = (asOf: string) => get(api, `/club/voucher-liability?dealerId=${HOME}&asOf=${q(asOf)}`);
  const row = (outstandingVouchers: number, outstandingValueFen: number, asOf: string) => [
    { dealerId: HOME, asOf: new Date(asOf).toISOString(), outstandingVouchers, outstandingValueFen },
  ];

  beforeAll(async () => {
    api = await startTestApp({ clock, projections: LOYALTY_TEST_PROJECTIONS });
    await enrol(api, 'cu-v1', T('01-05T10:00:00'));
    clock.set(T('01-10T12:00:00'));
    await settleRepairOrder(api, 'ro-1', 'V1', T('01-10T12:00:00'), {
      roType: 'paid-repair',
      payer: 'customer',
      labourFen: 200_000,
      partsFen: 100_000,
    });
    await settleLoyalty(api);
    clock.set(T('02-20T10:00:00'));
    const buy = (
      voucherCode: string,
      points: number,
      valueFen: number,
      occurredAt: string,
      expiresAt: string,
    ) =>
      accepted(api, '/memberships/cu-v1/vouchers', { voucherCode, points, valueFen, occurredAt, expiresAt });
    await buy('V-A', 1_000, 10_000, T('01-20T10:00:00'), T('07-20T10:00:00'));
    await buy('V-B', 500, 5_000, T('01-20T10:00:00'), T('03-01T00:00:00'));
    await buy('V-C', 800, 8_000, T('02-05T10:00:00'), T('08-05T10:00:00'));
    await accepted(api, '/memberships/cu-v1/vouchers/V-A/redeem', {
      repairOrderId: 'ro-2',
      dealerId: HOME,
      occurredAt: T('02-10T10:00:00'),
    });
    await accepted(api, '/memberships/cu-v1/cancel', {
      reason: 'Customer moved away',
      occurredAt: T('02-15T10:00:00'),
    });
    clock.set(T('04-01T10:00:00'));
    await api.settle();
  });
  afterAll(async () => {
    await api.close();
  });

  it('has earned the 3,000 points the vouchers were bought with, and is cancelled', async () => {
    expect(await get(api, '/memberships/cu-v1')).toMatchObject({
      lifetimePoints: 3_000,
      status: 'cancelled',
    });
  });

  it('counts, at each instant, what was issued and neither redeemed nor expired by then', async () => {
    for (const [asOf, count, fen] of [
      [T('01-15T00:00:00'), 0, 0],
      [T('02-01T00:00:00'), 2, 15_000],
      [T('02-20T00:00:00'), 2, 13_000],
      [T('03-01T00:00:00'), 1, 8_000],
      [T('03-15T00:00:00'), 1, 8_000],
    ] as const)
      expect(await liability(asOf)).toEqual(row(count, fen, asOf));
  });

  it('gives the same figures after the sweep recorded the expiry and after a rebuild', async () => {
    expect(await api.app.get(ClockWatcherRunner).sweep('loyalty expiry')).toMatchObject({ recorded: 1 });
    await api.settle();
    expect(await liability(T('02-20T00:00:00'))).toEqual(row(2, 13_000, T('02-20T00:00:00')));
    await api.engine.rebuild('loyalty-vouchers');
    expect(await liability(T('03-15T00:00:00'))).toEqual(row(1, 8_000, T('03-15T00:00:00')));
  });

  it('changes a past answer when a fact dated before it is synced late', async () => {
    await accepted(api, '/memberships/cu-v1/vouchers/V-C/redeem', {
      repairOrderId: 'ro-3',
      dealerId: HOME,
      occurredAt: T('03-10T10:00:00'),
    });
    await api.settle();
    expect(await liability(T('03-15T00:00:00'))).toEqual(row(0, 0, T('03-15T00:00:00')));
    expect(await liability(T('03-10T10:00:00'))).toEqual(row(0, 0, T('03-10T10:00:00')));
    expect(await liability(T('03-01T00:00:00'))).toEqual(row(1, 8_000, T('03-01T00:00:00')));
    // Now (1 Apr), the default.
    expect(await get(api, `/club/voucher-liability?dealerId=${HOME}`)).toEqual(
      row(0, 0, T('04-01T10:00:00')),
    );
  });

  it('lists every home dealer with a voucher for a network reader; a dealer-bound one sees its own only', async () => {
    const asOf = T('02-01T00:00:00');
    expect(await get(api, `/club/voucher-liability?asOf=${q(asOf)}`)).toEqual(row(2, 15_000, asOf));
    const own = await api.as({ role: 'dealer-manager', dealerId: HOME });
    const mine = await api.request({
      method: 'GET',
      url: `/club/voucher-liability?asOf=${q(asOf)}`,
      headers: own,
    });
    expect([mine.statusCode, mine.json()]).toEqual([200, row(2, 15_000, asOf)]);
    const other = await api.as({ role: 'dealer-manager', dealerId: 'd-bj-02' });
    const theirs = await api.request({
      method: 'GET',
      url: `/club/voucher-liability?dealerId=${HOME}`,
      headers: other,
    });
    expect([theirs.statusCode, theirs.json().code]).toEqual([403, 'DEALER_FORBIDDEN']);
    // Their own dealer has no voucher: its row, with zeros.
    const empty = await api.request({
      method: 'GET',
      url: `/club/voucher-liability?asOf=${q(asOf)}`,
      headers: other,
    });
    expect(empty.json()).toEqual([
      {
        dealerId: 'd-bj-02',
        asOf: new Date(asOf).toISOString(),
        outstandingVouchers: 0,
        outstandingValueFen: 0,
      },
    ]);
  });

  it('refuses a bad asOf or dealerId with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['asOf=yesterday', 'asOf'],
      ['asOf=2026-02-30T00:00:00%2B08:00', 'asOf'],
      ['dealerId=d%20sh', 'dealerId'],
    ]) {
      const response = await api.request({ method: 'GET', url: `/club/voucher-liability?${query}` });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field }] });
    }
  });
});
