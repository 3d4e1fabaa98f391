import { saleIdOf } from '../../src/application/sales/order-prospect.handler';
import { prospectBody, salesApi } from '../support/sales-api';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

const json = { 'content-type': 'application/json' };

/**
 * The dealer data centre over HTTP, on three dealers and two figures written out here (March 2026, CST):
 *
 * | dealer  | walk-in groups logged          | OEM leads handed |
 * |---------|--------------------------------|------------------|
 * | d-ddc-1 | 4 on 03-02 + 3 on 03-09 = 7    | 2                |
 * | d-ddc-2 | 7 on 03-10                     | 6                |
 * | d-ddc-3 | 3 on 03-11                     | 0                |
 *
 * walk-ins: 7, 7, 3 → ranks 1, 1, 3 (the tie shares 1, the next skips to 3); d-ddc-3's 3 is "<5";
 *           median of 3, 7, 7 = 7.
 * leads:    2, 6, 0 → ranks 2, 1, 3; 2 and 0 are "<5" (their ranks still use the true values);
 *           median of 0, 2, 6 = 2.
 * prospects: none registered → 0 everywhere, all "<5", all rank 1, median 0.
 * closing rate: no prospect registered → no value (null, unranked), median null.
 * callback success rate, over the 7-day delivery calls due in March (prospects registered and ordered in
 * February, so March's prospect figures stay empty): d-ddc-1 delivered 5 vehicles on 2–6 March (due 9–13
 * March), 4 reached on the sale's callback → 4 ÷ 5 = 0.8 over 5 customers (shown); d-ddc-2 delivered 1, reached
 * → 1 ÷ 1 = 1, over 1 customer: "<5", yet ranked 1 on its true value; d-ddc-1 rank 2; d-ddc-3 has no task
 * due (null, unranked); median of 0.8 and 1 = 0.9.
 */
describe('DDC: every dealer side by side for a month', () => {
  const clock = testClock('2026-04-05T00:00:00.000Z');
  let api: TestApp;
  let admin: Record<string, string>;
  let oem: Record<string, string>;

  beforeAll(async () => {
    api = await startTestApp({ clock });
    admin = { ...json, ...(await api.as({ role: 'admin', userId: 'admin-ddc' })) };
    oem = { ...json, ...(await api.as({ role: 'oem-staff', userId: 'oem-ddc' })) };
    const post = async (url: string, payload: object) => {
      const response = await api.request({ method: 'POST', url, headers: admin, payload });
      expect([200, 201]).toContain(response.statusCode);
    };
    const walkIns = (dealerId: string, date: string, groups: number) =>
      post('/showroom-traffic', { dealerId, date, groups, occurredAt: `${date}T18:00:00+08:00` });
    await walkIns('d-ddc-1', '2026-03-02', 4);
    await walkIns('d-ddc-1', '2026-03-09', 3);
    await walkIns('d-ddc-2', '2026-03-10', 7);
    await walkIns('d-ddc-3', '2026-03-11', 3);
    const hand = (leadId: string, dealerId: string, index: number) =>
      post('/leads', {
        leadId,
        dealerId,
        source: 'hotline',
        model: 'ID.4',
        customer: { customerId: `cu-${leadId}`, name: `Customer ${leadId}`, phone: `1390000${1000 + index}` },
        occurredAt: `2026-03-0${1 + index}T10:00:00+08:00`,
      });
    let index = 0;
    for (const [dealerId, count] of [
      ['d-ddc-1', 2],
      ['d-ddc-2', 6],
    ] as const)
      for (let n = 0; n < count; n += 1) await hand(`l-ddc-${dealerId}-${n}`, dealerId, index++);
    const sales = salesApi(api);
    const february = (time: string) => `2026-02-10T${time}:00+08:00`;
    let vehicle = 0;
    for (const [dealerId, reached] of [
      ['d-ddc-1', [true, true, true, true, false]],
      ['d-ddc-2', [true]],
    ] as const)
      for (const [n, isReached] of reached.entries()) {
        vehicle += 1;
        const prospectId = `p-ddc-${dealerId}-${n}`;
        const registered = await sales.register({
          ...prospectBody(prospectId, `1380000${2000 + vehicle}`, { dealerId }),
          occurredAt: february('08:00'),
        });
        expect(registered.status).toBe(201);
        await sales.orderOn(prospectId, february, '2026-03-31T10:00:00+08:00');
        const day = `2026-03-0${2 + n}`;
        await sales.deliver(saleIdOf(prospectId), `LSVDDC00000000${String(vehicle).padStart(3, '0')}`, {
          settled: february('12:00'),
          delivered: `${day}T10:00:00+08:00`,
        });
        if (isReached)
          expect(
            (
              await sales.sale(saleIdOf(prospectId), 'callback', {
                reached: true,
                occurredAt: `2026-03-1${n}T10:00:00+08:00`,
              })
            ).status,
          ).toBe(200);
      }
    await api.settle();
  }, 120_000);
  afterAll(async () => {
    await api.close();
  });

  const monthly = async (headers: Record<string, string>, month = '2026-03') => {
    const response = await api.request({ method: 'GET', url: `/ddc/monthly?month=${month}`, headers });
    return { status: response.statusCode, body: response.json() };
  };
  type Figure = { figure: string; median: number | null; unavailable: string | null; cells: object[] };
  const figure = (body: { figures: Figure[] }, name: string) => body.figures.find((f) => f.figure === name)!;

  it('ranks with ties sharing (1, 1, 3), medians over true values, and "<5" cells', async () => {
    const { status, body } = await monthly(oem);
    expect(status).toBe(200);
    expect(body.dealers).toEqual(['d-ddc-1', 'd-ddc-2', 'd-ddc-3']);
    expect(figure(body, 'walkIns')).toMatchObject({
      median: 7,
      cells: [
        { dealerId: 'd-ddc-1', value: 7, rank: 1 },
        { dealerId: 'd-ddc-2', value: 7, rank: 1 },
        { dealerId: 'd-ddc-3', value: '<5', rank: 3 },
      ],
    });
    expect(figure(body, 'leads')).toMatchObject({
      median: 2,
      cells: [
        { dealerId: 'd-ddc-1', value: '<5', rank: 2 },
        { dealerId: 'd-ddc-2', value: 6, rank: 1 },
        { dealerId: 'd-ddc-3', value: '<5', rank: 3 },
      ],
    });
    expect(figure(body, 'prospects')).toMatchObject({
      median: 0,
      cells: [
        { value: '<5', rank: 1 },
        { value: '<5', rank: 1 },
        { value: '<5', rank: 1 },
      ],
    });
    expect(figure(body, 'closingRate')).toMatchObject({
      median: null,
      cells: [
        { value: null, rank: null },
        { value: null, rank: null },
        { value: null, rank: null },
      ],
    });
    expect(figure(body, 'churn')).toMatchObject({ direction: 'lower-is-better' });
    expect(figure(body, 'callbackSuccessRate')).toMatchObject({
      median: 0.9,
      unavailable: null,
      cells: [
        { dealerId: 'd-ddc-1', value: 0.8, rank: 2 },
        { dealerId: 'd-ddc-2', value: '<5', rank: 1 },
        { dealerId: 'd-ddc-3', value: null, rank: null },
      ],
    });
  });

  it('a month with no facts has no dealers; a bad month is a 400 naming the field', async () => {
    expect((await monthly(oem, '2026-01')).body).toMatchObject({ month: '2026-01', dealers: [] });
    const bad = await monthly(oem, '2026-13');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('month');
  });

  it('refuses a dealer-bound role, even for its own row', async () => {
    const dealer = {
      ...json,
      ...(await api.as({ role: 'dealer-manager', dealerId: 'd-ddc-1', userId: 'dm-ddc' })),
    };
    expect((await monthly(dealer)).status).toBe(403);
  });
});
