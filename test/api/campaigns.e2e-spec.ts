import { prospectBody, salesApi, settleSales } from '../support/sales-api';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

const json = { 'content-type': 'application/json' };
const D1 = 'd-sh-01';
const D2 = 'd-bj-02';
const CMP = 'cmp-spring-2026';
/** An instant in China Standard Time, `MM-DD` and `hh:mm`. */
const cst = (day: string, time: string) => `2026-${day}T${time}:00+08:00`;

/**
 * Campaigns over HTTP (issue 18 §4), on one small scenario written out here:
 *
 * Campaign CMP, channel social, launched 02-25, period 03-01..03-15 (CST), dealers D1 and D2.
 * Cost lines: 1 = 1 200 000 fen booked to D1; 2 = 800 000 fen to the network. Total 2 000 000.
 * Prospects at D1 registered with campaignId CMP:
 *   p-in  registered 03-05 10:00 (inside the period), ordered 03-10;
 *   p-out registered 03-20 10:00 (outside 03-01..03-15);
 *   p-none registered 03-06 without a campaign (never counts).
 *
 * Effect with period 03-01..03-15 (follow-on until 03-15 + 30 days = 04-14):
 *   total:  prospects 1 (p-in), orders 1, leads 0, cost 2 000 000
 *           cost per prospect 2 000 000 / 1 = 2 000 000; per sale 2 000 000 / 1 = 2 000 000; per lead null (0 leads)
 *   D1 row: prospects 1, orders 1, cost 1 200 000 (network line not in it), per prospect and per sale 1 200 000
 *   D2 row: all 0, cost 0, every ratio null (rows in dealer-id order: D2 = d-bj-02 first)
 * After revising the period to 03-01..03-20 (follow-on until 03-20 + 30 = 04-19), p-out counts too:
 *   total:  prospects 2, orders 1, cost 2 000 000; per prospect 2 000 000 / 2 = 1 000 000; per sale 2 000 000
 *   D1 row: prospects 2, cost 1 200 000; per prospect 1 200 000 / 2 = 600 000; per sale 1 200 000
 */
describe('Campaigns: launch, cost lines, period revision, closing, list, details and effect', () => {
  const clock = testClock('2026-04-05T00:00:00.000Z');
  let api: TestApp;
  let sales: ReturnType<typeof salesApi>;
  let oem: Record<string, string>;
  let d1: Record<string, string>;

  beforeAll(async () => {
    api = await startTestApp({ clock });
    sales = salesApi(api);
    oem = { ...json, ...(await api.as({ role: 'oem-staff', userId: 'oem-zhao' })) };
    d1 = { ...json, ...(await api.as({ role: 'dealer-manager', dealerId: D1, userId: 'dm-sh' })) };
  });
  afterAll(async () => {
    await api.close();
  });

  const post = async (url: string, headers: Record<string, string>, payload: object = {}) => {
    const response = await api.request({ method: 'POST', url, headers, payload });
    return { status: response.statusCode, body: response.json() };
  };
  const get = async (url: string, headers: Record<string, string>) => {
    const response = await api.request({ method: 'GET', url, headers });
    return { status: response.statusCode, body: response.json() };
  };
  const order = (prospectId: string, day: string) =>
    sales.orderOn(prospectId, (time) => cst(day, time), cst('04-20', '10:00'));
  const nothing = { leads: 0, prospects: 0, testDrives: 0, orders: 0, deliveries: 0 };
  const noRatios = { costPerLeadFen: null, costPerProspectFen: null, costPerSaleFen: null };

  it('launches a campaign, books two cost lines and refuses a bad body with the field named', async () => {
    const launch = {
      campaignId: CMP,
      title: 'Spring test-drive weekend',
      channel: 'social',
      period: { from: '2026-03-01', to: '2026-03-15' },
      dealerIds: [D2, D1],
      budgetFen: 5_000_000,
      occurredAt: cst('02-25', '09:00'),
    };
    const bad = await post('/campaigns', oem, { ...launch, channel: 'carrier-pigeon' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('channel');

    const launched = await post('/campaigns', oem, launch);
    expect(launched.status).toBe(201);
    expect(launched.body.id).toBe(CMP);
    const again = await post('/campaigns', oem, { ...launch, channel: 'tv' });
    expect([again.status, again.body.code]).toEqual([409, 'CAMPAIGN_ALREADY_LAUNCHED']);
    // A dealer manager does not run campaigns.
    expect((await post(`/campaigns/${CMP}/cost-lines`, d1, { amountFen: 1, note: 'x' })).status).toBe(403);
    // A cost booked to a dealer the campaign does not run at is refused.
    const stranger = await post(`/campaigns/${CMP}/cost-lines`, oem, {
      amountFen: 100,
      dealerId: 'd-gz-03',
      note: 'Wrong dealer',
    });
    expect([stranger.status, stranger.body.code]).toEqual([422, 'CAMPAIGN_DEALER_NOT_IN_CAMPAIGN']);
    for (const line of [
      { amountFen: 1_200_000, dealerId: D1, note: 'WeChat moments ads, Shanghai' },
      { amountFen: 800_000, note: 'National KOL video' },
    ])
      expect(
        (await post(`/campaigns/${CMP}/cost-lines`, oem, { ...line, occurredAt: cst('03-02', '09:00') }))
          .status,
      ).toBe(200);
  });

  it('counts the prospect registered inside the period, not the one outside or without a campaign', async () => {
    for (const [prospectId, phone, at, campaignId] of [
      ['p-in', '13900000001', cst('03-05', '10:00'), CMP],
      ['p-out', '13900000002', cst('03-20', '10:00'), CMP],
      ['p-none', '13900000003', cst('03-06', '10:00'), undefined],
    ] as const)
      expect(
        (await sales.register({ ...prospectBody(prospectId, phone, { campaignId }), occurredAt: at })).status,
      ).toBe(201);
    await order('p-in', '03-10');
    await settleSales(api);

    const effect = await get(`/campaigns/${CMP}/effect`, oem);
    expect(effect.status).toBe(200);
    expect(effect.body).toEqual({
      campaignId: CMP,
      channel: 'social',
      period: { from: '2026-03-01', to: '2026-03-15' },
      followOnUntil: '2026-04-14',
      dealerId: null,
      ...nothing,
      prospects: 1,
      orders: 1,
      costFen: 2_000_000,
      costPerLeadFen: null,
      costPerProspectFen: 2_000_000,
      costPerSaleFen: 2_000_000,
      // The campaign's dealers sorted: d-bj-02 (D2) before d-sh-01 (D1).
      byDealer: [
        { dealerId: D2, ...nothing, costFen: 0, ...noRatios },
        {
          dealerId: D1,
          ...nothing,
          prospects: 1,
          orders: 1,
          costFen: 1_200_000,
          costPerLeadFen: null,
          costPerProspectFen: 1_200_000,
          costPerSaleFen: 1_200_000,
        },
      ],
    });
  });

  it('shows a dealer manager its own dealer only, and refuses another dealer', async () => {
    const own = await get(`/campaigns/${CMP}/effect`, d1);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ dealerId: D1, prospects: 1, orders: 1, costFen: 1_200_000 });
    expect(own.body.byDealer.map((row: { dealerId: string }) => row.dealerId)).toEqual([D1]);
    const other = await get(`/campaigns/${CMP}/effect?dealerId=${D2}`, d1);
    expect([other.status, other.body.code]).toEqual([403, 'DEALER_FORBIDDEN']);
    // The campaign itself is the OEM's record.
    expect((await get(`/campaigns/${CMP}`, d1)).status).toBe(403);
  });

  it('revises the period so the later prospect counts, then closes and refuses a cost line', async () => {
    const revised = await post(`/campaigns/${CMP}/period-revisions`, oem, {
      period: { from: '2026-03-01', to: '2026-03-20' },
      reason: 'Extended: the motor show moved',
      occurredAt: cst('03-14', '09:00'),
    });
    expect(revised.status).toBe(200);
    await api.settle();
    const effect = await get(`/campaigns/${CMP}/effect`, oem);
    expect(effect.body).toMatchObject({
      period: { from: '2026-03-01', to: '2026-03-20' },
      followOnUntil: '2026-04-19',
      prospects: 2,
      orders: 1,
      costFen: 2_000_000,
      costPerProspectFen: 1_000_000,
      costPerSaleFen: 2_000_000,
    });
    expect(effect.body.byDealer[1]).toMatchObject({
      dealerId: D1,
      prospects: 2,
      costPerProspectFen: 600_000,
    });

    expect((await post(`/campaigns/${CMP}/closing`, oem, { occurredAt: cst('03-31', '18:00') })).status).toBe(
      200,
    );
    const late = await post(`/campaigns/${CMP}/cost-lines`, oem, { amountFen: 100, note: 'Late invoice' });
    expect([late.status, late.body.code]).toEqual([422, 'CAMPAIGN_CLOSED']);
    await api.settle();

    const details = await get(`/campaigns/${CMP}`, oem);
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({
      campaignId: CMP,
      status: 'closed',
      dealerIds: [D2, D1].sort(),
      period: { from: '2026-03-01', to: '2026-03-20' },
    });
    expect(
      details.body.costLines.map((l: { line: number; amountFen: number }) => [l.line, l.amountFen]),
    ).toEqual([
      [1, 1_200_000],
      [2, 800_000],
    ]);
    const list = await get('/campaigns?status=closed', oem);
    expect([list.status, list.body.total, list.body.items[0].campaignId]).toEqual([200, 1, CMP]);
    expect((await get('/campaigns?status=running', oem)).body.total).toBe(0);
  });

  it('answers 404 for an unknown campaign', async () => {
    for (const [method, url] of [
      ['GET', '/campaigns/cmp-unknown'],
      ['GET', '/campaigns/cmp-unknown/effect'],
      ['POST', '/campaigns/cmp-unknown/cost-lines'],
    ] as const) {
      const answer =
        method === 'GET' ? await get(url, oem) : await post(url, oem, { amountFen: 100, note: 'Nothing' });
      expect([url, answer.status, answer.body.code]).toEqual([url, 404, 'CAMPAIGN_NOT_FOUND']);
    }
  });
});
