import { enrol, get, LOYALTY_TEST_PROJECTIONS, post } from '../support/loyalty-api';
import { startTestApp, type TestApp, testClock } from '../support/test-app';

describe('loyalty club: concurrent redemptions never overdraw a balance', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({
      clock: testClock('2026-03-01T10:00:00+08:00'),
      projections: LOYALTY_TEST_PROJECTIONS,
    });
    await enrol(api, 'cu-c', '2026-01-05T10:00:00+08:00');
    const credit = await post(api, '/memberships/cu-c/adjustments', {
      adjustmentId: 'adj-1',
      delta: 1_000,
      reason: 'welcome',
    });
    expect(credit.statusCode).toBe(200);
  });
  afterAll(async () => {
    await api.close();
  });

  it('lets through at most the balance when 25 redemptions of 70 (1,750 in all) arrive at once', async () => {
    const responses = await Promise.all(
      Array.from({ length: 25 }, (_, n) =>
        post(api, '/memberships/cu-c/redemptions', { redemptionId: `rd-${n}`, points: 70, gift: 'keyring' }),
      ),
    );
    const outcomes = responses.map((r) => (r.statusCode === 200 ? 200 : `${r.statusCode} ${r.json().code}`));
    for (const outcome of outcomes) {
      expect([200, '409 WRONG_EXPECTED_REVISION', '422 INSUFFICIENT_POINTS']).toContain(outcome);
    }
    const redeemed = (await api.eventStore.readStream('membership-cu-c')).filter(
      (e) => e.type === 'PointsRedeemed',
    );
    const total = redeemed.reduce((sum, event) => sum + Number(event.data.amount), 0);
    expect(redeemed).toHaveLength(outcomes.filter((outcome) => outcome === 200).length);
    expect(total).toBeLessThanOrEqual(1_000);
    expect(total).toBeGreaterThan(0);
    await api.settle();
    const balance = await get(api, '/memberships/cu-c');
    expect(balance.spendablePoints).toBe(1_000 - total);
    expect(balance.spendablePoints).toBeGreaterThanOrEqual(0);
    // Every lot paid no more than it held.
    const drawn = redeemed.flatMap((event) => event.data.draws as Array<{ amount: number }>);
    expect(drawn.reduce((sum, draw) => sum + draw.amount, 0)).toBe(total);
  });
});
