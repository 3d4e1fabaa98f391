import Database from 'better-sqlite3';
import { join } from 'node:path';
import { salesApi, settleSales } from '../support/sales-api';
import { runRepairOrder, VINS } from '../support/service-history';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

/**
 * Issue 18 §1, the customer at the phone: one customer (cu-v1 at d-sh-01) with a prospect ordered into a
 * delivered sale of V1, a second open prospect under another number, a repair order, a complaint and a club
 * membership; looked up by phone (as the exchange formats it), plate and VIN. Every expected value below is
 * worked out by hand from this scenario and the documented defaults; the lookup runs at 2026-04-20 10:00 CST.
 */
const DEALER = 'd-sh-01';
const PHONE = '13912345678';
const OFFICE_PHONE = '021-64331234';
const PLATE = '沪A00001'; // runRepairOrder's vehicle V1 (test/support/service-history.ts)
const json = { 'content-type': 'application/json' };
const REASON = { 'x-access-reason': 'inbound call' };

describe('GET /customers/lookup: the customer at the phone', () => {
  const clock = testClock('2026-04-20T02:00:00.000Z');
  let api: TestApp;
  let saleId = '';

  const ok = async (url: string, payload: object) => {
    const response = await api.request({ method: 'POST', url, headers: json, payload });
    if (response.statusCode >= 300)
      throw new Error(`POST ${url} answered ${response.statusCode}: ${response.body}`);
    return response.json();
  };
  const lookup = async (query: string, headers: Record<string, string> = {}) => {
    const response = await api.request({ method: 'GET', url: `/customers/lookup?${query}`, headers });
    return { status: response.statusCode, body: response.json() };
  };
  const staff = (role: 'customer-service' | 'sales-consultant', dealerId = DEALER, userId?: string) =>
    api.as({ role, dealerId, ...(userId ? { userId } : {}) });

  beforeAll(async () => {
    api = await startTestApp({ clock });
    await ok('/memberships', {
      customerId: 'cu-v1',
      cardNumber: 'C-cu-v1',
      homeDealerId: DEALER,
      occurredAt: '2026-03-01T10:00:00+08:00',
    });
    const contact = { customerId: 'cu-v1', name: '韩梅梅', phone: PHONE };
    const prospect = { dealerId: DEALER, consultantId: 'sc-li', channel: 'walk-in', contact };
    await ok('/prospects', {
      ...prospect,
      prospectId: 'p-1',
      modelOfInterest: 'Lavida',
      grade: 'A',
      occurredAt: '2026-03-02T10:00:00+08:00',
    });
    const price = { model: 'Lavida', listPriceFen: 15_000_000, discountFen: 500_000 };
    await ok('/prospects/p-1/presentations', { model: 'Lavida', occurredAt: '2026-03-02T10:30:00+08:00' });
    await ok('/prospects/p-1/quotes', {
      ...price,
      financeOption: 'cash',
      occurredAt: '2026-03-02T11:00:00+08:00',
    });
    ({ saleId } = await ok('/prospects/p-1/order', {
      ...price,
      payment: 'cash',
      promisedDeliveryAt: '2026-03-20T10:00:00+08:00',
      occurredAt: '2026-03-02T12:00:00+08:00',
    }));
    await salesApi(api).deliver(saleId, VINS.V1, {
      settled: '2026-03-05T10:00:00+08:00',
      delivered: '2026-03-06T10:00:00+08:00',
    });
    await runRepairOrder(api, {
      id: 'ro-1',
      vehicle: 'V1',
      checkInAt: '2026-03-10T09:00:00+08:00',
      mileageKm: 5_000,
      labour: [['OIL-CHG', 0.5]],
      clocked: [['OIL-CHG', 't-zhao', 0.5]],
      settleAt: '2026-03-10T12:00:00+08:00',
      roType: 'paid-maintenance',
      payer: 'customer',
      labourFen: 10_000,
      partsFen: 8_000,
    });
    await ok('/complaints', {
      complaintId: 'c-1',
      dealerId: DEALER,
      channel: 'hotline',
      category: 'service',
      severity: 'general',
      customer: contact,
      relatedRepairOrderId: 'ro-1',
      description: 'Oil light came on again',
      remedySought: 'check it for free',
      occurredAt: '2026-03-15T10:00:00+08:00',
    });
    // The same customer asks about a second car from the office line.
    await ok('/prospects', {
      ...prospect,
      contact: { ...contact, phone: OFFICE_PHONE },
      prospectId: 'p-2',
      modelOfInterest: 'Tiguan',
      grade: 'H',
      occurredAt: '2026-04-15T10:00:00+08:00',
    });
    await settleSales(api);
  }, 90_000);
  afterAll(async () => {
    await api.close();
  });

  /** cu-v1 as the dealer's own customer service sees them (a function: the sale's id is known once ordered). */
  const summary = () => ({
    customerId: 'cu-v1',
    name: '韩梅梅',
    phone: PHONE,
    // p-1 was ordered; p-2 is H, registered 15 Apr 10:00 CST: next contact 2 days later.
    openProspects: [
      {
        prospectId: 'p-2',
        dealerId: DEALER,
        grade: 'H',
        consultantId: 'sc-li',
        nextContactDue: '2026-04-17T02:00:00.000Z',
      },
    ],
    vehicles: [
      {
        vin: VINS.V1,
        model: 'Lavida',
        plate: PLATE,
        lastService: { repairOrderId: 'ro-1', dealerId: DEALER, settledAt: '2026-03-10T04:00:00.000Z' },
        // One visit, so no pace to estimate mileage from: 6 calendar months after the settlement.
        nextServiceDue: { dueAt: '2026-09-10T04:00:00.000Z', dueBy: 'time' },
      },
    ],
    // Filed 15 Mar 10:00 CST at L1: acknowledge within 24 h (resolve within 3 days comes later).
    openComplaints: [
      {
        complaintId: 'c-1',
        dealerId: DEALER,
        level: 'L1',
        status: 'filed',
        nextDeadline: '2026-03-16T02:00:00.000Z',
      },
    ],
    // Silver earns 1 point per RMB: 1,000 for the delivery (6 Mar) + 180 for ro-1's RMB 180 (10 Mar).
    membership: {
      cardNumber: 'C-cu-v1',
      homeDealerId: DEALER,
      status: 'active',
      tier: 'silver',
      spendablePoints: 1_180,
    },
    // Delivered 6 Mar 10:00 CST + 7 days; settled 10 Mar 12:00 CST + 3 days; neither callback made.
    openCallbacks: [
      { kind: 'delivery', recordId: saleId, dealerId: DEALER, dueAt: '2026-03-13T02:00:00.000Z' },
      { kind: 'service', recordId: 'ro-1', dealerId: DEALER, dueAt: '2026-03-13T04:00:00.000Z' },
    ],
    // Care tasks still open, soonest due first, looked up on 20 Apr 2026 10:00 CST (02:00Z):
    //   delivery call  6 Mar 10:00 CST + 7 days = 13 Mar 10:00 CST (02:00Z), overdue;
    //   service call   10 Mar 12:00 CST + 72 h = 13 Mar 12:00 CST (04:00Z), overdue;
    //   3-month call   6 Mar + 3 months = 6 Jun 10:00 CST (02:00Z);
    //   maintenance    ro-1's settlement + 6 months = 10 Sep 12:00 CST (04:00Z), as nextServiceDue;
    //   lapse warning  the paid visit of 10 Mar 12:00 CST + 18 months = 10 Sep 2027 12:00 CST, less 30 days
    //                  = 11 Aug 2027 12:00 CST (04:00Z) (the enrolment's warning was superseded by that visit);
    //   points expiry  the first lot (6 Mar 2026 10:00 CST) expires 24 months on, 6 Mar 2028; less 30 days
    //                  = 5 Feb 2028 10:00 CST (02:00Z), task of March 2028.
    // The complaint is not resolved: no closing callback yet.
    openCareTasks: [
      {
        taskId: `delivery-${saleId}`,
        kind: 'delivery',
        dealerId: DEALER,
        dueAt: '2026-03-13T02:00:00.000Z',
        overdue: true,
      },
      {
        taskId: 'service-ro-1',
        kind: 'service',
        dealerId: DEALER,
        dueAt: '2026-03-13T04:00:00.000Z',
        overdue: true,
      },
      {
        taskId: `3month-${saleId}`,
        kind: '3month',
        dealerId: DEALER,
        dueAt: '2026-06-06T02:00:00.000Z',
        overdue: false,
      },
      {
        taskId: 'maintenance-ro-1',
        kind: 'maintenance',
        dealerId: DEALER,
        dueAt: '2026-09-10T04:00:00.000Z',
        overdue: false,
      },
      {
        taskId: 'lapsewarning-cu-v1-20270910',
        kind: 'lapsewarning',
        dealerId: DEALER,
        dueAt: '2027-08-11T04:00:00.000Z',
        overdue: false,
      },
      {
        taskId: 'pointsexpiry-cu-v1-202803',
        kind: 'pointsexpiry',
        dealerId: DEALER,
        dueAt: '2028-02-05T02:00:00.000Z',
        overdue: false,
      },
    ],
    // No call from the call centre in this scenario (test/api/calls.e2e-spec.ts has them).
    recentCalls: [],
  });

  it('finds the caller by phone in another format, by the other phone, by plate and by VIN', async () => {
    const headers = { ...(await staff('customer-service')), ...REASON };
    for (const [query, by] of [
      [`phone=${encodeURIComponent('+86 139 1234 5678')}`, 'phone'],
      [`phone=${encodeURIComponent('021 6433 1234')}`, 'phone'],
      [`plate=${encodeURIComponent('沪a 00001')}`, 'plate'],
      [`vin=${VINS.V1}`, 'vin'],
    ] as const)
      expect([query, await lookup(query, headers)]).toEqual([
        query,
        { status: 200, body: { by, matches: [summary()] } },
      ]);
  });

  it('masks the phone for OEM staff, and answers nobody for an unknown phone', async () => {
    const oem = { ...(await api.as({ role: 'oem-staff' })), ...REASON };
    const answer = await lookup(`phone=${PHONE}`, oem);
    expect(answer.body.matches.map((m: { phone: string }) => m.phone)).toEqual(['139****5678']);
    expect(await lookup('phone=13800000000', oem)).toEqual({
      status: 200,
      body: { by: 'phone', matches: [] },
    });
  });

  it('shows another dealer’s staff nothing of this dealer, and a consultant only their own prospects’ customers', async () => {
    const otherDealer = { ...(await staff('customer-service', 'd-bj-02')), ...REASON };
    for (const query of [`phone=${PHONE}`, `plate=${encodeURIComponent(PLATE)}`, `vin=${VINS.V1}`])
      expect(await lookup(query, otherDealer)).toEqual({
        status: 200,
        body: { by: query.split('=')[0], matches: [] },
      });
    const colleague = { ...(await staff('sales-consultant', DEALER, 'sc-wang')), ...REASON };
    expect((await lookup(`phone=${PHONE}`, colleague)).body.matches).toEqual([]);
    const owner = { ...(await staff('sales-consultant', DEALER, 'sc-li')), ...REASON };
    const own = (await lookup(`phone=${PHONE}`, owner)).body.matches;
    expect(own.map((m: { customerId: string }) => m.customerId)).toEqual(['cu-v1']);
  });

  it('records each lookup that found someone in the access audit, with its reason', async () => {
    const headers = { ...(await staff('customer-service')), 'x-access-reason': 'inbound call 4711' };
    await lookup(`vin=${VINS.V1}`, headers);
    await api.settle();
    const audit = await api.request({ method: 'GET', url: '/access-audit?customerId=cu-v1&limit=100' });
    const lookups = audit
      .json()
      .items.filter((entry: { route: string }) => entry.route === 'GET /customers/lookup');
    expect(lookups[0]).toMatchObject({
      kind: 'file-opened',
      customerId: 'cu-v1',
      actorId: 'test-customer-service-d-sh-01',
      role: 'customer-service',
      dealerId: DEALER,
      recordId: null,
      reason: 'inbound call 4711',
    });
  });

  it('refuses a lookup without a reason, without a key, with two keys or a malformed one, naming the field', async () => {
    const fieldsOf = async (query: string, headers: Record<string, string> = REASON) => {
      const answer = await lookup(query, headers);
      return [answer.status, answer.body.errors.map((e: { field: string }) => e.field)];
    };
    expect(await fieldsOf(`phone=${PHONE}`, {})).toEqual([400, ['X-Access-Reason']]);
    expect(await fieldsOf('')).toEqual([400, ['phone']]);
    expect(await fieldsOf(`phone=${PHONE}&vin=${VINS.V1}`)).toEqual([400, ['vin']]);
    expect(await fieldsOf('vin=LSVAB4BR5MN00000I')).toEqual([400, ['vin']]);
    expect(await fieldsOf('phone=call-me')).toEqual([400, ['phone']]);
  });

  it('keeps no clear phone or plate in any index, and shows [erased] once the customer is forgotten', async () => {
    const db = new Database(join(api.dataDir, 'read-models.sqlite'), { readonly: true });
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as {
      name: string;
    }[];
    const rows = tables.map(({ name }) => JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all())).join();
    db.close();
    expect(rows).toContain('phone:');
    for (const clear of [PHONE, '02164331234', JSON.stringify(PLATE).slice(1, -1), PLATE])
      expect(rows).not.toContain(clear);
    await ok('/customers/cu-v1/forget', { reason: 'erasure request', requestReference: 'DSR-7' });
    await api.settle();
    const answer = await lookup(`vin=${VINS.V1}`, REASON);
    expect(answer.body.matches).toMatchObject([
      { customerId: 'cu-v1', name: '[erased]', phone: '[erased]', vehicles: [{ plate: '[erased]' }] },
    ]);
  });
});
