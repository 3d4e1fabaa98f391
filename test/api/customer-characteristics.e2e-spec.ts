import { saleIdOf } from '../../src/application/sales/order-prospect.handler';
import { prospectBody, salesApi, settleSales } from '../support/sales-api';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

const json = { 'content-type': 'application/json' };
const D1 = 'd-sh-01';
const D2 = 'd-bj-02';
const march = (day: string) => (time: string) => `2026-03-${day}T${time}:00+08:00`;

/**
 * Customer characteristics over HTTP (issue 18 §7), on a scenario written out here. Every prospect is a
 * walk-in registered in February; each orders an ID.4 on cash terms (`orderOn`) and takes delivery in March.
 *   D1: p-1..p-5 (customers cu-p-1..cu-p-5), delivered 03-02..03-06
 *   D2: p-6 (cu-p-6), delivered 03-07
 * D1's March (its manager): buyers 5 customers, 5 vehicles; ID.4 5, walk-in 5, cash 5, first 5 (none had a
 * vehicle before); owners: none (no repair order) → customers "<5" (0 is fewer than 5), no cells.
 * The network's March (OEM): 6 customers; ID.4 6, walk-in 6, cash 6, first 6.
 * D2's March (OEM with dealerId): 1 customer → "<5" everywhere.
 */
describe('Customer characteristics: aggregates of buyers and owners, small cells suppressed', () => {
  const clock = testClock('2026-04-05T00:00:00.000Z');
  let api: TestApp;
  let oem: Record<string, string>;
  let d1: Record<string, string>;
  let consultant: Record<string, string>;

  beforeAll(async () => {
    api = await startTestApp({ clock });
    const sales = salesApi(api);
    oem = { ...json, ...(await api.as({ role: 'oem-staff', userId: 'oem-zhao' })) };
    d1 = { ...json, ...(await api.as({ role: 'dealer-manager', dealerId: D1, userId: 'dm-sh' })) };
    consultant = { ...json, ...(await api.as({ role: 'sales-consultant', dealerId: D1, userId: 'sc-li' })) };
    for (const n of [1, 2, 3, 4, 5, 6]) {
      const prospectId = `p-${n}`;
      const dealerId = n === 6 ? D2 : D1;
      const registered = await sales.register({
        ...prospectBody(prospectId, `1390000100${n}`, { dealerId }),
        occurredAt: '2026-02-10T10:00:00+08:00',
      });
      expect(registered.status).toBe(201);
      await sales.orderOn(prospectId, (time) => `2026-02-20T${time}:00+08:00`, '2026-03-20T10:00:00+08:00');
      await sales.deliver(saleIdOf(prospectId), `LSVCHAR000000000${n}`, {
        settled: march('01')('10:00'),
        delivered: march(`0${n + 1}`)('10:00'),
      });
    }
    await settleSales(api);
  }, 120_000);
  afterAll(async () => {
    await api.close();
  });

  const get = async (url: string, headers: Record<string, string>) => {
    const response = await api.request({ method: 'GET', url, headers });
    return { status: response.statusCode, body: response.json() };
  };
  const MARCH = 'from=2026-03&to=2026-03';
  const nobody = {
    customers: '<5',
    vehicles: '<5',
    byModel: [],
    byChannel: [],
    byPayment: [],
    byRepeat: [],
  };

  it('shows a dealer manager its own dealer’s buyers as counts only', async () => {
    const answer = await get(`/sales/customer-characteristics?${MARCH}`, d1);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      from: '2026-03',
      to: '2026-03',
      dealerId: D1,
      suppressedBelow: 5,
      buyers: {
        customers: 5,
        vehicles: 5,
        byModel: [{ value: 'ID.4', customers: 5 }],
        byChannel: [{ value: 'walk-in', customers: 5 }],
        byPayment: [{ value: 'cash', customers: 5 }],
        byRepeat: [{ value: 'first', customers: 5 }],
      },
      owners: nobody,
    });
    expect(JSON.stringify(answer.body)).not.toMatch(/cu-p-|Customer p-|1390000/);
    const other = await get(`/sales/customer-characteristics?${MARCH}&dealerId=${D2}`, d1);
    expect([other.status, other.body.code]).toEqual([403, 'DEALER_FORBIDDEN']);
  });

  it('gives the OEM the network, and suppresses a dealer with one buyer', async () => {
    const network = await get(`/sales/customer-characteristics?${MARCH}`, oem);
    expect(network.body).toMatchObject({
      dealerId: null,
      buyers: { customers: 6, vehicles: 6, byModel: [{ value: 'ID.4', customers: 6 }] },
    });
    const d2 = await get(`/sales/customer-characteristics?${MARCH}&dealerId=${D2}`, oem);
    expect(d2.body.buyers).toEqual({
      customers: '<5',
      vehicles: '<5',
      byModel: [{ value: 'ID.4', customers: '<5' }],
      byChannel: [{ value: 'walk-in', customers: '<5' }],
      byPayment: [{ value: 'cash', customers: '<5' }],
      byRepeat: [{ value: 'first', customers: '<5' }],
    });
  });

  it('refuses a consultant, and a span that ends before it starts', async () => {
    expect((await get(`/sales/customer-characteristics?${MARCH}`, consultant)).status).toBe(403);
    const bad = await get('/sales/customer-characteristics?from=2026-03&to=2026-02', oem);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('to');
  });
});
