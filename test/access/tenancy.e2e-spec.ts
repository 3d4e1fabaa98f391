import type { TestPrincipal } from '../support/test-app';
import { prospectBody } from '../support/sales-api';
import { startTestApp, type TestApp } from '../support/test-app';

const json = { 'content-type': 'application/json' };
const complaintBody = (complaintId: string, dealerId: string) => ({
  complaintId,
  dealerId,
  channel: 'dealer',
  category: 'service',
  severity: 'general',
  customer: { customerId: `cu-${complaintId}`, name: 'Li Lei', phone: '13900001111' },
  description: 'waited two hours',
  remedySought: 'an apology',
});
const repairOrderBody = (repairOrderId: string, dealerId: string, vin: string) => ({
  repairOrderId,
  dealerId,
  vin,
  plate: '沪A12345',
  customerId: `cu-${repairOrderId}`,
  mileageKm: 12_000,
  customerDescription: 'oil change',
  serviceAdvisorId: 'u-sa-1',
});

/**
 * Two dealers, d-1 and d-2, with a complaint, prospects, a repair order and a member each where it
 * matters. Dealer-bound principals act for d-1; the OEM sees both.
 */
describe('dealer tenancy and ownership: 403 and nothing appended', () => {
  let api: TestApp;
  const as = new Map<string, { authorization: string }>();
  const principals: Record<string, TestPrincipal> = {
    manager: { role: 'dealer-manager', dealerId: 'd-1', userId: 'u-dm-1' },
    desk: { role: 'customer-service', dealerId: 'd-1', userId: 'u-cs-1' },
    advisor: { role: 'service-advisor', dealerId: 'd-1', userId: 'u-sa-1' },
    me: { role: 'sales-consultant', dealerId: 'd-1', userId: 'sc-me' },
    oem: { role: 'oem-staff', userId: 'u-oem-1' },
    analyst: { role: 'analyst', userId: 'u-an-1' },
    auditor: { role: 'auditor', userId: 'u-au-1' },
  };
  const send = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    api.request({
      method,
      url,
      headers: { ...json, ...as.get(who) },
      ...(payload ? { payload } : {}),
    });
  const admin = async (url: string, payload: object) => {
    const response = await api.request({ method: 'POST', url, headers: json, payload });
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  };
  /** A refusal: its status and code, and the event store head unchanged. */
  const refused = async (who: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const head = await api.eventStore.headPosition();
    const response = await send(who, method, url, payload);
    expect(await api.eventStore.headPosition()).toBe(head);
    return [response.statusCode, response.json().code];
  };

  beforeAll(async () => {
    api = await startTestApp();
    for (const [name, principal] of Object.entries(principals)) as.set(name, await api.as(principal));
    await admin('/complaints', complaintBody('c-d1', 'd-1'));
    await admin('/complaints', complaintBody('c-d2', 'd-2'));
    await admin(
      '/prospects',
      prospectBody('p-mine', '13800000001', { dealerId: 'd-1', consultantId: 'sc-me' }),
    );
    await admin(
      '/prospects',
      prospectBody('p-other', '13800000002', { dealerId: 'd-1', consultantId: 'sc-other' }),
    );
    await admin(
      '/prospects',
      prospectBody('p-d2', '13800000003', { dealerId: 'd-2', consultantId: 'sc-d2' }),
    );
    await admin('/repair-orders', repairOrderBody('ro-d1', 'd-1', 'LSVAA4180E2000001'));
    await admin('/repair-orders', repairOrderBody('ro-d2', 'd-2', 'LSVAA4180E2000002'));
    await admin('/memberships', { customerId: 'cu-m2', cardNumber: 'C-m2', homeDealerId: 'd-2' });
    await api.settle();
  });
  afterAll(async () => {
    await api.close();
  });

  describe('queries', () => {
    it('lists only the own dealer when no dealer is asked for, and refuses another dealer', async () => {
      const mine = await send('manager', 'GET', '/complaints');
      expect(mine.statusCode).toBe(200);
      expect(mine.json().items.map((item: { complaintId: string }) => item.complaintId)).toEqual(['c-d1']);
      expect(await refused('manager', 'GET', '/complaints?dealerId=d-2')).toEqual([403, 'DEALER_FORBIDDEN']);
      const orders = await send('advisor', 'GET', '/repair-orders');
      expect(orders.json().items.map((item: { repairOrderId: string }) => item.repairOrderId)).toEqual([
        'ro-d1',
      ]);
      expect(await refused('advisor', 'GET', '/repair-orders?dealerId=d-2')).toEqual([
        403,
        'DEALER_FORBIDDEN',
      ]);
    });

    it('refuses another dealer in KPIs and keeps the default to the own dealer', async () => {
      expect(await refused('manager', 'GET', '/complaints/sla/monthly?dealerId=d-2&month=2026-11')).toEqual([
        403,
        'DEALER_FORBIDDEN',
      ]);
      expect(await refused('manager', 'GET', '/loyalty/liability?dealerId=d-2')).toEqual([
        403,
        'DEALER_FORBIDDEN',
      ]);
      expect(await refused('manager', 'GET', '/sales/funnel?dealerId=d-2&month=2026-11')).toEqual([
        403,
        'DEALER_FORBIDDEN',
      ]);
      const own = await send('manager', 'GET', '/complaints/sla/monthly');
      expect(own.statusCode).toBe(200);
      expect(own.json().map((row: { dealerId: string }) => row.dealerId)).toEqual(['d-1']);
      // Network-wide roles see both dealers.
      const network = await send('analyst', 'GET', '/complaints/sla/monthly');
      expect(
        network
          .json()
          .map((row: { dealerId: string }) => row.dealerId)
          .sort(),
      ).toEqual(['d-1', 'd-2']);
    });

    it("refuses another dealer's detail records and exports", async () => {
      expect(await refused('manager', 'GET', '/complaints/c-d2')).toEqual([403, 'DEALER_FORBIDDEN']);
      expect(await refused('manager', 'GET', '/complaints/c-d2/trail?format=csv')).toEqual([
        403,
        'DEALER_FORBIDDEN',
      ]);
      expect(await refused('manager', 'GET', '/complaints/c-d2/trail')).toEqual([403, 'DEALER_FORBIDDEN']);
      expect(await refused('advisor', 'GET', '/repair-orders/ro-d2')).toEqual([403, 'DEALER_FORBIDDEN']);
      expect(await refused('manager', 'GET', '/prospects/p-d2')).toEqual([403, 'DEALER_FORBIDDEN']);
      expect(await refused('advisor', 'GET', '/memberships/cu-m2')).toEqual([403, 'DEALER_FORBIDDEN']);
      expect((await send('manager', 'GET', '/complaints/c-d1')).statusCode).toBe(200);
      expect((await send('manager', 'GET', '/complaints/c-d1/trail?format=csv')).statusCode).toBe(200);
      expect((await send('oem', 'GET', '/complaints/c-d2')).statusCode).toBe(200);
      expect((await send('auditor', 'GET', '/complaints/c-d2/trail')).statusCode).toBe(200);
    });

    it("shows a VIN's service history only at the own dealer", async () => {
      const foreign = await send('advisor', 'GET', '/service/vehicles/LSVAA4180E2000002/history');
      expect(foreign.statusCode).toBe(200);
      expect(foreign.json().repairOrders).toEqual([]);
      const own = await send('advisor', 'GET', '/service/vehicles/LSVAA4180E2000001/history');
      expect(own.json().repairOrders.map((order: { repairOrderId: string }) => order.repairOrderId)).toEqual([
        'ro-d1',
      ]);
    });

    it("keeps a sales consultant to their own prospects: lists, details, and another consultant's filter", async () => {
      const mine = await send('me', 'GET', '/prospects');
      expect(mine.json().items.map((item: { prospectId: string }) => item.prospectId)).toEqual(['p-mine']);
      expect(await refused('me', 'GET', '/prospects/p-other')).toEqual([403, 'OWNER_FORBIDDEN']);
      expect(await refused('me', 'GET', '/prospects?consultantId=sc-other')).toEqual([
        403,
        'OWNER_FORBIDDEN',
      ]);
      expect((await send('me', 'GET', '/prospects/p-mine')).statusCode).toBe(200);
      // The manager of the dealer sees both of its consultants' prospects.
      const all = await send('manager', 'GET', '/prospects');
      expect(
        all
          .json()
          .items.map((item: { prospectId: string }) => item.prospectId)
          .sort(),
      ).toEqual(['p-mine', 'p-other']);
    });
  });

  describe('commands', () => {
    it('refuses a role without the permission', async () => {
      expect(await refused('analyst', 'POST', '/complaints', complaintBody('c-an', 'd-1'))).toEqual([
        403,
        'ROLE_FORBIDDEN',
      ]);
      expect(await refused('auditor', 'POST', '/complaints/c-d1/acknowledge', {})).toEqual([
        403,
        'ROLE_FORBIDDEN',
      ]);
      expect(
        await refused('desk', 'POST', '/prospects/p-mine/reassign', {
          consultantId: 'sc-x',
          reason: 'leave',
        }),
      ).toEqual([403, 'ROLE_FORBIDDEN']);
    });

    it("refuses another dealer's record, and creating a record for another dealer", async () => {
      expect(await refused('desk', 'POST', '/complaints/c-d2/acknowledge', {})).toEqual([
        403,
        'DEALER_FORBIDDEN',
      ]);
      expect(await refused('desk', 'POST', '/complaints', complaintBody('c-new', 'd-2'))).toEqual([
        403,
        'DEALER_FORBIDDEN',
      ]);
      expect(
        await refused('advisor', 'POST', '/repair-orders/ro-d2/diagnosis', { diagnosis: 'worn pads' }),
      ).toEqual([403, 'DEALER_FORBIDDEN']);
      expect(await refused('manager', 'POST', '/memberships/cu-m2/cancel', { reason: 'moved away' })).toEqual(
        [403, 'DEALER_FORBIDDEN'],
      );
      expect(
        await refused('desk', 'POST', '/complaints/c-d1/assign', { dealerId: 'd-2', reason: 'theirs' }),
      ).toEqual([403, 'TRANSFER_FORBIDDEN']);
    });

    it("refuses a consultant on another consultant's prospect, and lets them work their own", async () => {
      expect(await refused('me', 'POST', '/prospects/p-other/grade', { grade: 'H' })).toEqual([
        403,
        'OWNER_FORBIDDEN',
      ]);
      expect(
        await refused(
          'me',
          'POST',
          '/prospects',
          prospectBody('p-stolen', '13800000009', { dealerId: 'd-1', consultantId: 'sc-other' }),
        ),
      ).toEqual([403, 'OWNER_FORBIDDEN']);
      expect((await send('me', 'POST', '/prospects/p-mine/grade', { grade: 'H' })).statusCode).toBe(200);
    });

    it('lets the OEM hand leads to any dealer, and nothing else', async () => {
      expect(
        await refused(
          'oem',
          'POST',
          '/prospects',
          prospectBody('p-oem-walk', '13800000010', { dealerId: 'd-2' }),
        ),
      ).toEqual([403, 'OEM_LEADS_ONLY']);
      const lead = await send(
        'oem',
        'POST',
        '/prospects',
        prospectBody('p-oem-lead', '13800000011', {
          dealerId: 'd-2',
          consultantId: 'sc-d2',
          channel: 'oem-lead',
        }),
      );
      expect(lead.statusCode).toBe(201);
    });

    it('records the principal as the actor of the event, whatever headers say', async () => {
      const response = await api.request({
        method: 'POST',
        url: '/complaints/c-d1/acknowledge',
        headers: {
          ...json,
          ...as.get('desk'),
          'x-actor-id': 'mallory',
          'x-actor-role': 'admin',
          'x-dealer-id': 'd-2',
        },
        payload: { note: 'called' },
      });
      expect(response.statusCode).toBe(200);
      const stream = await api.eventStore.readStream('complaint-c-d1');
      expect(stream[stream.length - 1]).toMatchObject({
        type: 'ComplaintAcknowledged',
        metadata: { actor: { userId: 'u-cs-1', role: 'customer-service', dealerId: 'd-1' } },
      });
    });
  });
});
