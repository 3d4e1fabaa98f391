import { type FleetPeople, fleetHttp, fleetPeople } from '../support/fleet-api';
import { prospectBody, salesApi } from '../support/sales-api';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

const DEALER = 'd-sh-01';
const X = 'LSVAB4BR5MN000001';
const Y = 'LSVAB4BR5MN000002';
/** An instant in China Standard Time on a day of March 2026. */
const at = (day: string, time = '10:00') => `2026-03-${day}T${time}:00+08:00`;

/**
 * One VIN, one sale (issue 18 §2), over HTTP. Dealer d-sh-01; now is 31 March 2026.
 *
 * 03-02 p-a and p-b register and order an ID.4 each: sale A (p-a's) and sale B (p-b's). sc-wang opens the
 *       fleet account fa-1 and signs fo-1, Lavida × 2. Dealer d-bj-02's p-bj orders there: sale BJ.
 * 03-03 sale A is allocated X (200).
 *       sale B allocating X: 409 VEHICLE_VIN_ALLOCATED naming vehicle-sale A; sale B has no VIN.
 *       fo-1 allocating X: 409, naming sale A; fo-1 has no VIN allocated.
 *       d-bj-02's manager allocating X on sale BJ: 409 with the VIN only (sale A is another dealer's).
 *       sale A allocated X again (a retry): 200, nothing new on X's claim stream (1 claim).
 * 03-04 sale A cancelled (10:00 CST = 02:00 UTC). Sale B allocating X dated 03-03 (a late fact: A held X
 *       then): 409 VEHICLE_VIN_ALLOCATED, held until 03-04 02:00 UTC. Dated 03-04 10:00: 200 (the claim
 *       stream: 2 claims, B taking over from A).
 *       fo-1 allocating X: 409 naming sale B.
 * 03-05 sale B swaps X for Y (a damaged unit): fo-1 allocates X, 200 (3 claims: fo-1 from B).
 *       sale B allocating X back: 409 naming fo-1.
 * 03-06 fo-1 delivers X; fo-1 cancelled is refused (a delivery started), so X stays delivered on fo-1:
 *       import rows allocating X and then Y on sale BJ are refused, row errors: VEHICLE_VIN_DELIVERED (X,
 *       delivered on fo-1), VEHICLE_VIN_ALLOCATED (Y, sale B's).
 */
describe('One VIN, one sale: a VIN on one open vehicle sale or fleet order', () => {
  const clock = testClock('2026-03-31T02:00:00.000Z');
  let api: TestApp;
  let sales: ReturnType<typeof salesApi>;
  let people: FleetPeople;
  let bjManager: Record<string, string>;
  const saleIds: Record<string, string> = {};
  const fleet = fleetHttp(() => api);

  beforeAll(async () => {
    api = await startTestApp({ clock });
    sales = salesApi(api);
    people = await fleetPeople(api, DEALER);
    bjManager = people.otherDm;
  });
  afterAll(async () => {
    await api.close();
  });

  const allocateOnSale = (sale: string, vin: string, day: string, headers?: Record<string, string>) =>
    sales.sale(saleIds[sale], 'allocation', { vin, occurredAt: at(day) }, headers);
  const allocateOnOrder = (vin: string, day: string) =>
    fleet.post('/fleet/orders/fo-1/vehicles', people.wang, { vin, lineNo: 1, occurredAt: at(day) });
  const claimsOf = async (vin: string) =>
    (await api.eventStore.readStream(`vehiclevin-${vin}`)).map(
      (event) => event.data.holder as Readonly<{ kind: string; id: string; dealerId: string }>,
    );

  it('orders two sales at d-sh-01, one at d-bj-02, and signs a fleet order', async () => {
    for (const [prospectId, phone, dealerId] of [
      ['p-a', '13900000201', DEALER],
      ['p-b', '13900000202', DEALER],
      ['p-bj', '13900000203', 'd-bj-02'],
    ] as const) {
      const registered = await sales.register({
        ...prospectBody(prospectId, phone, { dealerId }),
        occurredAt: at('02', '08:00'),
      });
      expect(registered.status).toBe(201);
      await sales.orderOn(prospectId, (time) => at('02', time), at('20'));
      saleIds[prospectId.slice(2)] = (await sales.get(`/prospects/${prospectId}`)).body.saleId as string;
    }
    const opened = await fleet.post('/fleet/accounts', people.wang, {
      accountId: 'fa-1',
      dealerId: DEALER,
      companyName: '上海申通物流有限公司',
      accountManagerId: 'sc-wang',
      occurredAt: at('02', '08:00'),
    });
    expect(opened.status).toBe(201);
    const signed = await fleet.post('/fleet/orders', people.wang, {
      orderId: 'fo-1',
      accountId: 'fa-1',
      dealerId: DEALER,
      consultantId: 'sc-wang',
      lines: [{ model: 'Lavida', quantity: 2, listPriceFen: 15_000_000, discountFen: 0 }],
      payment: 'lease',
      promisedDeliveryAt: at('20'),
      occurredAt: at('02', '11:00'),
    });
    expect(signed.status).toBe(201);
  });

  it('refuses X on a second sale, on a fleet order and at another dealer while sale A holds it', async () => {
    expect((await allocateOnSale('a', X, '03')).status).toBe(200);

    const second = await allocateOnSale('b', X, '03');
    expect([second.status, second.body.code]).toEqual([409, 'VEHICLE_VIN_ALLOCATED']);
    expect(second.body.details).toEqual({ vin: X, holder: { kind: 'vehicle-sale', id: saleIds.a } });
    expect((await sales.get(`/vehicle-sales/${saleIds.b}`)).body.vin).toBeNull();

    const order = await allocateOnOrder(X, '03');
    expect([order.status, order.body.code]).toEqual([409, 'VEHICLE_VIN_ALLOCATED']);
    expect(order.body.details.holder).toEqual({ kind: 'vehicle-sale', id: saleIds.a });

    // Dealer d-bj-02's manager learns the VIN is taken, not which d-sh-01 sale holds it.
    const elsewhere = await allocateOnSale('bj', X, '03', bjManager);
    expect([elsewhere.status, elsewhere.body.code]).toEqual([409, 'VEHICLE_VIN_ALLOCATED']);
    expect(elsewhere.body.details).toEqual({ vin: X });
    expect(JSON.stringify(elsewhere.body)).not.toContain(saleIds.a);

    // Sale A's own retry changes nothing on the claim stream.
    expect((await allocateOnSale('a', X, '03')).status).toBe(200);
    expect(await claimsOf(X)).toEqual([{ kind: 'vehicle-sale', id: saleIds.a, dealerId: DEALER }]);
  });

  it('lets sale B take X once sale A is cancelled; then a fleet order is refused, naming sale B', async () => {
    const cancelled = await sales.sale(saleIds.a, 'cancel', { reason: 'loan refused', occurredAt: at('04') });
    expect(cancelled.status).toBe(200);
    // A late fact: an allocation dated 03-03, when sale A still held X, is refused, naming until when.
    const late = await allocateOnSale('b', X, '03');
    expect([late.status, late.body.code]).toEqual([409, 'VEHICLE_VIN_ALLOCATED']);
    expect(late.body.details).toEqual({
      vin: X,
      holder: { kind: 'vehicle-sale', id: saleIds.a },
      heldUntil: '2026-03-04T02:00:00.000Z',
    });
    const taken = await allocateOnSale('b', X, '04');
    expect(taken.status).toBe(200);
    expect(await claimsOf(X)).toEqual([
      { kind: 'vehicle-sale', id: saleIds.a, dealerId: DEALER },
      { kind: 'vehicle-sale', id: saleIds.b, dealerId: DEALER },
    ]);
    const order = await allocateOnOrder(X, '04');
    expect([order.status, order.body.code]).toEqual([409, 'VEHICLE_VIN_ALLOCATED']);
    expect(order.body.details.holder).toEqual({ kind: 'vehicle-sale', id: saleIds.b });
    expect((await fleet.get('/fleet/orders/fo-1', people.wang)).body.allocatedVehicles).toBe(0);
  });

  it('frees X when sale B swaps it for Y; the fleet order takes it and sale B cannot take it back', async () => {
    expect((await allocateOnSale('b', Y, '05')).status).toBe(200);
    expect((await allocateOnOrder(X, '05')).status).toBe(200);
    const back = await allocateOnSale('b', X, '05');
    expect([back.status, back.body.code]).toEqual([409, 'VEHICLE_VIN_ALLOCATED']);
    expect(back.body.details.holder).toEqual({ kind: 'fleet-order', id: 'fo-1' });
    expect((await sales.get(`/vehicle-sales/${saleIds.b}`)).body.vin).toBe(Y);
    expect((await claimsOf(X)).map((holder) => holder.id)).toEqual([saleIds.a, saleIds.b, 'fo-1']);
  });

  it('never hands over a delivered VIN: an import row allocating it is a row error', async () => {
    const delivered = await fleet.post('/fleet/orders/fo-1/deliveries', people.wang, {
      vin: X,
      occurredAt: at('06'),
    });
    expect(delivered.status).toBe(200);
    const cancel = await fleet.post('/fleet/orders/fo-1/cancellation', people.wang, {
      reason: 'budget cut',
      occurredAt: at('06', '12:00'),
    });
    expect([cancel.status, cancel.body.code]).toEqual([422, 'FLEET_ORDER_DELIVERY_STARTED']);

    const imported = await api.request({
      method: 'POST',
      url: '/admin/imports',
      headers: { 'content-type': 'application/json' },
      payload: {
        rows: [
          { type: 'vehicle-sale.AllocateVehicle', prospectId: 'p-bj', vin: X, occurredAt: at('07') },
          { type: 'vehicle-sale.AllocateVehicle', prospectId: 'p-bj', vin: Y, occurredAt: at('07') },
        ],
      },
    });
    expect(imported.statusCode).toBe(200);
    const report = imported.json();
    // Row 1: X was delivered on fo-1; row 2: Y is sale B's. Nothing appended.
    expect(report).toMatchObject({ rows: 2, appended: 0, refused: 2 });
    expect(report.refusedRows.map((row: { code: string }) => row.code)).toEqual([
      'VEHICLE_VIN_DELIVERED',
      'VEHICLE_VIN_ALLOCATED',
    ]);
    expect((await sales.get(`/vehicle-sales/${saleIds.bj}`)).body.vin).toBeNull();
  });
});
