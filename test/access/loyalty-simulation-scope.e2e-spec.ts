import { DEFAULT_LOYALTY_RULES } from '../../src/domain/membership/loyalty-rules';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

const json = { 'content-type': 'application/json' };
const PERIOD = { from: '2026-01-01T00:00:00+08:00', to: '2026-07-01T00:00:00+08:00' };
const { version: _version, ...LIVE_RULES } = DEFAULT_LOYALTY_RULES;

/**
 * Issue 13: the rule simulation is dealer-scoped like the liability. Members cu-la (home d-a, credited
 * 300 points on 1 Feb) and cu-lb (home d-b, credited 700). Nothing expires or lapses within the half
 * year (lots last 24 months, a lapse takes 18), so with the live rules each dealer's figures are its
 * member's credit: adjusted = liability = 300 for d-a and 700 for d-b, 1,000 for the network.
 */
describe('the loyalty rule simulation and dealer tenancy', () => {
  let api: TestApp;
  const as: Record<string, { authorization: string }> = {};
  const simulate = (who: string, extra: object = {}) =>
    api.request({
      method: 'POST',
      url: '/loyalty/simulations',
      headers: { ...json, ...as[who] },
      payload: { ...PERIOD, rules: LIVE_RULES, ...extra },
    });
  const figures = (adjusted: number, byDealer: Record<string, number>) => ({
    pointsIssued: 0,
    pointsRedeemed: 0,
    pointsExpired: 0,
    pointsForfeited: 0,
    pointsAdjusted: adjusted,
    liability: adjusted,
    liabilityByDealer: byDealer,
    redemptionsRefused: 0,
  });

  beforeAll(async () => {
    api = await startTestApp({ clock: testClock('2026-07-02T00:00:00.000Z') });
    as.managerA = await api.as({ role: 'dealer-manager', dealerId: 'd-a', userId: 'dm-a' });
    as.analyst = await api.as({ role: 'analyst', userId: 'an-1' });
    for (const [customerId, homeDealerId, delta] of [
      ['cu-la', 'd-a', 300],
      ['cu-lb', 'd-b', 700],
    ] as const) {
      for (const [url, payload] of [
        [
          '/memberships',
          {
            customerId,
            cardNumber: `C-${customerId}`,
            homeDealerId,
            occurredAt: '2026-01-10T10:00:00+08:00',
          },
        ],
        [
          `/memberships/${customerId}/adjustments`,
          {
            adjustmentId: `adj-${customerId}`,
            delta,
            reason: 'welcome credit',
            occurredAt: '2026-02-01T10:00:00+08:00',
          },
        ],
      ] as const) {
        const response = await api.request({ method: 'POST', url, headers: json, payload });
        expect([url, response.statusCode]).toEqual([url, url === '/memberships' ? 201 : 200]);
      }
    }
  });
  afterAll(async () => {
    await api.close();
  });

  it("gives a dealer manager their own dealer's figures only, never another dealer's liability", async () => {
    const response = await simulate('managerA');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      dealerId: 'd-a',
      live: figures(300, { 'd-a': 300 }),
      simulated: figures(300, { 'd-a': 300 }),
    });
    const named = await simulate('managerA', { dealerId: 'd-a' });
    expect(named.json()).toMatchObject({ dealerId: 'd-a', live: figures(300, { 'd-a': 300 }) });
  });

  it('refuses a dealer manager who names another dealer with 403 DEALER_FORBIDDEN, as the liability does', async () => {
    const liability = await api.request({
      method: 'GET',
      url: '/loyalty/liability?dealerId=d-b',
      headers: as.managerA,
    });
    expect([liability.statusCode, liability.json().code]).toEqual([403, 'DEALER_FORBIDDEN']);
    const response = await simulate('managerA', { dealerId: 'd-b' });
    expect([response.statusCode, response.json().code]).toEqual([403, 'DEALER_FORBIDDEN']);
  });

  it('gives the network to a network-wide role, or the one dealer it names', async () => {
    const network = await simulate('analyst');
    expect(network.json()).toMatchObject({
      dealerId: null,
      live: figures(1_000, { 'd-a': 300, 'd-b': 700 }),
    });
    const one = await simulate('analyst', { dealerId: 'd-b' });
    expect(one.json()).toMatchObject({ dealerId: 'd-b', live: figures(700, { 'd-b': 700 }) });
  });
});
