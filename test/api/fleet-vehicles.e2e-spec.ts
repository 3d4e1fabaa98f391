import { type FleetPeople, fleetHttp, fleetPeople } from '../support/fleet-api';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

const DEALER = 'd-sh-01';
const FA = 'fa-shentong';
const FB = 'fa-yuantong';
const FC = 'fa-beijing';
const X = 'LSVAB4BR5MN000001';
const Z = 'LSVAB4BR5MN000002';
const W = 'LSVAB4BR5MN000003';
const V = 'LSVAB4BR5MN000004';
/** An instant in China Standard Time, `MM-DD` and `hh:mm`. */
const cst = (day: string, time = '10:00') => `2026-${day}T${time}:00+08:00`;
/** The same instant as the API stores it (UTC). */
const utc = (day: string, time = '10:00') => new Date(cst(day, time)).toISOString();

/**
 * One fleet account per vehicle (issue 18 §2), on one small scenario written out here. Dealer d-sh-01
 * (and d-bj-02 for FC); now is 5 April 2026 08:00 CST.
 *
 * 03-01 09:00 sc-wang opens FA (上海申通物流) and FB (上海圆通速递), both of d-sh-01; dm-bj opens FC at d-bj-02.
 * 03-02 10:00 FA registers X.
 * 03-03 10:00 FB registers X → 409 FLEET_VEHICLE_ON_OTHER_ACCOUNT naming FA (same dealer); FC (another
 *             dealer) registers X → 409 naming only the VIN. Nothing appended to FB or FC.
 * 03-10 10:00 FA removes X ("sold to 圆通").
 * 03-09 10:00 FB registers X, dated before FA's removal (sent after it) → 409 with heldUntil 03-10 10:00.
 * 03-15 10:00 FB registers X → 200 (X taken over from FA); FB registers Z by hand → 200.
 * 03-16 10:00 FA registers X again → 409 naming FB.
 * 03-16 11:00 sc-wang signs fo-1 for FA: Lavida × 2 at 12 000 000; 03-17 allocates Z and W; 03-20 delivers
 *             Z (10:00) then W (11:00). The fleet-order-vehicles reactor registers W on FA at 03-20 11:00;
 *             Z is on FB: it records nothing for Z (a warning naming FA and FB) and does not stop.
 *
 * By hand (vehicles on the account, a removal at the very instant ends the period):
 *   as of 03-05 10:00: FA {X} = 1, FB {} = 0.          X counted once, on FA.
 *   as of 03-12 10:00: FA {} = 0 (removed 03-10), FB {} = 0 (not yet registered).
 *   as of 03-18 10:00: FA {} = 0, FB {X, Z} = 2.        X counted once, on FB.
 *   now (04-05):       FA {W} = 1, FB {X, Z} = 2.       Z counted once, on FB; X once, on FB.
 *
 * Then an import (POST /admin/imports) of two rows dated 03-21: FA registers X (on FB: the row is refused,
 * FLEET_VEHICLE_ON_OTHER_ACCOUNT) and FC registers V (appended). FA stays at 1 vehicle, FB at 2.
 */
describe('Fleet vehicles: one fleet account per vehicle', () => {
  const clock = testClock('2026-04-05T00:00:00.000Z');
  let api: TestApp;
  let wang: FleetPeople['wang'];
  let dm: FleetPeople['dm'];
  let otherDm: FleetPeople['otherDm'];
  let oem: FleetPeople['oem'];

  beforeAll(async () => {
    api = await startTestApp({ clock });
    ({ wang, dm, otherDm, oem } = await fleetPeople(api, DEALER));
  });
  afterAll(async () => {
    await api.close();
  });

  const { post, get } = fleetHttp(() => api);
  const register = (
    accountId: string,
    who: Record<string, string>,
    vin: string,
    day: string,
    time?: string,
  ) => post(`/fleet/accounts/${accountId}/vehicles`, who, { vin, occurredAt: cst(day, time) });
  const vehiclesOf = async (accountId: string, asOf?: string) =>
    (await get(`/fleet/accounts/${accountId}/kpis${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`, dm))
      .body.vehicles;

  it('opens the accounts; FA registers X', async () => {
    for (const [accountId, companyName] of [
      [FA, '上海申通物流有限公司'],
      [FB, '上海圆通速递有限公司'],
    ])
      expect(
        (
          await post('/fleet/accounts', wang, {
            accountId,
            dealerId: DEALER,
            companyName,
            accountManagerId: 'sc-wang',
            occurredAt: cst('03-01', '09:00'),
          })
        ).status,
      ).toBe(201);
    const fc = await post('/fleet/accounts', otherDm, {
      accountId: FC,
      dealerId: 'd-bj-02',
      companyName: '北京顺丰速运有限公司',
      accountManagerId: 'sc-zhou',
      occurredAt: cst('03-01', '09:00'),
    });
    expect(fc.status).toBe(201);
    expect((await register(FA, wang, X, '03-02')).status).toBe(200);
  });

  it('refuses X on a second account: 409 naming FA to its own dealer, the VIN alone to another dealer', async () => {
    const fb = await register(FB, wang, X, '03-03');
    expect([fb.status, fb.body.code]).toEqual([409, 'FLEET_VEHICLE_ON_OTHER_ACCOUNT']);
    expect(fb.body.details).toEqual({ vin: X, accountId: FB, otherAccountId: FA });
    const fc = await register(FC, otherDm, X, '03-03');
    expect([fc.status, fc.body.code]).toEqual([409, 'FLEET_VEHICLE_ON_OTHER_ACCOUNT']);
    expect(fc.body.details).toEqual({ vin: X, accountId: FC });
    expect(JSON.stringify(fc.body)).not.toContain(FA);
    await api.settle();
    // Nothing appended: neither account has a vehicle period.
    expect((await get(`/fleet/accounts/${FB}`, dm)).body.vehicles).toEqual([]);
    expect((await get(`/fleet/accounts/${FC}`, otherDm)).body.vehicles).toEqual([]);
  });

  it('FA removes X; FB dated before the removal is refused (heldUntil), on or after it takes X over', async () => {
    const removed = await post(`/fleet/accounts/${FA}/vehicles/removals`, wang, {
      vin: X,
      reason: 'sold to 圆通',
      occurredAt: cst('03-10'),
    });
    expect(removed.status).toBe(200);
    const early = await register(FB, wang, X, '03-09');
    expect([early.status, early.body.code]).toEqual([409, 'FLEET_VEHICLE_ON_OTHER_ACCOUNT']);
    expect(early.body.details).toEqual({
      vin: X,
      accountId: FB,
      otherAccountId: FA,
      heldUntil: utc('03-10'),
    });
    expect((await register(FB, wang, X, '03-15')).status).toBe(200);
    expect((await register(FB, wang, Z, '03-15')).status).toBe(200);
    const back = await register(FA, wang, X, '03-16');
    expect([back.status, back.body.code]).toEqual([409, 'FLEET_VEHICLE_ON_OTHER_ACCOUNT']);
    expect(back.body.details).toEqual({ vin: X, accountId: FA, otherAccountId: FB });
  });

  it('a fleet order of FA delivering Z (on FB): nothing recorded for Z, W registered, the reactor keeps running', async () => {
    const signed = await post('/fleet/orders', wang, {
      orderId: 'fo-1',
      accountId: FA,
      dealerId: DEALER,
      consultantId: 'sc-wang',
      lines: [{ model: 'Lavida', quantity: 2, listPriceFen: 12_000_000, discountFen: 0 }],
      payment: 'lease',
      promisedDeliveryAt: cst('03-25', '18:00'),
      occurredAt: cst('03-16', '11:00'),
    });
    expect(signed.status).toBe(201);
    for (const vin of [Z, W])
      expect(
        (await post('/fleet/orders/fo-1/vehicles', wang, { vin, lineNo: 1, occurredAt: cst('03-17') }))
          .status,
      ).toBe(200);
    expect(
      (await post('/fleet/orders/fo-1/deliveries', wang, { vin: Z, occurredAt: cst('03-20') })).status,
    ).toBe(200);
    expect(
      (await post('/fleet/orders/fo-1/deliveries', wang, { vin: W, occurredAt: cst('03-20', '11:00') }))
        .status,
    ).toBe(200);
    await api.settle();
    const reactor = (await api.engine.reactorStatuses()).find(({ name }) => name === 'fleet-order-vehicles');
    expect(reactor?.state).toBe('running');
    const fa = (await get(`/fleet/accounts/${FA}`, dm)).body;
    expect(
      fa.vehicles.map(({ vin, registeredAt, removedAt }: Record<string, string>) => [
        vin,
        registeredAt,
        removedAt,
      ]),
    ).toEqual([
      [X, utc('03-02'), utc('03-10')],
      [W, utc('03-20', '11:00'), null],
    ]);
    const fb = (await get(`/fleet/accounts/${FB}`, dm)).body;
    expect(
      fb.vehicles.map(({ vin, registeredAt, removedAt }: Record<string, string>) => [
        vin,
        registeredAt,
        removedAt,
      ]),
    ).toEqual([
      [X, utc('03-15'), null],
      [Z, utc('03-15'), null],
    ]);
    expect([fa.vehiclesOnAccount, fb.vehiclesOnAccount]).toEqual([1, 2]);
  });

  it('the KPIs count each vehicle on one account at every instant (figures by hand in the header)', async () => {
    expect([await vehiclesOf(FA, cst('03-05')), await vehiclesOf(FB, cst('03-05'))]).toEqual([1, 0]);
    expect([await vehiclesOf(FA, cst('03-12')), await vehiclesOf(FB, cst('03-12'))]).toEqual([0, 0]);
    expect([await vehiclesOf(FA, cst('03-18')), await vehiclesOf(FB, cst('03-18'))]).toEqual([0, 2]);
    expect([await vehiclesOf(FA), await vehiclesOf(FB)]).toEqual([1, 2]);
    // The OEM reads both accounts the same.
    expect((await get(`/fleet/accounts/${FB}/kpis`, oem)).body.vehicles).toBe(2);
  });

  it('an import row registering a VIN of another account is refused by the same rule; the others are taken', async () => {
    const response = await api.request({
      method: 'POST',
      url: '/admin/imports',
      headers: { 'content-type': 'application/json' },
      payload: {
        rows: [
          { type: 'fleet-account.RegisterFleetVehicle', accountId: FA, vin: X, occurredAt: cst('03-21') },
          { type: 'fleet-account.RegisterFleetVehicle', accountId: FC, vin: V, occurredAt: cst('03-21') },
        ],
      },
    });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect([report.rows, report.appended, report.refused]).toEqual([2, 1, 1]);
    expect(
      report.refusedRows.map(({ line, recordId, code }: Record<string, unknown>) => [line, recordId, code]),
    ).toEqual([[1, FA, 'FLEET_VEHICLE_ON_OTHER_ACCOUNT']]);
    // The import runs as the system role, which sees every account: the other one is named.
    expect(report.refusedRows[0].detail).toContain(FB);
    await api.settle();
    expect([await vehiclesOf(FA), await vehiclesOf(FB)]).toEqual([1, 2]);
    expect((await get(`/fleet/accounts/${FC}`, otherDm)).body.vehiclesOnAccount).toBe(1);
  });
});
