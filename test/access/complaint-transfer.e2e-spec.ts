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

/**
 * Issue 13: handing a complaint to another dealer is the dealer manager's (docs/access.md); the desk of
 * the dealer gets 403 TRANSFER_FORBIDDEN whatever the complaint, and a complaint not on file belongs to
 * no dealer, so the dealer it would go to is never taken for its own.
 */
describe('transferring a complaint to another dealer', () => {
  let api: TestApp;
  const as: Record<string, { authorization: string }> = {};
  const answer = async (who: string, url: string, payload: object) => {
    // The reactors' appends for what came before land first: only this request may move the head.
    await api.settle();
    const head = await api.eventStore.headPosition();
    const response = await api.request({ method: 'POST', url, headers: { ...json, ...as[who] }, payload });
    const appended = (await api.eventStore.headPosition()) !== head;
    return { status: response.statusCode, code: response.json().code as string | undefined, appended };
  };

  beforeAll(async () => {
    api = await startTestApp();
    as.deskA = await api.as({ role: 'customer-service', dealerId: 'd-a', userId: 'cs-a1' });
    as.deskB = await api.as({ role: 'customer-service', dealerId: 'd-b', userId: 'cs-b1' });
    as.managerA = await api.as({ role: 'dealer-manager', dealerId: 'd-a', userId: 'dm-a' });
    const filed = await api.request({
      method: 'POST',
      url: '/complaints',
      headers: json,
      payload: complaintBody('c-t1', 'd-a'),
    });
    expect(filed.statusCode).toBe(201);
  });
  afterAll(async () => {
    await api.close();
  });

  it("refuses the desk of dealer A that transfers A's complaint to dealer B with TRANSFER_FORBIDDEN", async () => {
    expect(await answer('deskA', '/complaints/c-t1/assign', { dealerId: 'd-b', reason: 'theirs' })).toEqual({
      status: 403,
      code: 'TRANSFER_FORBIDDEN',
      appended: false,
    });
    expect(
      await answer('deskA', '/complaints/c-t1/assign', { dealerId: 'd-b', department: 'service' }),
    ).toEqual({ status: 403, code: 'TRANSFER_FORBIDDEN', appended: false });
  });

  it('refuses the desk with TRANSFER_FORBIDDEN also when the complaint is not on file', async () => {
    expect(await answer('deskA', '/complaints/c-never/assign', { dealerId: 'd-b', reason: 'x' })).toEqual({
      status: 403,
      code: 'TRANSFER_FORBIDDEN',
      appended: false,
    });
  });

  it("answers the manager's transfer of a complaint not on file with 404, not with the target dealer's 403", async () => {
    expect(await answer('managerA', '/complaints/c-never/assign', { dealerId: 'd-b', reason: 'x' })).toEqual({
      status: 404,
      code: 'COMPLAINT_NOT_FOUND',
      appended: false,
    });
  });

  it("refuses dealer B's desk on A's complaint as another dealer's record, and lets A's manager transfer it", async () => {
    expect(await answer('deskB', '/complaints/c-t1/assign', { dealerId: 'd-b', reason: 'ours' })).toEqual({
      status: 403,
      code: 'DEALER_FORBIDDEN',
      appended: false,
    });
    expect(
      await answer('managerA', '/complaints/c-t1/assign', { dealerId: 'd-b', reason: 'theirs' }),
    ).toEqual({
      status: 200,
      code: undefined,
      appended: true,
    });
  });
});
