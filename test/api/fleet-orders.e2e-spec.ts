import { type FleetPeople, fleetHttp, fleetPeople } from '../support/fleet-api';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

const DEALER = 'd-sh-01';
const FA = 'fa-shentong';
const V1 = 'LSVAB4BR5MN000001';
const V2 = 'LSVAB4BR5MN000002';
const V3 = 'LSVAB4BR5MN000003';
const V4 = 'LSVAB4BR5MN000004';
/** An instant in China Standard Time, `MM-DD` and `hh:mm`. */
const cst = (day: string, time = '10:00') => `2026-${day}T${time}:00+08:00`;
/** The same instant as the API stores it (UTC). */
const utc = (day: string, time = '10:00') => new Date(cst(day, time)).toISOString();

/**
 * Fleet orders over HTTP (issue 18 §2), on one small scenario written out here. Dealer d-sh-01; now is
 * 5 April 2026 08:00 CST.
 *
 * 03-01 09:00 sc-wang opens FA (上海申通物流) as its account manager. The dealer manager sets March targets for
 *             the dealer: 10 orders, 5 deliveries.
 * 03-05 10:00 sc-wang signs fo-1 for FA, lease, delivery promised 03-20 18:00:
 *             line 1 Lavida   × 2 at 15 000 000 − 1 000 000 = 14 000 000 → 28 000 000
 *             line 2 Tiguan L × 1 at 25 000 000 −   500 000 = 24 500 000 → 24 500 000
 *             total 28 000 000 + 24 500 000 = 52 500 000 fen, 3 vehicles.
 * 03-06 10:00 V1 and V2 allocated to line 1, V3 to line 2.
 * 03-10 10:00 the dealer manager signs fo-2 for FA with sc-li as its consultant: Polo × 2 at 9 000 000 (no
 *             discount) = 18 000 000; 03-12 10:00 cancelled ("budget cut").
 * 03-18 10:00 V1 delivered (before the promise: on time); registered on FA at 03-18 10:00 by the reactor.
 * 04-01 00:30 V3 delivered (after the promise: late) — 31 March 16:30 UTC, an April delivery in CST.
 * V2 stays undelivered: fo-1 is `signed` with 3 allocated and 2 delivered.
 *
 * By hand:
 *   FA's vehicles: V1 from 03-18 10:00, V3 from 04-01 00:30; on the account now 2; KPIs as of 03-31 23:59: 1.
 *   March targets (past month, as of now): orders fo-1's 3 vehicles (fo-2 cancelled: not counted) → dealer
 *     3 ÷ 10 = 0.3; deliveries V1 → 1 ÷ 5 = 0.2. sc-wang 3 orders, 1 delivery; Lavida 2 orders, 1 delivery;
 *     Tiguan L 1 order, 0 deliveries; sc-li and Polo not listed (no target, nothing counted).
 *   March as of 03-10 12:00: fo-1's 3 and fo-2's 2 (not yet cancelled) = 5 orders, 0 deliveries;
 *     sc-li 2, Polo 2.
 *   April (in progress, 5 of 30 days begun): orders 0; deliveries V3 (Tiguan L, sc-wang) 1; run rate
 *     1 ÷ 5 × 30 = 6.
 */
describe('Fleet orders: sign, allocate, deliver, cancel; the order, the account’s vehicles and the targets', () => {
  const clock = testClock('2026-04-05T00:00:00.000Z');
  let api: TestApp;
  let wang: FleetPeople['wang'];
  let li: FleetPeople['li'];
  let dm: FleetPeople['dm'];
  let otherDm: FleetPeople['otherDm'];
  let oem: FleetPeople['oem'];

  beforeAll(async () => {
    api = await startTestApp({ clock });
    ({ wang, li, dm, otherDm, oem } = await fleetPeople(api, DEALER));
  });
  afterAll(async () => {
    await api.close();
  });

  const { post, get } = fleetHttp(() => api);

  const fo1 = {
    orderId: 'fo-1',
    accountId: FA,
    dealerId: DEALER,
    consultantId: 'sc-wang',
    lines: [
      { model: 'Lavida', quantity: 2, listPriceFen: 15_000_000, discountFen: 1_000_000 },
      { model: 'Tiguan L', quantity: 1, listPriceFen: 25_000_000, discountFen: 500_000 },
    ],
    payment: 'lease',
    promisedDeliveryAt: cst('03-20', '18:00'),
    occurredAt: cst('03-05'),
  };

  it('opens the account and sets March’s targets', async () => {
    const opened = await post('/fleet/accounts', wang, {
      accountId: FA,
      dealerId: DEALER,
      companyName: '上海申通物流有限公司',
      accountManagerId: 'sc-wang',
      occurredAt: cst('03-01', '09:00'),
    });
    expect(opened.status).toBe(201);
    const target = await post('/sales/targets', dm, {
      dealerId: DEALER,
      month: '2026-03',
      level: 'dealer',
      orders: 10,
      deliveries: 5,
      occurredAt: cst('03-01', '09:00'),
    });
    expect(target.status).toBe(201);
  });

  it('signs fo-1 (201 with its Location); refuses a bad body, one vehicle, an unknown account, a twin and strangers', async () => {
    const bad = await post('/fleet/orders', wang, {
      ...fo1,
      lines: [{ ...fo1.lines[0], quantity: 0 }],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('quantity');
    const single = await post('/fleet/orders', wang, {
      ...fo1,
      lines: [{ ...fo1.lines[0], quantity: 1 }],
    });
    expect([single.status, single.body.code]).toEqual([422, 'FLEET_ORDER_TOO_FEW_VEHICLES']);
    const negative = await post('/fleet/orders', wang, {
      ...fo1,
      lines: [{ ...fo1.lines[0], discountFen: 15_000_001 }],
    });
    expect([negative.status, negative.body.code]).toEqual([422, 'FLEET_ORDER_DISCOUNT_EXCEEDS_PRICE']);
    const unknown = await post('/fleet/orders', wang, { ...fo1, accountId: 'fa-nobody' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'FLEET_ACCOUNT_NOT_FOUND']);
    const forLi = await post('/fleet/orders', wang, { ...fo1, consultantId: 'sc-li' });
    expect([forLi.status, forLi.body.code]).toEqual([403, 'OWNER_FORBIDDEN']);
    const elsewhere = await post('/fleet/orders', otherDm, fo1);
    expect([elsewhere.status, elsewhere.body.code]).toEqual([403, 'DEALER_FORBIDDEN']);
    // The other dealer's manager naming their own dealer: the account is not theirs.
    const notTheirs = await post('/fleet/orders', otherDm, { ...fo1, dealerId: 'd-bj-02' });
    expect([notTheirs.status, notTheirs.body.code]).toEqual([422, 'FLEET_ORDER_ACCOUNT_OF_ANOTHER_DEALER']);

    const signed = await post('/fleet/orders', wang, fo1);
    expect(signed.status).toBe(201);
    expect(signed.body.id).toBe('fo-1');
    expect(signed.location).toBe('/fleet/orders/fo-1');
    const twin = await post('/fleet/orders', wang, fo1);
    expect([twin.status, twin.body.code]).toEqual([409, 'FLEET_ORDER_ALREADY_SIGNED']);
  });

  it('allocates three VINs; refuses a full line, a VIN twice, a line that is not there, a date before signing', async () => {
    for (const [vin, lineNo] of [
      [V1, 1],
      [V2, 1],
      [V3, 2],
    ] as const)
      expect(
        (await post('/fleet/orders/fo-1/vehicles', wang, { vin, lineNo, occurredAt: cst('03-06') })).status,
      ).toBe(200);
    const refusals: Array<[object, string]> = [
      [{ vin: V4, lineNo: 2, occurredAt: cst('03-07') }, 'FLEET_ORDER_LINE_FULL'],
      [{ vin: V1, lineNo: 2, occurredAt: cst('03-07') }, 'FLEET_ORDER_VIN_ALREADY_ALLOCATED'],
      [{ vin: V4, lineNo: 3, occurredAt: cst('03-07') }, 'FLEET_ORDER_LINE_NOT_FOUND'],
      [{ vin: V4, lineNo: 1, occurredAt: cst('03-04') }, 'FLEET_ORDER_FACT_BEFORE_SIGNING'],
    ];
    for (const [payload, code] of refusals) {
      const refused = await post('/fleet/orders/fo-1/vehicles', wang, payload);
      expect([refused.status, refused.body.code]).toEqual([422, code]);
    }
    const badVin = await post('/fleet/orders/fo-1/vehicles', wang, { vin: 'LSVAB4BR5MN00000I', lineNo: 1 });
    expect(badVin.status).toBe(400);
    expect(JSON.stringify(badVin.body)).toContain('vin');
    const unknown = await post('/fleet/orders/fo-nobody/vehicles', wang, { vin: V4, lineNo: 1 });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'FLEET_ORDER_NOT_FOUND']);
  });

  it('signs and cancels fo-2 for sc-li; sc-wang may not work it', async () => {
    const signed = await post('/fleet/orders', dm, {
      ...fo1,
      orderId: 'fo-2',
      consultantId: 'sc-li',
      lines: [{ model: 'Polo', quantity: 2, listPriceFen: 9_000_000, discountFen: 0 }],
      occurredAt: cst('03-10'),
    });
    expect(signed.status).toBe(201);
    const byWang = await post('/fleet/orders/fo-2/cancellation', wang, {
      reason: 'budget cut',
      occurredAt: cst('03-12'),
    });
    expect([byWang.status, byWang.body.code]).toEqual([403, 'OWNER_FORBIDDEN']);
    const noReason = await post('/fleet/orders/fo-2/cancellation', li, { occurredAt: cst('03-12') });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('reason');
    expect(
      (await post('/fleet/orders/fo-2/cancellation', li, { reason: 'budget cut', occurredAt: cst('03-12') }))
        .status,
    ).toBe(200);
    const after = await post('/fleet/orders/fo-2/vehicles', li, {
      vin: V4,
      lineNo: 1,
      occurredAt: cst('03-13'),
    });
    expect([after.status, after.body.code]).toEqual([422, 'FLEET_ORDER_CANCELLED']);
  });

  it('delivers V1 and V3; refuses a VIN not allocated, a second delivery and a cancellation after one', async () => {
    expect(
      (await post('/fleet/orders/fo-1/deliveries', wang, { vin: V1, occurredAt: cst('03-18') })).status,
    ).toBe(200);
    expect(
      (await post('/fleet/orders/fo-1/deliveries', wang, { vin: V3, occurredAt: cst('04-01', '00:30') }))
        .status,
    ).toBe(200);
    const stranger = await post('/fleet/orders/fo-1/deliveries', wang, { vin: V4, occurredAt: cst('04-02') });
    expect([stranger.status, stranger.body.code]).toEqual([422, 'FLEET_ORDER_VIN_NOT_ALLOCATED']);
    const again = await post('/fleet/orders/fo-1/deliveries', wang, { vin: V1, occurredAt: cst('04-02') });
    expect([again.status, again.body.code]).toEqual([422, 'FLEET_ORDER_VIN_ALREADY_DELIVERED']);
    const cancel = await post('/fleet/orders/fo-1/cancellation', wang, {
      reason: 'too late',
      occurredAt: cst('04-02'),
    });
    expect([cancel.status, cancel.body.code]).toEqual([422, 'FLEET_ORDER_DELIVERY_STARTED']);
  });

  it('shows fo-1 with its lines, VINs, totals and status, figures worked out by hand above', async () => {
    await api.settle();
    const order = await get('/fleet/orders/fo-1', wang);
    expect(order.status).toBe(200);
    expect(order.body).toEqual({
      orderId: 'fo-1',
      accountId: FA,
      dealerId: DEALER,
      consultantId: 'sc-wang',
      payment: 'lease',
      promisedDeliveryAt: utc('03-20', '18:00'),
      signedAt: utc('03-05'),
      lines: [
        {
          lineNo: 1,
          model: 'Lavida',
          quantity: 2,
          listPriceFen: 15_000_000,
          discountFen: 1_000_000,
          priceFen: 14_000_000,
          lineTotalFen: 28_000_000,
          allocated: [
            { vin: V1, allocatedAt: utc('03-06') },
            { vin: V2, allocatedAt: utc('03-06') },
          ],
          delivered: [{ vin: V1, deliveredAt: utc('03-18'), onTime: true }],
        },
        {
          lineNo: 2,
          model: 'Tiguan L',
          quantity: 1,
          listPriceFen: 25_000_000,
          discountFen: 500_000,
          priceFen: 24_500_000,
          lineTotalFen: 24_500_000,
          allocated: [{ vin: V3, allocatedAt: utc('03-06') }],
          delivered: [{ vin: V3, deliveredAt: utc('04-01', '00:30'), onTime: false }],
        },
      ],
      vehicles: 3,
      allocatedVehicles: 3,
      deliveredVehicles: 2,
      totalFen: 52_500_000,
      status: 'signed',
      cancelled: null,
    });
    expect((await get('/fleet/orders/fo-2', dm)).body).toMatchObject({
      status: 'cancelled',
      vehicles: 2,
      totalFen: 18_000_000,
      cancelled: { reason: 'budget cut', cancelledAt: utc('03-12') },
    });
  });

  it('keeps the orders inside the dealer and, among consultants, with the order’s consultant', async () => {
    const byAccount = await get(`/fleet/orders?accountId=${FA}`, dm);
    // The latest signed first: fo-2 (03-10), then fo-1 (03-05).
    expect(byAccount.body).toMatchObject({ total: 2, items: [{ orderId: 'fo-2' }, { orderId: 'fo-1' }] });
    expect((await get('/fleet/orders', wang)).body).toMatchObject({ total: 1, items: [{ orderId: 'fo-1' }] });
    expect((await get('/fleet/orders?consultantId=sc-li', wang)).body.code).toBe('OWNER_FORBIDDEN');
    expect((await get('/fleet/orders', otherDm)).body).toMatchObject({ total: 0 });
    expect((await get(`/fleet/orders?dealerId=${DEALER}`, otherDm)).status).toBe(403);
    expect((await get(`/fleet/orders?dealerId=${DEALER}`, oem)).body).toMatchObject({ total: 2 });
    const notHis = await get('/fleet/orders/fo-2', wang);
    expect([notHis.status, notHis.body.code]).toEqual([403, 'OWNER_FORBIDDEN']);
    const otherDealer = await get('/fleet/orders/fo-1', otherDm);
    expect([otherDealer.status, otherDealer.body.code]).toEqual([403, 'DEALER_FORBIDDEN']);
    expect((await get('/fleet/orders/fo-nobody', dm)).body.code).toBe('FLEET_ORDER_NOT_FOUND');
  });

  it('registers each delivered VIN on the account at its delivery; the KPIs count them from then', async () => {
    const account = await get(`/fleet/accounts/${FA}`, wang);
    expect(account.body).toMatchObject({
      vehicles: [
        { vin: V1, driverCustomerId: null, registeredAt: utc('03-18'), removedAt: null },
        { vin: V3, driverCustomerId: null, registeredAt: utc('04-01', '00:30'), removedAt: null },
      ],
      vehiclesOnAccount: 2,
    });
    const march = await get(
      `/fleet/accounts/${FA}/kpis?asOf=${encodeURIComponent(cst('03-31', '23:59'))}`,
      dm,
    );
    expect(march.body.vehicles).toBe(1);
    expect((await get(`/fleet/accounts/${FA}/kpis`, dm)).body.vehicles).toBe(2);
  });

  it('counts a fleet order one order per vehicle in the targets, each delivered vehicle a delivery', async () => {
    const lines = (body: { lines: Array<Record<string, unknown>> }) =>
      body.lines.map((line) => [line.consultantId ?? line.model ?? line.level, line.actual, line.attainment]);
    const march = await get(`/sales/targets?dealerId=${DEALER}&month=2026-03`, dm);
    expect(march.status).toBe(200);
    expect(march.body.monthStatus).toBe('past');
    expect(lines(march.body)).toEqual([
      ['dealer', { orders: 3, deliveries: 1 }, { orders: 0.3, deliveries: 0.2 }],
      ['sc-wang', { orders: 3, deliveries: 1 }, { orders: null, deliveries: null }],
      ['Lavida', { orders: 2, deliveries: 1 }, { orders: null, deliveries: null }],
      ['Tiguan L', { orders: 1, deliveries: 0 }, { orders: null, deliveries: null }],
    ]);
    const asOf10th = await get(
      `/sales/targets?dealerId=${DEALER}&month=2026-03&asOf=${encodeURIComponent(cst('03-10', '12:00'))}`,
      dm,
    );
    expect(lines(asOf10th.body)).toEqual([
      ['dealer', { orders: 5, deliveries: 0 }, { orders: 0.5, deliveries: 0 }],
      ['sc-li', { orders: 2, deliveries: 0 }, { orders: null, deliveries: null }],
      ['sc-wang', { orders: 3, deliveries: 0 }, { orders: null, deliveries: null }],
      ['Lavida', { orders: 2, deliveries: 0 }, { orders: null, deliveries: null }],
      ['Polo', { orders: 2, deliveries: 0 }, { orders: null, deliveries: null }],
      ['Tiguan L', { orders: 1, deliveries: 0 }, { orders: null, deliveries: null }],
    ]);
    const april = await get(`/sales/targets?dealerId=${DEALER}&month=2026-04`, dm);
    expect([april.body.monthStatus, april.body.daysElapsed]).toEqual(['in-progress', 5]);
    expect(
      april.body.lines.map((line: Record<string, unknown>) => [
        line.consultantId ?? line.model ?? line.level,
        line.actual,
        line.runRate,
      ]),
    ).toEqual([
      ['dealer', { orders: 0, deliveries: 1 }, { orders: 0, deliveries: 6 }],
      ['sc-wang', { orders: 0, deliveries: 1 }, { orders: 0, deliveries: 6 }],
      ['Tiguan L', { orders: 0, deliveries: 1 }, { orders: 0, deliveries: 6 }],
    ]);
  });
});
