import { saleIdOf } from '../../src/application/sales/order-prospect.handler';
import { prospectBody, salesApi, settleSales } from '../support/sales-api';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

const json = { 'content-type': 'application/json' };
const D1 = 'd-sh-01';
const D2 = 'd-bj-02';
/** An instant in China Standard Time, `MM-DD` and `hh:mm`. */
const cst = (day: string, time: string) => `2026-${day}T${time}:00+08:00`;

/**
 * The campaigns' effect by channel over HTTP (issue 18 §4), on a scenario written out here.
 * Span asked: 03-01..03-31.
 *   cmp-a  social 03-01..03-15, dealers D1, D2; cost 600 000 to D1 + 400 000 network = 1 000 000
 *   cmp-b  social 03-20..04-10, dealer D1;      cost 300 000 to D1
 *   cmp-c  tv     02-10..03-01, dealer D2;      cost 500 000 to D2  (overlaps the span on its last day)
 *   cmp-d  print  04-01..04-30, dealer D1;      cost 700 000 to D1  (no overlap: never counts here)
 * Records:
 *   l-a1  lead at D1, cmp-a, handed 03-03                             → cmp-a D1: a lead
 *   p-a1  D1, cmp-a, registered 03-02, ordered 03-05, delivered 03-12 → cmp-a D1: prospect, order, delivery
 *   p-a2  D2, cmp-a, registered 03-04, test drive 03-06               → cmp-a D2: prospect, test drive
 *   p-b1  D1, cmp-b, registered 03-22, ordered 04-02 (in the window)  → cmp-b D1: prospect, order
 *   p-c1  D2, cmp-c, registered 02-20, ordered 03-03                  → cmp-c D2: prospect, order
 *   p-d1  D1, cmp-d, registered 04-05                                 → cmp-d only
 * Network (no dealerId): cmp-a, cmp-b, cmp-c count.
 *   social = a + b: leads 1, prospects 2 + 1 = 3, drives 1, orders 1 + 1 = 2, deliveries 1,
 *                   cost 1 000 000 + 300 000 = 1 300 000; per lead 1 300 000; per prospect
 *                   1 300 000 / 3 = 433 333.3 → 433 333; per sale 1 300 000 / 2 = 650 000
 *   tv = c:         prospects 1, orders 1, cost 500 000; per lead null; per prospect and sale 500 000
 *   total:          campaigns 3, leads 1, prospects 4, drives 1, orders 3, deliveries 1, cost 1 800 000;
 *                   per lead 1 800 000; per prospect 450 000; per sale 600 000
 * Dealer D1 (its manager, or dealerId=d-sh-01): cmp-a and cmp-b (cmp-c is D2's), D1's rows only:
 *   social:         leads 1, prospects 1 + 1 = 2, drives 0, orders 2, deliveries 1, cost 600 000 + 300 000
 *                   = 900 000 (the network line left out); per lead 900 000; per prospect and sale 450 000
 * Dealer D2 (OEM with dealerId=d-bj-02): cmp-a's D2 row and cmp-c:
 *   social:         prospects 1, drives 1, cost 0; per prospect 0; per lead and sale null
 *   tv:             prospects 1, orders 1, cost 500 000; per prospect and sale 500 000
 * Span 04-11..04-30: only cmp-d (print): prospects 1, cost 700 000.
 */
describe('Campaigns: the effect by channel over the campaigns of a span', () => {
  const clock = testClock('2026-04-20T00:00:00.000Z');
  let api: TestApp;
  let oem: Record<string, string>;
  let d1: Record<string, string>;

  const post = async (url: string, headers: Record<string, string>, payload: object) => {
    const response = await api.request({ method: 'POST', url, headers, payload });
    if (![200, 201].includes(response.statusCode))
      throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  };
  const get = async (url: string, headers: Record<string, string>) => {
    const response = await api.request({ method: 'GET', url, headers });
    return { status: response.statusCode, body: response.json() };
  };

  beforeAll(async () => {
    api = await startTestApp({ clock });
    const sales = salesApi(api);
    oem = { ...json, ...(await api.as({ role: 'oem-staff', userId: 'oem-zhao' })) };
    d1 = { ...json, ...(await api.as({ role: 'dealer-manager', dealerId: D1, userId: 'dm-sh' })) };
    for (const [campaignId, channel, from, to, dealerIds, lines] of [
      ['cmp-a', 'social', '03-01', '03-15', [D1, D2], [[600_000, D1], [400_000]]],
      ['cmp-b', 'social', '03-20', '04-10', [D1], [[300_000, D1]]],
      ['cmp-c', 'tv', '02-10', '03-01', [D2], [[500_000, D2]]],
      ['cmp-d', 'print', '04-01', '04-30', [D1], [[700_000, D1]]],
    ] as const) {
      await post('/campaigns', oem, {
        campaignId,
        title: `Campaign ${campaignId}`,
        channel,
        period: { from: `2026-${from}`, to: `2026-${to}` },
        dealerIds,
        budgetFen: 5_000_000,
        occurredAt: cst('02-01', '09:00'),
      });
      for (const [amountFen, dealerId] of lines)
        await post(`/campaigns/${campaignId}/cost-lines`, oem, {
          amountFen,
          dealerId,
          note: 'Media',
          occurredAt: cst('02-02', '09:00'),
        });
    }
    await post('/leads', oem, {
      leadId: 'l-a1',
      dealerId: D1,
      source: 'website',
      model: 'ID.4',
      campaignId: 'cmp-a',
      customer: { customerId: 'cu-l-a1', name: 'Customer l-a1', phone: '13900001001' },
      occurredAt: cst('03-03', '10:00'),
    });
    for (const [prospectId, dealerId, campaignId, day, n] of [
      ['p-a1', D1, 'cmp-a', '03-02', 1],
      ['p-a2', D2, 'cmp-a', '03-04', 2],
      ['p-b1', D1, 'cmp-b', '03-22', 3],
      ['p-c1', D2, 'cmp-c', '02-20', 4],
      ['p-d1', D1, 'cmp-d', '04-05', 5],
    ] as const) {
      const registered = await sales.register({
        ...prospectBody(prospectId, `1390000200${n}`, { dealerId, campaignId }),
        occurredAt: cst(day, '10:00'),
      });
      expect(registered.status).toBe(201);
    }
    for (const [prospectId, day] of [
      ['p-a1', '03-05'],
      ['p-b1', '04-02'],
      ['p-c1', '03-03'],
    ] as const)
      await sales.orderOn(prospectId, (time) => cst(day, time), cst('04-30', '10:00'));
    for (const [step, body] of [
      ['presentations', { model: 'ID.4', occurredAt: cst('03-06', '14:00') }],
      [
        'test-drives/bookings',
        { model: 'ID.4', scheduledFor: cst('03-06', '15:00'), occurredAt: cst('03-06', '14:30') },
      ],
      ['test-drives', { occurredAt: cst('03-06', '15:00') }],
    ] as const)
      expect((await sales.prospect('p-a2', step, body)).status).toBe(200);
    await sales.deliver(saleIdOf('p-a1'), 'LSVCMPCH000000001', {
      settled: cst('03-10', '10:00'),
      delivered: cst('03-12', '10:00'),
    });
    await settleSales(api);
  }, 120_000);
  afterAll(async () => {
    await api.close();
  });

  const nothing = { leads: 0, prospects: 0, testDrives: 0, orders: 0, deliveries: 0 };
  const MARCH = 'from=2026-03-01&to=2026-03-31';

  it('sums the network’s campaigns of the span by channel, ratios from the sums', async () => {
    const answer = await get(`/campaigns/effect-by-channel?${MARCH}`, oem);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      span: { from: '2026-03-01', to: '2026-03-31' },
      dealerId: null,
      campaigns: 3,
      leads: 1,
      prospects: 4,
      testDrives: 1,
      orders: 3,
      deliveries: 1,
      costFen: 1_800_000,
      costPerLeadFen: 1_800_000,
      costPerProspectFen: 450_000,
      costPerSaleFen: 600_000,
      byChannel: [
        {
          channel: 'social',
          campaignIds: ['cmp-a', 'cmp-b'],
          leads: 1,
          prospects: 3,
          testDrives: 1,
          orders: 2,
          deliveries: 1,
          costFen: 1_300_000,
          costPerLeadFen: 1_300_000,
          costPerProspectFen: 433_333,
          costPerSaleFen: 650_000,
        },
        {
          channel: 'tv',
          campaignIds: ['cmp-c'],
          ...nothing,
          prospects: 1,
          orders: 1,
          costFen: 500_000,
          costPerLeadFen: null,
          costPerProspectFen: 500_000,
          costPerSaleFen: 500_000,
        },
      ],
    });
  });

  it('shows a dealer manager its own campaigns and part only, and refuses another dealer', async () => {
    const own = await get(`/campaigns/effect-by-channel?${MARCH}`, d1);
    expect(own.status).toBe(200);
    const d1Social = {
      leads: 1,
      prospects: 2,
      testDrives: 0,
      orders: 2,
      deliveries: 1,
      costFen: 900_000,
      costPerLeadFen: 900_000,
      costPerProspectFen: 450_000,
      costPerSaleFen: 450_000,
    };
    expect(own.body).toEqual({
      span: { from: '2026-03-01', to: '2026-03-31' },
      dealerId: D1,
      campaigns: 2,
      ...d1Social,
      byChannel: [{ channel: 'social', campaignIds: ['cmp-a', 'cmp-b'], ...d1Social }],
    });
    expect((await get(`/campaigns/effect-by-channel?${MARCH}&dealerId=${D1}`, oem)).body).toEqual(own.body);
    const other = await get(`/campaigns/effect-by-channel?${MARCH}&dealerId=${D2}`, d1);
    expect([other.status, other.body.code]).toEqual([403, 'DEALER_FORBIDDEN']);
  });

  it('gives the OEM one dealer’s part of each campaign run there', async () => {
    const d2 = await get(`/campaigns/effect-by-channel?${MARCH}&dealerId=${D2}`, oem);
    expect(d2.status).toBe(200);
    expect(d2.body.campaigns).toBe(2);
    expect(d2.body.byChannel).toEqual([
      {
        channel: 'social',
        campaignIds: ['cmp-a'],
        ...nothing,
        prospects: 1,
        testDrives: 1,
        costFen: 0,
        costPerLeadFen: null,
        costPerProspectFen: 0,
        costPerSaleFen: null,
      },
      {
        channel: 'tv',
        campaignIds: ['cmp-c'],
        ...nothing,
        prospects: 1,
        orders: 1,
        costFen: 500_000,
        costPerLeadFen: null,
        costPerProspectFen: 500_000,
        costPerSaleFen: 500_000,
      },
    ]);
  });

  it('takes only the campaigns whose period overlaps the span', async () => {
    const april = await get('/campaigns/effect-by-channel?from=2026-04-11&to=2026-04-30', oem);
    expect(april.status).toBe(200);
    expect(april.body).toMatchObject({ campaigns: 1, prospects: 1, costFen: 700_000 });
    expect(april.body.byChannel.map((row: { channel: string }) => row.channel)).toEqual(['print']);
    const january = await get('/campaigns/effect-by-channel?from=2026-01-01&to=2026-01-31', oem);
    expect(january.body).toMatchObject({ campaigns: 0, ...nothing, costFen: 0, byChannel: [] });
  });

  it('refuses a span that ends before it starts or is not made of days, naming the field', async () => {
    for (const [query, field] of [
      ['from=2026-03-31&to=2026-03-01', 'to'],
      ['from=2026-03&to=2026-03-31', 'from'],
      ['to=2026-03-31', 'from'],
    ] as const) {
      const answer = await get(`/campaigns/effect-by-channel?${query}`, oem);
      expect([query, answer.status]).toEqual([query, 400]);
      expect(JSON.stringify(answer.body)).toContain(field);
    }
  });
});
