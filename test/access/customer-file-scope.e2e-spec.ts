import { prospectBody } from '../support/sales-api';
import { startTestApp, type TestApp } from '../support/test-app';

const json = { 'content-type': 'application/json' };
const reason = { 'x-access-reason': 'follow-up call' };

/**
 * Issue 13: a sales consultant opens only the files of customers whose prospects they own, and sees only
 * their own prospects in them, as on GET /prospects/{id} (docs/access.md, docs/privacy.md). Dealer d-a:
 * sc-a1 owns p-a-1 (customer cu-p-a-1) and p-a-3 (customer cu-both), sc-a2 owns p-a-2 (cu-p-a-2) and
 * p-a-4 (cu-both, another phone of the same person); cu-complaint has only a complaint.
 */
describe("a sales consultant and a customer's file", () => {
  let api: TestApp;
  const as: Record<string, { authorization: string }> = {};
  const open = (who: string, customerId: string) =>
    api.request({ method: 'GET', url: `/customers/${customerId}`, headers: { ...as[who], ...reason } });
  /** A refusal: status and code, and nothing recorded in the access audit (the head does not move). */
  const refused = async (who: string, customerId: string) => {
    const head = await api.eventStore.headPosition();
    const response = await open(who, customerId);
    expect(await api.eventStore.headPosition()).toBe(head);
    return [response.statusCode, response.json().code];
  };
  const register = async (id: string, phone: string, consultantId: string, customerId: string) => {
    const body = prospectBody(id, phone, {
      dealerId: 'd-a',
      consultantId,
      contact: { customerId, name: `Customer ${id}`, phone },
    });
    const response = await api.request({ method: 'POST', url: '/prospects', headers: json, payload: body });
    expect(response.statusCode).toBe(201);
  };

  beforeAll(async () => {
    api = await startTestApp();
    as.scA1 = await api.as({ role: 'sales-consultant', dealerId: 'd-a', userId: 'sc-a1' });
    as.managerA = await api.as({ role: 'dealer-manager', dealerId: 'd-a', userId: 'dm-a' });
    await register('p-a-1', '13800000001', 'sc-a1', 'cu-p-a-1');
    await register('p-a-2', '13800000002', 'sc-a2', 'cu-p-a-2');
    await register('p-a-3', '13800000003', 'sc-a1', 'cu-both');
    await register('p-a-4', '13800000004', 'sc-a2', 'cu-both');
    const complaint = await api.request({
      method: 'POST',
      url: '/complaints',
      headers: json,
      payload: {
        complaintId: 'c-a1',
        dealerId: 'd-a',
        channel: 'dealer',
        category: 'service',
        severity: 'general',
        customer: { customerId: 'cu-complaint', name: 'Li Lei', phone: '13900001111' },
        description: 'waited two hours',
        remedySought: 'an apology',
      },
    });
    expect(complaint.statusCode).toBe(201);
    await api.settle();
  });
  afterAll(async () => {
    await api.close();
  });

  it("refuses the file of another consultant's customer with 403 OWNER_FORBIDDEN, as the prospect itself", async () => {
    const prospect = await api.request({ method: 'GET', url: '/prospects/p-a-2', headers: as.scA1 });
    expect([prospect.statusCode, prospect.json().code]).toEqual([403, 'OWNER_FORBIDDEN']);
    expect(await refused('scA1', 'cu-p-a-2')).toEqual([403, 'OWNER_FORBIDDEN']);
  });

  it('refuses the file of a customer with no prospect of theirs, and of an unknown customer, alike', async () => {
    expect(await refused('scA1', 'cu-complaint')).toEqual([403, 'OWNER_FORBIDDEN']);
    expect(await refused('scA1', 'cu-nobody')).toEqual([403, 'OWNER_FORBIDDEN']);
  });

  it("opens their own customer's file, with their own prospects only", async () => {
    const own = await open('scA1', 'cu-p-a-1');
    expect(own.statusCode).toBe(200);
    expect(own.json().prospects.map((p: { prospectId: string }) => p.prospectId)).toEqual(['p-a-1']);
    const shared = await open('scA1', 'cu-both');
    expect(shared.statusCode).toBe(200);
    expect(shared.json().prospects.map((p: { prospectId: string }) => p.prospectId)).toEqual(['p-a-3']);
  });

  it("leaves the dealer manager's view of the file as it was: every prospect of the dealer", async () => {
    const file = await open('managerA', 'cu-both');
    expect(file.statusCode).toBe(200);
    expect(
      file
        .json()
        .prospects.map((p: { prospectId: string }) => p.prospectId)
        .sort(),
    ).toEqual(['p-a-3', 'p-a-4']);
    expect((await open('managerA', 'cu-p-a-2')).statusCode).toBe(200);
  });
});
