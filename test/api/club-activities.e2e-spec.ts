import { READ_STORE, type ReadStore } from '../../src/application/ports/read-store.port';
import { ClockWatcherRunner } from '../../src/infrastructure/watchers/clock-watcher-runner';
import { accepted, enrol, get, post, settleLoyalty, settleRepairOrder } from '../support/loyalty-api';
import { startTestApp, type TestApp, testClock } from '../support/test-app';

const D1 = 'd-sh-01';
const D2 = 'd-bj-02';
const ACT = '/club/activities/act-tyres';
const REPAIR = { roType: 'paid-repair', payer: 'customer' };

/**
 * One activity of dealer D1, worked out by hand: "Winter tyre workshop", 13 Jun 2026 14:00–17:00 CST,
 * capacity 2, points for attending left out (the default, 100).
 *   5 Jun  cu-a signs up (1 of 2), cu-b signs up (2 of 2), cu-c is refused: full (422 CLUB_ACTIVITY_FULL)
 *   cu-x (D2's member) is refused (422 CLUB_ACTIVITY_OTHER_CLUB); cu-none is no member (404)
 *   13 Jun 15:00  a sign-up after the start is refused (422 CLUB_ACTIVITY_STARTED)
 *   13 Jun 13:00  attendance before the start is refused (422 CLUB_ACTIVITY_NOT_STARTED)
 *   13 Jun 17:30  cu-a attended (+100 on the membership), cu-b no-show; cu-a's attendance sent again: 409
 * attendance rate = attended ÷ signed up = 1 ÷ 2 = 0.5000; cu-a's balance 0 + 100 = 100, once.
 */
describe('club activities: capacity, sign-up before the start, attendance earns once', () => {
  const clock = testClock('2026-07-15T10:00:00+08:00');
  let api: TestApp;
  let dealer2: Record<string, string>;

  const signUp = (customerId: string, occurredAt = '2026-06-05T10:00:00+08:00', headers = {}) =>
    post(api, `${ACT}/sign-ups`, { customerId, occurredAt }, headers);
  const attend = (
    customerId: string,
    outcome: string,
    occurredAt = '2026-06-13T17:30:00+08:00',
    headers = {},
  ) => post(api, `${ACT}/attendance`, { customerId, outcome, occurredAt }, headers);
  const refusedUnchanged = async (send: () => ReturnType<typeof post>, status: number, code: string) => {
    const head = await api.eventStore.headPosition();
    const response = await send();
    expect([response.statusCode, response.json().code]).toEqual([status, code]);
    expect(await api.eventStore.headPosition()).toBe(head);
  };
  const spendable = async (customerId: string) => {
    await settleLoyalty(api);
    return (await get(api, `/memberships/${customerId}`)).spendablePoints;
  };

  beforeAll(async () => {
    api = await startTestApp({ clock });
    dealer2 = await api.as({ role: 'dealer-manager', dealerId: D2, userId: 'dm-bj' });
    for (const customerId of ['cu-a', 'cu-b', 'cu-c'])
      await enrol(api, customerId, '2026-05-01T10:00:00+08:00', D1);
    await enrol(api, 'cu-x', '2026-05-01T10:00:00+08:00', D2);
    await accepted(api, '/club/activities', {
      activityId: 'act-tyres',
      dealerId: D1,
      title: 'Winter tyre workshop',
      startsAt: '2026-06-13T14:00:00+08:00',
      endsAt: '2026-06-13T17:00:00+08:00',
      capacity: 2,
      occurredAt: '2026-06-01T10:00:00+08:00',
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('signs up two members and refuses the third: capacity 2', async () => {
    expect((await signUp('cu-a')).statusCode).toBe(200);
    expect((await signUp('cu-b', '2026-06-05T10:05:00+08:00')).statusCode).toBe(200);
    await refusedUnchanged(() => signUp('cu-c', '2026-06-05T10:10:00+08:00'), 422, 'CLUB_ACTIVITY_FULL');
    await refusedUnchanged(
      () => signUp('cu-x', '2026-06-05T10:10:00+08:00'),
      422,
      'CLUB_ACTIVITY_OTHER_CLUB',
    );
    await refusedUnchanged(() => signUp('cu-none', '2026-06-05T10:10:00+08:00'), 404, 'MEMBERSHIP_NOT_FOUND');
    await refusedUnchanged(
      () => signUp('cu-a', '2026-06-05T10:10:00+08:00'),
      409,
      'CLUB_ACTIVITY_ALREADY_SIGNED_UP',
    );
    await api.settle();
    // attended ÷ signed up = 0 ÷ 2 before any attendance is recorded
    expect(await get(api, ACT)).toMatchObject({ capacity: 2, signedUp: 2, placesLeft: 0, attendanceRate: 0 });
  });

  it('business time: no sign-up dated after the start, no attendance dated before it', async () => {
    await refusedUnchanged(() => signUp('cu-c', '2026-06-13T15:00:00+08:00'), 422, 'CLUB_ACTIVITY_STARTED');
    await refusedUnchanged(
      () => attend('cu-a', 'attended', '2026-06-13T13:00:00+08:00'),
      422,
      'CLUB_ACTIVITY_NOT_STARTED',
    );
  });

  it('one attended, one no-show: attendance rate 0.5000, and the attendee earns 100 points once', async () => {
    expect(await spendable('cu-a')).toBe(0);
    const key = { 'idempotency-key': 'attendance-cu-a' };
    expect((await attend('cu-a', 'attended', undefined, key)).statusCode).toBe(200);
    expect((await attend('cu-b', 'no-show')).statusCode).toBe(200);
    // sent again: with the same key it replays and appends nothing; without it, a duplicate
    const head = await api.eventStore.headPosition();
    const replay = await attend('cu-a', 'attended', undefined, key);
    expect([replay.statusCode, replay.headers['idempotent-replayed']]).toEqual([200, 'true']);
    expect(await api.eventStore.headPosition()).toBe(head);
    await refusedUnchanged(() => attend('cu-a', 'attended'), 409, 'CLUB_ACTIVITY_ATTENDANCE_RECORDED');
    await refusedUnchanged(() => attend('cu-a', 'no-show'), 422, 'CLUB_ACTIVITY_ATTENDED_ALREADY');
    expect(await spendable('cu-a')).toBe(100); // 0 + 100 once
    expect(await spendable('cu-b')).toBe(0);

    const activity = await get(api, ACT);
    expect(activity).toMatchObject({ signedUp: 2, attended: 1, noShow: 1, pending: 0, attendanceRate: 0.5 });
    expect(activity.signUps).toEqual([
      expect.objectContaining({ customerId: 'cu-a', status: 'attended' }),
      expect.objectContaining({ customerId: 'cu-b', status: 'no-show' }),
    ]);
    const ledger = await get(api, '/memberships/cu-a/ledger');
    expect(ledger.items).toEqual([
      expect.objectContaining({
        kind: 'earned',
        points: 100,
        source: { kind: 'club-activity', id: 'act-tyres' },
      }),
    ]);
    const list = await get(api, `/club/activities?dealerId=${D1}`);
    expect(list.activities).toEqual([
      expect.objectContaining({ activityId: 'act-tyres', signedUp: 2, attended: 1, attendanceRate: 0.5 }),
    ]);
  });

  it('earns nothing again when the earning reactor replays the attendance from scratch', async () => {
    const head = await api.eventStore.headPosition();
    await api.engine.stop();
    await api.app.get<ReadStore>(READ_STORE).deleteCheckpoint('reactor:loyalty-earning');
    await api.engine.start();
    await settleLoyalty(api);
    expect(await api.eventStore.headPosition()).toBe(head);
    expect(await spendable('cu-a')).toBe(100);
  });

  it("refuses another dealer's staff, unknown activities and bad input", async () => {
    await refusedUnchanged(
      () => signUp('cu-c', '2026-06-05T10:20:00+08:00', dealer2),
      403,
      'DEALER_FORBIDDEN',
    );
    const other = await api.request({ method: 'GET', url: ACT, headers: dealer2 });
    expect([other.statusCode, other.json().code]).toEqual([403, 'DEALER_FORBIDDEN']);
    const list = await api.request({
      method: 'GET',
      url: `/club/activities?dealerId=${D1}`,
      headers: dealer2,
    });
    expect(list.statusCode).toBe(403);
    const unknown = await api.request({ method: 'GET', url: '/club/activities/act-none' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'CLUB_ACTIVITY_NOT_FOUND']);
    await refusedUnchanged(
      () => post(api, '/club/activities/act-none/sign-ups', { customerId: 'cu-a' }),
      404,
      'CLUB_ACTIVITY_NOT_FOUND',
    );
    const bad = await post(api, '/club/activities', {
      dealerId: D1,
      title: 'x',
      startsAt: 'soon',
      endsAt: 'later',
      capacity: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['capacity', 'endsAt', 'startsAt']);
    const outcome = await attend('cu-a', 'maybe');
    expect([outcome.statusCode, outcome.json().errors[0].field]).toEqual([400, 'outcome']);
  });
});

/**
 * Club statistics of D1 for a small hand-built history, months May and June 2026 (CST):
 *   cu-v1 enrolled 1 Jun 2025; paid repair 15 Jun 2025, 500 RMB → 500 points; silver; lapse due Dec 2026
 *   cu-v2 enrolled 2 Jan 2026; paid repair 10 Jun 2026, 12,000 RMB → 12,000 points → gold; redeems 3,000 on 20 Jun
 *   cu-v3 enrolled 1 Nov 2024, no paid visit: lapse due 1 May 2026 (18 months), whether the sweep ran or not
 *   cu-v4 enrolled 1 Feb 2026, cancelled 25 Jun 2026
 *   cu-v5 enrolled 1 May 2026, attends a 10-point activity on 13 Jun 2026 → 10 points
 *   cu-z  enrolled 1 May 2026 at D2: not D1's
 * June, as of 1 Jul 00:00 CST: active cu-v1, cu-v2, cu-v5 = 3 (cu-v3 lapsed, cu-v4 cancelled); silver 2, gold 1;
 *   paid visit in Jul 2025–Jun 2026: cu-v2 only → active rate 1 ÷ 3 = 0.3333;
 *   issued 12,000 + 10 = 12,010, redeemed 3,000 → redemption rate 3,000 ÷ 12,010 = 0.2498 (0.249792…).
 * May, as of 1 Jun 00:00 CST: active cu-v1, cu-v2, cu-v4, cu-v5 = 4, all silver (cu-v3 lapsed 1 May);
 *   paid visit in Jun 2025–May 2026: cu-v1 (15 Jun 2025) → 1 ÷ 4 = 0.25; nothing issued → rate null.
 */
describe('club statistics: members by tier, active rate, redemption rate, as of the month end', () => {
  const clock = testClock('2026-07-15T10:00:00+08:00');
  let api: TestApp;
  const JUNE = {
    month: '2026-06',
    dealerId: D1,
    monthEndsAt: '2026-06-30T16:00:00.000Z',
    membersByTier: { silver: 2, gold: 1, platinum: 0 },
    activeMembers: 3,
    membersWithPaidVisit: 1,
    activeRate: 0.3333,
    pointsIssued: 12_010,
    pointsRedeemed: 3_000,
    redemptionRate: 0.2498,
  };
  const MAY = {
    month: '2026-05',
    dealerId: D1,
    monthEndsAt: '2026-05-31T16:00:00.000Z',
    membersByTier: { silver: 4, gold: 0, platinum: 0 },
    activeMembers: 4,
    membersWithPaidVisit: 1,
    activeRate: 0.25,
    pointsIssued: 0,
    pointsRedeemed: 0,
    redemptionRate: null,
  };
  const statistics = async (month: string) => {
    await settleLoyalty(api);
    return get(api, `/club/statistics?month=${month}&dealerId=${D1}`);
  };

  beforeAll(async () => {
    api = await startTestApp({ clock });
    await enrol(api, 'cu-v3', '2024-11-01T10:00:00+08:00', D1);
    await enrol(api, 'cu-v1', '2025-06-01T10:00:00+08:00', D1);
    await settleRepairOrder(api, 'ro-s1', 'V1', '2025-06-15T12:00:00+08:00', {
      ...REPAIR,
      labourFen: 30_000,
      partsFen: 20_000,
    });
    await enrol(api, 'cu-v2', '2026-01-02T10:00:00+08:00', D1);
    await enrol(api, 'cu-v4', '2026-02-01T10:00:00+08:00', D1);
    await enrol(api, 'cu-v5', '2026-05-01T10:00:00+08:00', D1);
    await enrol(api, 'cu-z', '2026-05-01T10:00:00+08:00', D2);
    await settleRepairOrder(api, 'ro-s2', 'V2', '2026-06-10T12:00:00+08:00', {
      ...REPAIR,
      labourFen: 200_000,
      partsFen: 1_000_000,
    });
    await settleLoyalty(api);
    await accepted(api, '/memberships/cu-v2/redemptions', {
      redemptionId: 'rd-1',
      points: 3_000,
      gift: 'Roof box',
      occurredAt: '2026-06-20T10:00:00+08:00',
    });
    await accepted(api, '/memberships/cu-v4/cancel', {
      reason: 'moved away',
      occurredAt: '2026-06-25T10:00:00+08:00',
    });
    await accepted(api, '/club/activities', {
      activityId: 'act-drive',
      dealerId: D1,
      title: 'Test drive day',
      startsAt: '2026-06-13T09:00:00+08:00',
      endsAt: '2026-06-13T12:00:00+08:00',
      capacity: 10,
      attendancePoints: 10,
      occurredAt: '2026-06-01T10:00:00+08:00',
    });
    await accepted(api, '/club/activities/act-drive/sign-ups', {
      customerId: 'cu-v5',
      occurredAt: '2026-06-02T10:00:00+08:00',
    });
    await accepted(api, '/club/activities/act-drive/attendance', {
      customerId: 'cu-v5',
      outcome: 'attended',
      occurredAt: '2026-06-13T10:00:00+08:00',
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('gives the figures worked out by hand for June and May', async () => {
    expect(await statistics('2026-06')).toEqual(JUNE);
    expect(await statistics('2026-05')).toEqual(MAY);
  });

  it('gives the same figures after the sweep records the lapse, and after a rebuild', async () => {
    await api.app.get(ClockWatcherRunner).sweep('loyalty expiry');
    expect((await get(api, '/memberships/cu-v3')).status).toBe('lapsed');
    expect(await statistics('2026-06')).toEqual(JUNE);
    await api.engine.rebuild('club-member-history');
    expect(await statistics('2026-06')).toEqual(JUNE);
    expect(await statistics('2026-05')).toEqual(MAY);
  });

  it('rolls up the network without a dealer: counts summed, rates of the totals', async () => {
    // June, D1 (above) and D2's cu-z (active, silver, no paid visit, nothing issued): active 3 + 1 = 4;
    // silver 2 + 1 = 3, gold 1; with a paid visit 1 → 1 ÷ 4 = 0.25 (not the mean of 0.3333 and 0);
    // issued 12,010, redeemed 3,000 → 0.2498 as for D1 alone.
    const network = await get(api, '/club/statistics?month=2026-06');
    expect(network).toEqual({
      ...JUNE,
      dealerId: null,
      membersByTier: { silver: 3, gold: 1, platinum: 0 },
      activeMembers: 4,
      activeRate: 0.25,
    });
  });

  it('a dealer-bound reader gets its own dealer only; a bad month is a 400', async () => {
    const dealer2 = await api.as({ role: 'dealer-manager', dealerId: D2, userId: 'dm-bj' });
    const other = await api.request({
      method: 'GET',
      url: `/club/statistics?month=2026-06&dealerId=${D1}`,
      headers: dealer2,
    });
    expect([other.statusCode, other.json().code]).toEqual([403, 'DEALER_FORBIDDEN']);
    const own = await api.request({
      method: 'GET',
      url: `/club/statistics?month=2026-06&dealerId=${D2}`,
      headers: dealer2,
    });
    // Without a dealer, a dealer's own role gets its dealer, never the network.
    const unnamed = await api.request({
      method: 'GET',
      url: '/club/statistics?month=2026-06',
      headers: dealer2,
    });
    expect(unnamed.json()).toMatchObject({ dealerId: D2, activeMembers: 1 });
    // cu-z: 1 active silver member, no paid visit → 0 ÷ 1 = 0; nothing issued
    expect(own.json()).toMatchObject({
      activeMembers: 1,
      membersWithPaidVisit: 0,
      activeRate: 0,
      redemptionRate: null,
    });
    const bad = await api.request({ method: 'GET', url: `/club/statistics?month=2026-13&dealerId=${D1}` });
    expect([bad.statusCode, bad.json().errors[0].field]).toEqual([400, 'month']);
  });
});
