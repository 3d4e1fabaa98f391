import { startTestApp, type TestApp } from '../support/test-app';

const json = { 'content-type': 'application/json' };
const complaintBody = (dealerId: string, complaintId?: string) => ({
  ...(complaintId ? { complaintId } : {}),
  dealerId,
  channel: 'dealer',
  category: 'service',
  severity: 'general',
  customer: { customerId: `cu-${complaintId ?? dealerId}`, name: 'Li Lei', phone: '13900001111' },
  description: 'waited two hours',
  remedySought: 'an apology',
});

/**
 * Issue 13: the pipeline checks the principal against the record before it looks for an earlier outcome
 * of the Idempotency-Key, so a key tells nobody of another dealer's records; a true retry still replays,
 * also after the record moved on. Dealers d-a and d-b; the desk (customer service) and the manager of d-a.
 */
describe('the principal is checked before the Idempotency-Key', () => {
  let api: TestApp;
  const as: Record<string, { authorization: string }> = {};
  const send = (who: string, url: string, payload: object, key?: string) =>
    api.request({
      method: 'POST',
      url,
      headers: { ...json, ...as[who], ...(key ? { 'idempotency-key': key } : {}) },
      payload,
    });
  /** The status and code of an answer that must append nothing. */
  const refused = async (who: string, url: string, payload: object, key?: string) => {
    const head = await api.eventStore.headPosition();
    const response = await send(who, url, payload, key);
    expect(await api.eventStore.headPosition()).toBe(head);
    return { status: response.statusCode, code: response.json().code, body: response.body };
  };

  beforeAll(async () => {
    api = await startTestApp();
    as.deskA = await api.as({ role: 'customer-service', dealerId: 'd-a', userId: 'cs-a1' });
    as.deskB = await api.as({ role: 'customer-service', dealerId: 'd-b', userId: 'cs-b1' });
    as.managerA = await api.as({ role: 'dealer-manager', dealerId: 'd-a', userId: 'dm-a' });
  });
  afterAll(async () => {
    await api.close();
  });

  it("refuses another dealer's desk that reuses a key of a step on dealer A's complaint with 403, never a 422 that tells the key was used", async () => {
    expect((await send('deskA', '/complaints', complaintBody('d-a', 'c-a1'))).statusCode).toBe(201);
    expect((await send('deskA', '/complaints/c-a1/acknowledge', {}, 'ack-c-a1')).statusCode).toBe(200);
    const reused = await refused('deskB', '/complaints/c-a1/acknowledge', {}, 'ack-c-a1');
    expect(reused).toMatchObject({ status: 403, code: 'DEALER_FORBIDDEN' });
    expect(reused.body).not.toContain('Idempotency-Key');
  });

  it("gives another dealer that reuses the key of dealer A's filing a complaint of its own, never A's stream", async () => {
    const first = await send('deskA', '/complaints', complaintBody('d-a'), 'hotline-0815');
    expect(first.statusCode).toBe(201);
    const other = await send('deskB', '/complaints', complaintBody('d-b'), 'hotline-0815');
    expect(other.statusCode).toBe(201);
    expect(other.json().replayed).toBe(false);
    expect(other.json().streamId).not.toBe(first.json().streamId);
    expect(other.body).not.toContain(first.json().id);
    // Dealer A's complaint is untouched; each desk's retry replays its own filing.
    expect(await api.eventStore.readStream(first.json().streamId)).toHaveLength(1);
    const retryA = await send('deskA', '/complaints', complaintBody('d-a'), 'hotline-0815');
    const retryB = await send('deskB', '/complaints', complaintBody('d-b'), 'hotline-0815');
    expect([retryA.json().id, retryA.headers['idempotent-replayed']]).toEqual([first.json().id, 'true']);
    expect([retryB.json().id, retryB.headers['idempotent-replayed']]).toEqual([other.json().id, 'true']);
  });

  it('replays a retry of the same principal after the record moved on to another dealer: the transfer and the filing', async () => {
    const filed = await send('managerA', '/complaints', complaintBody('d-a', 'c-a2'), 'file-c-a2');
    const moved = await send(
      'managerA',
      '/complaints/c-a2/assign',
      { dealerId: 'd-b', reason: 'theirs' },
      'move-c-a2',
    );
    expect([filed.statusCode, moved.statusCode]).toEqual([201, 200]);
    // c-a2 is d-b's now: a new command of d-a's manager on it is refused ...
    expect(
      await refused('managerA', '/complaints/c-a2/contacts', { channel: 'phone', summary: 'x' }),
    ).toMatchObject({
      status: 403,
      code: 'DEALER_FORBIDDEN',
    });
    // ... yet the retries of what the manager did while it was d-a's get their first outcomes.
    const head = await api.eventStore.headPosition();
    const movedAgain = await send(
      'managerA',
      '/complaints/c-a2/assign',
      { dealerId: 'd-b', reason: 'theirs' },
      'move-c-a2',
    );
    const filedAgain = await send('managerA', '/complaints', complaintBody('d-a', 'c-a2'), 'file-c-a2');
    expect(await api.eventStore.headPosition()).toBe(head);
    expect([movedAgain.statusCode, movedAgain.headers['idempotent-replayed']]).toEqual([200, 'true']);
    expect(movedAgain.json()).toEqual({ ...moved.json(), replayed: true });
    expect([filedAgain.statusCode, filedAgain.headers['idempotent-replayed']]).toEqual([201, 'true']);
    expect(filedAgain.json()).toEqual({ ...filed.json(), replayed: true });
  });
});
