import { saleIdOf } from '../../src/application/sales/order-prospect.handler';
import { vehicleSaleStreamId } from '../../src/domain/vehicle-sale/vehicle-sale.decider';
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
 *
 * Age band and province: p-1..p-5 order with a 上海 (31) resident ID number, p-6 with none. Ordered on
 * 20 February 2026 (CST); check characters by hand (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11
 * looked up in 1 0 X 9 8 7 6 5 4 3 2):
 *   p-1 310101199103011235 born 1991-03-01: 21+9+0+5+0+4+2+9+54+3+0+27+0+5+8+8+6 = 161, mod 11 = 7 → 5;
 *       34 at ordering (35 by its delivery on 2 March: counted 25-34, the band at ordering)
 *   p-2 310101199103061232 born 1991-03-06: 21+9+0+5+0+4+2+9+54+3+0+27+0+30+8+8+6 = 186, mod 11 = 10 → 2; 34
 *   p-3 310104199508150013 born 1995-08-15: 21+9+0+5+0+16+2+9+54+15+0+72+10+25+0+0+2 = 240, mod 11 = 9 → 3; 30
 *   p-4 310115200001010024 born 2000-01-01: 21+9+0+5+8+20+4+0+0+0+0+9+0+5+0+0+4 = 85, mod 11 = 8 → 4; 26
 *   p-5 310110199205200017 born 1992-05-20: 21+9+0+5+8+0+2+9+54+6+0+45+20+0+0+0+2 = 181, mod 11 = 5 → 7; 33
 * D1: 25-34 5, 31 上海 5. Network: 25-34 5, unknown 1 → "<5"; 31 上海 5, unknown "<5". D2: unknown "<5".
 * p-7 (D1) orders with 310101199103061233 (the check character should be 2): 422, nothing appended.
 */
const BUYER_IDS: Record<number, string> = {
  1: '310101199103011235',
  2: '310101199103061232',
  3: '310104199508150013',
  4: '310115200001010024',
  5: '310110199205200017',
};
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
      const buyer = BUYER_IDS[n] ? { idNumber: BUYER_IDS[n], address: '上海市黄浦区' } : undefined;
      await sales.orderOn(
        prospectId,
        (time) => `2026-02-20T${time}:00+08:00`,
        '2026-03-20T10:00:00+08:00',
        buyer,
      );
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
    byAgeBand: [],
    byProvince: [],
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
        byAgeBand: [{ value: '25-34', customers: 5 }],
        byProvince: [{ value: '31', name: '上海', customers: 5 }],
      },
      owners: nobody,
    });
    expect(JSON.stringify(answer.body)).not.toMatch(/cu-p-|Customer p-|1390000|310101/);
    const other = await get(`/sales/customer-characteristics?${MARCH}&dealerId=${D2}`, d1);
    expect([other.status, other.body.code]).toEqual([403, 'DEALER_FORBIDDEN']);
  });

  it('gives the OEM the network, and suppresses a dealer with one buyer', async () => {
    const network = await get(`/sales/customer-characteristics?${MARCH}`, oem);
    expect(network.body).toMatchObject({
      dealerId: null,
      buyers: {
        customers: 6,
        vehicles: 6,
        byModel: [{ value: 'ID.4', customers: 6 }],
        byAgeBand: [
          { value: '25-34', customers: 5 },
          { value: 'unknown', customers: '<5' },
        ],
        byProvince: [
          { value: '31', name: '上海', customers: 5 },
          { value: 'unknown', name: null, customers: '<5' },
        ],
      },
    });
    const d2 = await get(`/sales/customer-characteristics?${MARCH}&dealerId=${D2}`, oem);
    expect(d2.body.buyers).toEqual({
      customers: '<5',
      vehicles: '<5',
      byModel: [{ value: 'ID.4', customers: '<5' }],
      byChannel: [{ value: 'walk-in', customers: '<5' }],
      byPayment: [{ value: 'cash', customers: '<5' }],
      byRepeat: [{ value: 'first', customers: '<5' }],
      byAgeBand: [{ value: 'unknown', customers: '<5' }],
      byProvince: [{ value: 'unknown', name: null, customers: '<5' }],
    });
  });

  it('stores only the two codes in clear beside the encrypted ID number', async () => {
    const [signed] = await api.eventStore.readStream(vehicleSaleStreamId(saleIdOf('p-1')));
    expect(signed).toMatchObject({
      type: 'OrderSigned',
      schemaVersion: 3,
      data: { buyerProfile: { ageBand: '25-34', province: '31' } },
    });
    expect((signed!.data.customer as Record<string, string>).idNumber).toMatch(/^pii:1:idNumber:cu-p-1:/);
    expect(JSON.stringify(signed!.data)).not.toContain('310101199103011235');
  });

  it('refuses an order with an invalid resident ID number, naming the fault, appending nothing', async () => {
    const sales = salesApi(api);
    const at = (time: string) => `2026-02-21T${time}:00+08:00`;
    await sales.register({ ...prospectBody('p-7', '13900001007'), occurredAt: at('08:00') });
    await sales.prospect('p-7', 'presentations', { model: 'ID.4', occurredAt: at('09:00') });
    await sales.prospect('p-7', 'quotes', {
      model: 'ID.4',
      listPriceFen: 20_000_000,
      discountFen: 0,
      financeOption: 'cash',
      occurredAt: at('09:30'),
    });
    const refused = await sales.prospect('p-7', 'order', {
      model: 'ID.4',
      listPriceFen: 20_000_000,
      discountFen: 0,
      payment: 'cash',
      promisedDeliveryAt: '2026-03-20T10:00:00+08:00',
      buyer: { idNumber: '310101199103061233' },
      occurredAt: at('10:00'),
    });
    expect([refused.status, refused.body.code]).toEqual([422, 'SALE_RESIDENT_ID_INVALID']);
    expect(JSON.stringify(refused.body)).toContain('buyer.idNumber');
    expect(JSON.stringify(refused.body)).toContain('checksum');
    expect(JSON.stringify(refused.body)).not.toContain('310101199103061233');
    expect(await api.eventStore.readStream(vehicleSaleStreamId(saleIdOf('p-7')))).toEqual([]);
  });

  it('refuses a consultant, and a span that ends before it starts', async () => {
    expect((await get(`/sales/customer-characteristics?${MARCH}`, consultant)).status).toBe(403);
    const bad = await get('/sales/customer-characteristics?from=2026-03&to=2026-02', oem);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('to');
  });
});
