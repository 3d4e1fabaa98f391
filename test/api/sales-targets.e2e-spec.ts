import { salesApi, settleSales } from '../support/sales-api';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

/**
 * Targets and the pipeline forecast of dealer d-sh-01, February–March 2026, over HTTP. Times are China
 * Standard Time; "now" is 16 March 12:00 CST. Every figure below is worked out by hand from this table.
 *
 * | id  | consultant | model  | registered (grade) | what happened                                           | open now |
 * |-----|------------|--------|--------------------|---------------------------------------------------------|----------|
 * | p1  | sc-li      | Lavida | 20 Feb 10:00 (A)   | order 27 Feb 10:00; delivered 3 Mar 10:00               | no       |
 * | p2  | sc-li      | Lavida | 02 Mar 10:00 (H)   | order 5 Mar 10:00; delivered 12 Mar 16:00               | no       |
 * | p3  | sc-wu      | Tiguan | 03 Mar 10:00 (A)   | order 8 Mar 10:00; cancelled 11 Mar 10:00 → open as A   | A 11 Mar |
 * | p4  | sc-wu      | Lavida | 04 Mar 10:00 (H)   | order 14 Mar 10:00                                      | no       |
 * | p5  | sc-li      | Passat | 01 Mar 10:00 (B)   | regraded H on 10 Mar 10:00                              | H 10 Mar |
 * | p6  | sc-wu      | Tiguan | 05 Feb 10:00 (C)   | nothing more                                            | C 5 Feb  |
 * | p7  | sc-li      | Lavida | 10 Feb 10:00 (A)   | nothing more                                            | A 10 Feb |
 * | p8  | sc-wu      | Lavida | 12 Mar 10:00 (B)   | nothing more                                            | B 12 Mar |
 * | p9  | sc-li      | Tiguan | 02 Mar 10:00 (A)   | lost 9 Mar 10:00 (price)                                | no       |
 *
 * March targets, set 25 Feb by the dealer manager: dealer 10 orders / 8 deliveries; sc-li 4 / 3; sc-wu 5 / 4;
 * model Lavida 6 / 5. OEM staff revise sc-wu to 3 / 2 on 10 Mar 10:00 ("Tiguan allocation cut").
 */
const DEALER = 'd-sh-01';
const cst = (when: string) => `2026-${when.slice(0, 5)}T${when.slice(6)}:00+08:00`;
const NOW = '2026-03-16T04:00:00.000Z'; // 16 March 12:00 CST

describe('sales targets and the pipeline forecast over HTTP', () => {
  const clock = testClock(NOW);
  let api: TestApp;
  let sales: ReturnType<typeof salesApi>;
  let manager: { authorization: string };
  let oem: { authorization: string };
  const saleOf: Record<string, string> = {};

  const as = (headers: { authorization: string }) => ({
    post: (url: string, payload: object, extra: Record<string, string> = {}) =>
      sales.post(url, payload, { ...headers, ...extra }),
  });
  const register = async (id: string, consultantId: string, model: string, grade: string, when: string) => {
    const answer = await sales.register({
      prospectId: id,
      dealerId: DEALER,
      consultantId,
      channel: 'walk-in',
      contact: { name: `客户 ${id}`, phone: `1381234${id.slice(1).padStart(4, '0')}` },
      modelOfInterest: model,
      grade,
      occurredAt: cst(when),
    });
    expect(answer.status).toBe(201);
  };
  /** Presented, quoted and ordered at one time: the steps an order needs. */
  const order = async (id: string, model: string, when: string) => {
    for (const [step, body] of [
      ['presentations', { model }],
      ['quotes', { model, listPriceFen: 15_000_000, discountFen: 0, financeOption: 'cash' }],
    ] as const)
      expect((await sales.prospect(id, step, { ...body, occurredAt: cst(when) })).status).toBe(200);
    const answer = await sales.prospect(id, 'order', {
      model,
      listPriceFen: 15_000_000,
      discountFen: 0,
      payment: 'cash',
      promisedDeliveryAt: cst('03-31 18:00'),
      occurredAt: cst(when),
    });
    if (answer.status !== 201) throw new Error(`order ${id}: ${JSON.stringify(answer.body)}`);
    saleOf[id] = answer.body.saleId;
  };
  const deliver = (id: string, when: string) =>
    sales.deliver(saleOf[id], `LSVAA4182E21000${id.slice(1).padStart(2, '0')}`, {
      settled: cst(when),
      delivered: cst(when),
    });
  const target = (line: object, orders: number, deliveries: number) =>
    as(manager).post('/sales/targets', {
      dealerId: DEALER,
      month: '2026-03',
      ...line,
      orders,
      deliveries,
      occurredAt: cst('02-25 10:00'),
    });
  const report = async (query: string) => {
    const answer = await sales.get(`/sales/targets?${query}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const forecast = async (query: string) => {
    const answer = await sales.get(`/sales/forecast?dealerId=${DEALER}&from=2026-02&to=2026-05${query}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  beforeAll(async () => {
    api = await startTestApp({ clock });
    sales = salesApi(api);
    manager = await api.as({ role: 'dealer-manager', dealerId: DEALER, userId: 'dm-wang' });
    oem = await api.as({ role: 'oem-staff', userId: 'oem-zhang' });

    await register('p6', 'sc-wu', 'Tiguan', 'C', '02-05 10:00');
    await register('p7', 'sc-li', 'Lavida', 'A', '02-10 10:00');
    await register('p1', 'sc-li', 'Lavida', 'A', '02-20 10:00');
    for (const [line, orders, deliveries] of [
      [{ level: 'dealer' }, 10, 8],
      [{ level: 'consultant', consultantId: 'sc-li' }, 4, 3],
      [{ level: 'consultant', consultantId: 'sc-wu' }, 5, 4],
      [{ level: 'model', model: 'Lavida' }, 6, 5],
    ] as const)
      expect((await target(line, orders, deliveries)).status).toBe(201);
    await order('p1', 'Lavida', '02-27 10:00');
    await register('p5', 'sc-li', 'Passat', 'B', '03-01 10:00');
    await register('p2', 'sc-li', 'Lavida', 'H', '03-02 10:00');
    await register('p9', 'sc-li', 'Tiguan', 'A', '03-02 10:00');
    await deliver('p1', '03-03 10:00');
    await register('p3', 'sc-wu', 'Tiguan', 'A', '03-03 10:00');
    await register('p4', 'sc-wu', 'Lavida', 'H', '03-04 10:00');
    await order('p2', 'Lavida', '03-05 10:00');
    await order('p3', 'Tiguan', '03-08 10:00');
    expect(
      (
        await sales.prospect('p9', 'grade', {
          grade: 'F',
          lostReason: 'price',
          occurredAt: cst('03-09 10:00'),
        })
      ).status,
    ).toBe(200);
    expect((await sales.prospect('p5', 'grade', { grade: 'H', occurredAt: cst('03-10 10:00') })).status).toBe(
      200,
    );
    const revised = await as(oem).post('/sales/targets/revisions', {
      dealerId: DEALER,
      month: '2026-03',
      level: 'consultant',
      consultantId: 'sc-wu',
      orders: 3,
      deliveries: 2,
      reason: 'Tiguan allocation cut',
      occurredAt: cst('03-10 10:00'),
    });
    expect(revised.status).toBe(200);
    expect(
      (await sales.sale(saleOf.p3, 'cancel', { reason: 'Loan refused', occurredAt: cst('03-11 10:00') }))
        .status,
    ).toBe(200);
    await register('p8', 'sc-wu', 'Lavida', 'B', '03-12 10:00');
    await deliver('p2', '03-12 16:00');
    await order('p4', 'Lavida', '03-14 10:00');
    await settleSales(api);
  });
  afterAll(async () => {
    await api.close();
  });

  it('reports March in progress: attainment against the latest revision, and the run rate', async () => {
    // Orders signed in March, not cancelled: p2 (sc-li, Lavida), p4 (sc-wu, Lavida); p3's was cancelled.
    // Delivered in March: p1 (sc-li, Lavida; ordered in February), p2 (sc-li, Lavida).
    // 16 of 31 days begun: run rate 2 ÷ 16 × 31 = 3.875 → 3.88; 1 ÷ 16 × 31 = 1.9375 → 1.94.
    expect(await report(`dealerId=${DEALER}&month=2026-03`)).toEqual({
      dealerId: DEALER,
      month: '2026-03',
      asOf: NOW,
      monthStatus: 'in-progress',
      daysInMonth: 31,
      daysElapsed: 16,
      lines: [
        {
          level: 'dealer',
          consultantId: null,
          model: null,
          target: {
            orders: 10,
            deliveries: 8,
            revision: 1,
            at: '2026-02-25T02:00:00.000Z',
            reason: null,
            by: 'dm-wang',
          },
          actual: { orders: 2, deliveries: 2 },
          attainment: { orders: 0.2, deliveries: 0.25 }, // 2/10, 2/8
          runRate: { orders: 3.88, deliveries: 3.88 },
        },
        {
          level: 'consultant',
          consultantId: 'sc-li',
          model: null,
          target: {
            orders: 4,
            deliveries: 3,
            revision: 1,
            at: '2026-02-25T02:00:00.000Z',
            reason: null,
            by: 'dm-wang',
          },
          actual: { orders: 1, deliveries: 2 },
          attainment: { orders: 0.25, deliveries: 0.6667 }, // 1/4, 2/3
          runRate: { orders: 1.94, deliveries: 3.88 },
        },
        {
          level: 'consultant',
          consultantId: 'sc-wu',
          model: null,
          target: {
            orders: 3,
            deliveries: 2,
            revision: 2,
            at: '2026-03-10T02:00:00.000Z',
            reason: 'Tiguan allocation cut',
            by: 'oem-zhang',
          },
          actual: { orders: 1, deliveries: 0 },
          attainment: { orders: 0.3333, deliveries: 0 }, // 1/3, 0/2
          runRate: { orders: 1.94, deliveries: 0 },
        },
        {
          level: 'model',
          consultantId: null,
          model: 'Lavida',
          target: {
            orders: 6,
            deliveries: 5,
            revision: 1,
            at: '2026-02-25T02:00:00.000Z',
            reason: null,
            by: 'dm-wang',
          },
          actual: { orders: 2, deliveries: 2 },
          attainment: { orders: 0.3333, deliveries: 0.4 }, // 2/6, 2/5
          runRate: { orders: 3.88, deliveries: 3.88 },
        },
      ],
    });
  });

  it('reports March as of 9 March: the target before its revision, p3’s order not yet cancelled', async () => {
    // By 9 Mar 12:00: orders p2 (sc-li, Lavida) and p3 (sc-wu, Tiguan); delivered p1 only. 9 of 31 days:
    // 2 ÷ 9 × 31 = 6.888… → 6.89; 1 ÷ 9 × 31 = 3.444… → 3.44.
    const body = await report(
      `dealerId=${DEALER}&month=2026-03&asOf=${encodeURIComponent(cst('03-09 12:00'))}`,
    );
    expect([body.monthStatus, body.daysElapsed]).toEqual(['in-progress', 9]);
    expect(
      body.lines.map((line: Record<string, { orders: number } | string | null>) => [
        line.consultantId ?? line.model ?? line.level,
        line.target && (line.target as { orders: number }).orders,
        line.actual,
        line.attainment,
        line.runRate,
      ]),
    ).toEqual([
      [
        'dealer',
        10,
        { orders: 2, deliveries: 1 },
        { orders: 0.2, deliveries: 0.125 },
        { orders: 6.89, deliveries: 3.44 },
      ],
      [
        'sc-li',
        4,
        { orders: 1, deliveries: 1 },
        { orders: 0.25, deliveries: 0.3333 },
        { orders: 3.44, deliveries: 3.44 },
      ],
      [
        'sc-wu',
        5,
        { orders: 1, deliveries: 0 },
        { orders: 0.2, deliveries: 0 },
        { orders: 3.44, deliveries: 0 },
      ],
      [
        'Lavida',
        6,
        { orders: 1, deliveries: 1 },
        { orders: 0.1667, deliveries: 0.2 },
        { orders: 3.44, deliveries: 3.44 },
      ],
      // No Tiguan target: listed for its actual, with no attainment.
      [
        'Tiguan',
        null,
        { orders: 1, deliveries: 0 },
        { orders: null, deliveries: null },
        { orders: 3.44, deliveries: 0 },
      ],
    ]);
  });

  it('reports February, a past month with no targets: actuals only, no run rate', async () => {
    // p1 was ordered on 27 Feb (sc-li, Lavida) and delivered in March.
    const body = await report(`dealerId=${DEALER}&month=2026-02`);
    expect([body.monthStatus, body.daysInMonth, body.daysElapsed]).toEqual(['past', 28, 28]);
    expect(body.lines).toEqual([
      expect.objectContaining({
        level: 'dealer',
        target: null,
        actual: { orders: 1, deliveries: 0 },
        runRate: null,
      }),
      expect.objectContaining({ consultantId: 'sc-li', actual: { orders: 1, deliveries: 0 } }),
      expect.objectContaining({ model: 'Lavida', attainment: { orders: null, deliveries: null } }),
    ]);
  });

  it('forecasts open prospects by expected month with the default weights, beside actual orders', async () => {
    // Open: p7 A 10 Feb + 14 = 24 Feb; p5 H 10 Mar + 7 = 17 Mar; p3 A (reopened 11 Mar) + 14 = 25 Mar;
    // p8 B 12 Mar + 21 = 2 Apr; p6 C 5 Feb + 90 = 6 May (23 + 31 + 30 + 6 days).
    // Weighted: Feb 0.7; Mar 0.9 + 0.7 = 1.6; Apr 0.4; May 0.1. Orders: Feb p1; Mar p2, p4 (p3 cancelled).
    const body = await forecast('');
    expect(body.weightSet).toMatchObject({ version: 1, weights: { H: 0.9, A: 0.7, B: 0.4, C: 0.1 } });
    expect(body.months).toEqual([
      { month: '2026-02', open: { H: 0, A: 1, B: 0, C: 0 }, weighted: 0.7, actualOrders: 1 },
      { month: '2026-03', open: { H: 1, A: 1, B: 0, C: 0 }, weighted: 1.6, actualOrders: 2 },
      { month: '2026-04', open: { H: 0, A: 0, B: 1, C: 0 }, weighted: 0.4, actualOrders: 0 },
      { month: '2026-05', open: { H: 0, A: 0, B: 0, C: 1 }, weighted: 0.1, actualOrders: 0 },
    ]);
    // sc-li alone: p7 (Feb, 0.7) and p5 (Mar, 0.9); orders p1 (Feb) and p2 (Mar).
    const mine = await forecast('&consultantId=sc-li');
    expect(
      mine.months.map((m: { weighted: number; actualOrders: number }) => [m.weighted, m.actualOrders]),
    ).toEqual([
      [0.7, 1],
      [0.9, 1],
      [0, 0],
      [0, 0],
    ]);
  });

  it('versions the weights: a new set is effective from its day, and a forecast may name a version', async () => {
    const set = await as(oem).post('/sales/forecast/weights', {
      effectiveFrom: '2026-04-01',
      weights: { H: 0.8, A: 0.5, B: 0.3, C: 0.05 },
      horizonDays: { H: 7, A: 14, B: 28, C: 60 },
      reason: 'H converted at 0.8 over Q1',
    });
    expect(set.status).toBe(201);
    await api.settle();
    const sets = await sales.get('/sales/forecast/weights');
    expect([sets.body.inForce, sets.body.versions.map((v: { version: number }) => v.version)]).toEqual([
      1,
      [1, 2],
    ]);
    expect(sets.body.versions[1]).toMatchObject({ effectiveFrom: '2026-04-01', setBy: 'oem-zhang' });
    // Version 2: p7 A 24 Feb (0.5); p5 H 17 Mar (0.8) and p3 A 25 Mar (0.5) = 1.3; p8 B 12 Mar + 28 = 9 Apr
    // (0.3) and p6 C 5 Feb + 60 = 6 Apr (0.05) = 0.35; nothing left in May.
    const weighed = await forecast('&weightsVersion=2');
    expect(weighed.weightSet.version).toBe(2);
    expect(weighed.months.map((m: { month: string; weighted: number }) => [m.month, m.weighted])).toEqual([
      ['2026-02', 0.5],
      ['2026-03', 1.3],
      ['2026-04', 0.35],
      ['2026-05', 0],
    ]);
    const missing = await sales.get(
      `/sales/forecast?dealerId=${DEALER}&from=2026-02&to=2026-05&weightsVersion=9`,
    );
    expect([missing.status, missing.body.code]).toEqual([404, 'FORECAST_WEIGHTS_VERSION_NOT_FOUND']);
    clock.set('2026-04-01T00:00:00.000Z'); // 1 April 08:00 CST: version 2 is in force
    try {
      expect((await sales.get('/sales/forecast/weights')).body.inForce).toBe(2);
    } finally {
      clock.set(NOW);
    }
  });

  it('refuses what the rules forbid, and appends nothing on a retried set', async () => {
    const again = await target({ level: 'dealer' }, 12, 8);
    expect([again.status, again.body.code]).toEqual([422, 'SALES_TARGET_ALREADY_SET']);
    const noReason = await as(manager).post('/sales/targets/revisions', {
      dealerId: DEALER,
      month: '2026-03',
      level: 'dealer',
      orders: 12,
      deliveries: 8,
    });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('reason');
    const otherDealer = await sales.post(
      '/sales/targets',
      { dealerId: 'd-bj-02', month: '2026-03', level: 'dealer', orders: 5, deliveries: 5 },
      { ...manager },
    );
    expect([otherDealer.status, otherDealer.body.code]).toEqual([403, 'DEALER_FORBIDDEN']);
    const past = await as(oem).post('/sales/forecast/weights', {
      effectiveFrom: '2026-03-15',
      weights: { H: 0.8, A: 0.5, B: 0.3, C: 0.05 },
      horizonDays: { H: 7, A: 14, B: 28, C: 60 },
      reason: 'backdated',
    });
    expect([past.status, past.body.code]).toEqual([422, 'FORECAST_WEIGHTS_EFFECTIVE_TOO_EARLY']);
    const badRange = await sales.get(`/sales/forecast?dealerId=${DEALER}&from=2026-05&to=2026-02`);
    expect(badRange.status).toBe(400);

    const april = {
      dealerId: DEALER,
      month: '2026-04',
      level: 'model',
      model: 'Tiguan',
      orders: 3,
      deliveries: 2,
    };
    const key = { 'idempotency-key': 'target-april-tiguan' };
    const first = await as(manager).post('/sales/targets', april, key);
    const head = await api.eventStore.headPosition();
    const retry = await as(manager).post('/sales/targets', april, key);
    expect([first.status, retry.status, retry.headers['idempotent-replayed']]).toEqual([201, 201, 'true']);
    expect(await api.eventStore.headPosition()).toBe(head);
  });

  it('keeps a dealer manager to their own dealer’s report', async () => {
    const other = await api.as({ role: 'dealer-manager', dealerId: 'd-bj-02' });
    const answer = await api.request({
      method: 'GET',
      url: `/sales/targets?dealerId=${DEALER}&month=2026-03`,
      headers: other,
    });
    expect([answer.statusCode, answer.json().code]).toEqual([403, 'DEALER_FORBIDDEN']);
  });
});
