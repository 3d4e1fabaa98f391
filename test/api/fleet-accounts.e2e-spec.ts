import { command, DEALER, runRepairOrder, VINS } from '../support/service-history';
import { type FleetPeople, fleetHttp, fleetPeople } from '../support/fleet-api';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

const FA = 'fa-shentong';
/** An instant in China Standard Time, `MM-DD` and `hh:mm`. */
const cst = (day: string, time = '10:00') => `2026-${day}T${time}:00+08:00`;
/** The same instant as the API stores it (UTC). */
const utc = (day: string, time = '10:00') => new Date(cst(day, time)).toISOString();

const repairOrder = (
  id: string,
  vehicle: 'V1' | 'V2',
  day: string,
  roType: string,
  payer: string,
  labourFen: number,
  partsFen: number,
) => ({
  id,
  vehicle,
  checkInAt: cst(day, '09:00'),
  mileageKm: 10_000,
  labour: [['OIL-CHG', 0.5]] as const,
  clocked: [['OIL-CHG', 't-zhao', 0.5]] as const,
  settleAt: cst(day, '12:00'),
  roType,
  payer,
  labourFen,
  partsFen,
});

/**
 * Fleet accounts over HTTP (issue 18 §2), on one small scenario written out here. Dealer d-sh-01.
 *
 * 03-01 sc-wang opens FA (上海申通物流) as its account manager; member company m-pd added.
 * 03-02 driver cu-d1 (李强, 13800000011) added.
 * 03-03 V1 registered with driver cu-d1; 03-04 V2 registered without a driver; 03-15 V2 removed (sold).
 * Repair orders at d-sh-01, settled at 12:00 (total = labour + parts):
 *   ro-f1 V1 03-02 paid-maintenance, customer, 10 000 + 8 000 = 18 000 (V1 not yet on the account: out)
 *   ro-f2 V1 03-10 paid-repair,      customer, 30 000 + 20 000 = 50 000 (in)
 *   ro-f3 V2 03-12 warranty-claim,   warranty, 40 000 + 0      = 40 000 (in; not customer-paid)
 *   ro-f4 V2 03-20 paid-maintenance, customer, 6 000 + 0       = 6 000 (V2 left on 03-15: out)
 * Complaints at d-sh-01, both left open: c-f1 by driver cu-d1 filed 03-18; c-f2 by cu-other filed 03-18.
 * 03-25 the dealer manager reassigns FA to sc-li ("sc-wang moved to Pudong").
 *
 * KPIs by hand:
 *   as of 03-11 10:00: vehicles V1, V2 = 2; drivers 1; repair orders ro-f2 = 1; spend 50 000; total 50 000;
 *                      open complaints 0 (c-f1 not filed yet); manager then sc-wang
 *   as of 03-14 00:00: vehicles 2; repair orders ro-f2, ro-f3 = 2; spend 50 000; total 50 000 + 40 000 = 90 000
 *   as of 03-31 23:59: vehicles V1 = 1; repair orders 2; spend 50 000; total 90 000; open complaints c-f1 = 1;
 *                      manager then sc-li
 *   month 2026-03 (03-01 00:00 to 03-31 23:59:59.999 CST): at its end vehicles 1, drivers 1, open complaints 1;
 *                      settled in it on the account ro-f2, ro-f3 = 2; spend 50 000; total 90 000
 * Then 04-01 driver cu-d1 removed (V1 stays without a driver): as of 04-02 drivers 0, open complaints 0;
 * as of 03-31 23:59 still drivers 1 and open complaints 1; month 2026-04: vehicles 1, drivers 0, repair
 * orders 0 (none settled in April), spend 0, open complaints 0.
 */
describe('Fleet accounts: open, members, drivers, vehicles, 集团调配, list, details and KPIs', () => {
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

  const kpis = async (asOf: string, headers = dm) => {
    const answer = await get(`/fleet/accounts/${FA}/kpis?asOf=${encodeURIComponent(asOf)}`, headers);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const at = `/fleet/accounts/${FA}`;
  const kpisFor = async (query: string) => {
    const answer = await get(`${at}/kpis?${query}`, dm);
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('opens the account as its consultant, refuses a bad body with the field named, and a twin', async () => {
    const open = {
      accountId: FA,
      dealerId: DEALER,
      companyName: '上海申通物流有限公司',
      accountManagerId: 'sc-wang',
      occurredAt: cst('03-01', '09:00'),
    };
    const bad = await post('/fleet/accounts', wang, { ...open, creditCode: 'not-a-code' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('creditCode');
    // A consultant opens an account only as its manager.
    const forOther = await post('/fleet/accounts', wang, { ...open, accountManagerId: 'sc-li' });
    expect([forOther.status, forOther.body.code]).toEqual([403, 'OWNER_FORBIDDEN']);
    const opened = await post('/fleet/accounts', wang, open);
    expect(opened.status).toBe(201);
    expect(opened.body.id).toBe(FA);
    const twin = await post('/fleet/accounts', wang, open);
    expect([twin.status, twin.body.code]).toEqual([409, 'FLEET_ACCOUNT_ALREADY_OPENED']);
    const unknown = await post('/fleet/accounts/fa-nobody/vehicles', wang, {
      vin: VINS.V1,
      occurredAt: cst('03-03'),
    });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'FLEET_ACCOUNT_NOT_FOUND']);
  });

  it('adds a member company, a driver and two vehicles; refuses a bad VIN, a stranger as driver and a fact before the opening', async () => {
    const steps: Array<[string, object]> = [
      [
        'member-companies',
        { memberId: 'm-pd', companyName: '申通浦东分公司', occurredAt: cst('03-01', '11:00') },
      ],
      [
        'drivers',
        { driver: { customerId: 'cu-d1', name: '李强', phone: '13800000011' }, occurredAt: cst('03-02') },
      ],
      ['vehicles', { vin: VINS.V1, driverCustomerId: 'cu-d1', occurredAt: cst('03-03', '09:00') }],
      ['vehicles', { vin: VINS.V2, occurredAt: cst('03-04', '09:00') }],
    ];
    for (const [path, payload] of steps)
      expect((await post(`${at}/${path}`, wang, payload)).status).toBe(200);
    const badVin = await post(`${at}/vehicles`, wang, { vin: 'LSVAB4BR5MN00000I', occurredAt: cst('03-05') });
    expect(badVin.status).toBe(400);
    expect(JSON.stringify(badVin.body)).toContain('vin');
    const stranger = await post(`${at}/vehicles`, wang, {
      vin: VINS.V3,
      driverCustomerId: 'cu-nobody',
      occurredAt: cst('03-05'),
    });
    expect([stranger.status, stranger.body.code]).toEqual([422, 'FLEET_DRIVER_NOT_ON_ACCOUNT']);
    const early = await post(`${at}/vehicles`, wang, { vin: VINS.V3, occurredAt: cst('02-27') });
    expect([early.status, early.body.code]).toEqual([422, 'FLEET_FACT_BEFORE_OPENING']);
    const twice = await post(`${at}/vehicles`, wang, { vin: VINS.V1, occurredAt: cst('03-05') });
    expect([twice.status, twice.body.code]).toEqual([422, 'FLEET_VEHICLE_ALREADY_ON_ACCOUNT']);
  });

  it('runs the workshop and the complaints, removes V2, and refuses a late fact on V2 out of order', async () => {
    for (const plan of [
      repairOrder('ro-f1', 'V1', '03-02', 'paid-maintenance', 'customer', 10_000, 8_000),
      repairOrder('ro-f2', 'V1', '03-10', 'paid-repair', 'customer', 30_000, 20_000),
      repairOrder('ro-f3', 'V2', '03-12', 'warranty-claim', 'warranty', 40_000, 0),
    ])
      await runRepairOrder(api, plan);
    expect(
      (
        await post(`${at}/vehicles/removals`, wang, {
          vin: VINS.V2,
          reason: 'sold',
          occurredAt: cst('03-15'),
        })
      ).status,
    ).toBe(200);
    await runRepairOrder(api, repairOrder('ro-f4', 'V2', '03-20', 'paid-maintenance', 'customer', 6_000, 0));
    const late = await post(`${at}/vehicles`, wang, { vin: VINS.V2, occurredAt: cst('03-14') });
    expect([late.status, late.body.code]).toEqual([422, 'FLEET_FACT_OUT_OF_ORDER']);
    for (const [complaintId, customerId] of [
      ['c-f1', 'cu-d1'],
      ['c-f2', 'cu-other'],
    ])
      await command(api, '/complaints', {
        complaintId,
        dealerId: DEALER,
        channel: 'hotline',
        category: 'service',
        severity: 'general',
        customer: { customerId, name: '李强', phone: '13800000011' },
        description: 'noise after the service',
        remedySought: 'repair',
        occurredAt: cst('03-18'),
      });
  });

  it('reassigns the account manager as the dealer manager only, with a reason; the history is kept', async () => {
    const reassign = {
      accountManagerId: 'sc-li',
      reason: 'sc-wang moved to Pudong',
      occurredAt: cst('03-25'),
    };
    const byConsultant = await post(`${at}/manager-reassignments`, wang, reassign);
    expect([byConsultant.status, byConsultant.body.code]).toEqual([403, 'ROLE_FORBIDDEN']);
    const noReason = await post(`${at}/manager-reassignments`, dm, { ...reassign, reason: undefined });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('reason');
    expect((await post(`${at}/manager-reassignments`, dm, reassign)).status).toBe(200);
    const same = await post(`${at}/manager-reassignments`, dm, { ...reassign, occurredAt: cst('03-26') });
    expect([same.status, same.body.code]).toEqual([422, 'FLEET_MANAGER_UNCHANGED']);
    await api.settle();
    const account = await get(at, dm);
    expect(account.status).toBe(200);
    expect(account.body).toMatchObject({
      accountId: FA,
      dealerId: DEALER,
      companyName: '上海申通物流有限公司',
      creditCode: null,
      accountManagerId: 'sc-li',
      managers: [
        { accountManagerId: 'sc-wang', from: utc('03-01', '09:00'), reason: null, reassignedBy: null },
        {
          accountManagerId: 'sc-li',
          from: utc('03-25'),
          reason: 'sc-wang moved to Pudong',
          reassignedBy: 'dm-sh',
        },
      ],
      memberCompanies: [{ memberId: 'm-pd', companyName: '申通浦东分公司', creditCode: null }],
      drivers: [{ customerId: 'cu-d1', name: '李强', phone: '13800000011', removedAt: null }],
      vehicles: [
        { vin: VINS.V1, driverCustomerId: 'cu-d1', removedAt: null },
        { vin: VINS.V2, driverCustomerId: null, removedAt: utc('03-15'), removalReason: 'sold' },
      ],
      vehiclesOnAccount: 1,
    });
  });

  it('shows the account to its manager and the dealer, not to the former manager or another dealer; the OEM sees a masked phone', async () => {
    expect((await get(at, li)).status).toBe(200);
    const former = await get(at, wang);
    expect([former.status, former.body.code]).toEqual([403, 'OWNER_FORBIDDEN']);
    const other = await get(at, otherDm);
    expect([other.status, other.body.code]).toEqual([403, 'DEALER_FORBIDDEN']);
    // Commands follow the same owner: the former manager and another dealer are refused, nothing appended.
    const formerStep = await post(`${at}/vehicles`, wang, { vin: VINS.V3, occurredAt: cst('03-26') });
    expect([formerStep.status, formerStep.body.code]).toEqual([403, 'OWNER_FORBIDDEN']);
    const otherStep = await post(`${at}/vehicles`, otherDm, { vin: VINS.V3, occurredAt: cst('03-26') });
    expect([otherStep.status, otherStep.body.code]).toEqual([403, 'DEALER_FORBIDDEN']);
    const masked = await get(at, oem);
    expect(masked.body.drivers[0].phone).toBe('138****0011');
    expect((await get('/fleet/accounts', li)).body).toMatchObject({ total: 1, items: [{ accountId: FA }] });
    expect((await get('/fleet/accounts', wang)).body).toMatchObject({ total: 0, items: [] });
    expect((await get('/fleet/accounts?consultantId=sc-li', wang)).body.code).toBe('OWNER_FORBIDDEN');
    expect((await get('/fleet/accounts', otherDm)).body).toMatchObject({ total: 0 });
    expect((await get('/fleet/accounts?dealerId=d-sh-01', otherDm)).status).toBe(403);
    expect((await get('/fleet/accounts?dealerId=d-sh-01', oem)).body).toMatchObject({ total: 1 });
    expect((await get('/fleet/accounts/fa-nobody', dm)).body.code).toBe('FLEET_ACCOUNT_NOT_FOUND');
  });

  it('answers the KPIs as of an instant, figures worked out by hand above', async () => {
    const base = { accountId: FA, dealerId: DEALER, accountManagerId: 'sc-li' };
    expect(await kpis(cst('03-11'))).toEqual({
      ...base,
      accountManagerAsOf: 'sc-wang',
      asOf: '2026-03-11T02:00:00.000Z',
      month: null,
      from: null,
      vehicles: 2,
      drivers: 1,
      repairOrders: 1,
      serviceSpendFen: 50_000,
      settledTotalFen: 50_000,
      openComplaints: 0,
    });
    expect(await kpis(cst('03-14', '00:00'))).toMatchObject({
      vehicles: 2,
      repairOrders: 2,
      serviceSpendFen: 50_000,
      settledTotalFen: 90_000,
      openComplaints: 0,
    });
    expect(await kpis(cst('03-31', '23:59'), li)).toEqual({
      ...base,
      accountManagerAsOf: 'sc-li',
      asOf: '2026-03-31T15:59:00.000Z',
      month: null,
      from: null,
      vehicles: 1,
      drivers: 1,
      repairOrders: 2,
      serviceSpendFen: 50_000,
      settledTotalFen: 90_000,
      openComplaints: 1,
    });
    expect(await kpisFor(`month=2026-03`)).toEqual({
      ...base,
      accountManagerAsOf: 'sc-li',
      asOf: '2026-03-31T15:59:59.999Z',
      month: '2026-03',
      from: '2026-02-28T16:00:00.000Z',
      vehicles: 1,
      drivers: 1,
      repairOrders: 2,
      serviceSpendFen: 50_000,
      settledTotalFen: 90_000,
      openComplaints: 1,
    });
    const both = await get(`${at}/kpis?month=2026-03&asOf=${encodeURIComponent(cst('03-31'))}`, dm);
    expect(both.status).toBe(400);
    expect(JSON.stringify(both.body)).toContain('month');
    const former = await get(`${at}/kpis`, wang);
    expect([former.status, former.body.code]).toEqual([403, 'OWNER_FORBIDDEN']);
    const bad = await get(`${at}/kpis?asOf=yesterday`, dm);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('asOf');
  });

  it('removing the driver leaves V1 on the account without one; the KPIs as of before it do not change', async () => {
    const removal = { customerId: 'cu-d1', reason: 'left the company', occurredAt: cst('04-01') };
    expect((await post(`${at}/drivers/removals`, li, removal)).status).toBe(200);
    await api.settle();
    expect((await get(at, li)).body.vehicles[0]).toMatchObject({
      vin: VINS.V1,
      driverCustomerId: null,
      removedAt: null,
    });
    expect(await kpis(cst('04-02'))).toMatchObject({
      vehicles: 1,
      drivers: 0,
      repairOrders: 2,
      openComplaints: 0,
    });
    expect(await kpis(cst('03-31', '23:59'))).toMatchObject({ vehicles: 1, drivers: 1, openComplaints: 1 });
    expect(await kpisFor('month=2026-04')).toMatchObject({
      vehicles: 1,
      drivers: 0,
      repairOrders: 0,
      serviceSpendFen: 0,
      settledTotalFen: 0,
      openComplaints: 0,
    });
  });
});
