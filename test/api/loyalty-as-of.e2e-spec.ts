import { accepted, enrol, get, LOYALTY_TEST_PROJECTIONS } from '../support/loyalty-api';
import { startTestApp, type TestApp, testClock } from '../support/test-app';

/*
 * cu-p enrols at d-sh-01 on 5 Jan 2026; +1,000 by hand on 1 Feb (one lot, expires 1 Feb 2028); redeems 400
 * on 1 Mar. The clock then stands at 10 Mar. As of 15 Feb the member held 1,000 spendable points, the dealer
 * a 1,000 liability; today the read models say 600. The read models keep only today's state, so a past
 * asOf cannot be answered from them: it is refused (400 naming asOf), never answered with today's 600.
 */
describe('loyalty figures as of a time: a past asOf is refused, never today minus nothing', () => {
  const clock = testClock('2026-01-05T10:00:00+08:00');
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ clock, projections: LOYALTY_TEST_PROJECTIONS });
    await enrol(api, 'cu-p', '2026-01-05T10:00:00+08:00');
    clock.set('2026-02-01T10:00:00+08:00');
    await accepted(api, '/memberships/cu-p/adjustments', {
      adjustmentId: 'adj-1',
      delta: 1_000,
      reason: 'welcome',
      occurredAt: '2026-02-01T10:00:00+08:00',
    });
    clock.set('2026-03-01T10:00:00+08:00');
    await accepted(api, '/memberships/cu-p/redemptions', {
      redemptionId: 'rd-1',
      points: 400,
      gift: 'mug',
      occurredAt: '2026-03-01T10:00:00+08:00',
    });
    clock.set('2026-03-10T10:00:00+08:00');
    await api.settle();
  });
  afterAll(async () => {
    await api.close();
  });

  const BETWEEN = '2026-02-15T00:00:00%2B08:00';

  it.each([
    `/memberships/cu-p?asOf=${BETWEEN}`,
    `/loyalty/liability?dealerId=d-sh-01&asOf=${BETWEEN}`,
    `/loyalty/activity?asOf=${BETWEEN}`,
  ])('refuses %s with a 400 naming asOf', async (url) => {
    const response = await api.request({ method: 'GET', url });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'asOf', reason: expect.stringMatching(/before now.*crm replay --as-of/) }],
    });
  });

  it('answers now and a future asOf from the lots: 1,000 − 400 = 600', async () => {
    expect(await get(api, '/memberships/cu-p')).toMatchObject({ spendablePoints: 600 });
    expect(await get(api, '/memberships/cu-p?asOf=2026-03-10T10:00:00%2B08:00')).toMatchObject({
      spendablePoints: 600,
      nextExpiry: { points: 600 },
    });
    // 1 Jun 2027: still active (no paid visit, so the lapse falls due 18 months after enrolment, 5 Jul 2027);
    // the lot expires 1 Feb 2028, more than 90 days on.
    expect(await get(api, '/loyalty/liability?dealerId=d-sh-01&asOf=2027-06-01T00:00:00%2B08:00')).toEqual([
      expect.objectContaining({
        activeMembers: 1,
        outstandingPoints: 600,
        expiringWithin30Days: 0,
        expiringWithin90Days: 0,
      }),
    ]);
  });
});
