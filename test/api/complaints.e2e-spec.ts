import { startTestApp, testClock, type TestApp } from '../support/test-app';

const fileBody = (overrides: Record<string, unknown> = {}) => ({
  dealerId: 'd-sh-01',
  channel: 'hotline',
  category: 'service',
  severity: 'general',
  customer: { customerId: 'cu-9', name: '王芳', phone: '13812345678' },
  relatedRepairOrderId: 'ro-77',
  description: 'Brake noise came back two days after the repair',
  remedySought: 'free re-repair and a courtesy car',
  ...overrides,
});

const json = { 'content-type': 'application/json' };

describe('complaints over HTTP: the reference slice', () => {
  const clock = testClock('2026-03-02T09:00:00.000Z');
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ clock });
  });
  afterAll(async () => {
    await api.close();
  });

  it('files a complaint, shows it with its deadlines and ETag, then acknowledges it on time', async () => {
    const filed = await api.request({
      method: 'POST',
      url: '/complaints',
      headers: {
        ...json,
        ...(await api.as({ role: 'oem-staff', userId: 'u-hotline-7' })),
        'x-correlation-id': 'corr-42',
      },
      payload: fileBody({ complaintId: 'c-42' }),
    });
    expect(filed.statusCode).toBe(201);
    expect(filed.headers.location).toBe('/complaints/c-42');
    expect(filed.headers.etag).toBe('"0"');
    expect(filed.json()).toMatchObject({
      id: 'c-42',
      streamId: 'complaint-c-42',
      revision: 0,
      replayed: false,
    });

    await api.settle();
    const shown = await api.request({ method: 'GET', url: '/complaints/c-42' });
    expect(shown.statusCode).toBe(200);
    expect(shown.headers.etag).toBe('"0"');
    expect(shown.json()).toMatchObject({
      status: 'filed',
      level: 'L1',
      filedAt: '2026-03-02T09:00:00.000Z',
      filedBy: 'u-hotline-7',
      nextDeadline: '2026-03-03T09:00:00.000Z',
      clocks: [
        {
          clock: 'acknowledge',
          startedAt: '2026-03-02T09:00:00.000Z',
          dueBy: '2026-03-03T09:00:00.000Z',
          level: 'L1',
          missed: false,
        },
        {
          clock: 'resolve',
          startedAt: '2026-03-02T09:00:00.000Z',
          dueBy: '2026-03-05T09:00:00.000Z',
          level: 'L1',
          missed: false,
        },
      ],
    });

    clock.set('2026-03-02T15:30:00.000Z');
    const acknowledged = await api.request({
      method: 'POST',
      url: '/complaints/c-42/acknowledge',
      headers: {
        ...json,
        'if-match': '"0"',
        ...(await api.as({ role: 'customer-service', dealerId: 'd-sh-01', userId: 'u-crm-2' })),
      },
      payload: { note: 'called back' },
    });
    expect(acknowledged.statusCode).toBe(200);
    expect(acknowledged.headers.etag).toBe('"1"');

    const [, stored] = await api.eventStore.readStream('complaint-c-42');
    expect(stored).toMatchObject({
      type: 'ComplaintAcknowledged',
      schemaVersion: 1,
      occurredAt: '2026-03-02T15:30:00.000Z',
      data: { onTime: true, acknowledgeBy: '2026-03-03T09:00:00.000Z' },
      metadata: { actor: { userId: 'u-crm-2', role: 'customer-service', dealerId: 'd-sh-01' } },
    });
    const [first] = await api.eventStore.readStream('complaint-c-42');
    expect(first.metadata).toMatchObject({ correlationId: 'corr-42', causationId: null });

    await api.settle();
    const sla = await api.request({ method: 'GET', url: '/complaints/sla/monthly?dealerId=d-sh-01' });
    expect(sla.json()).toEqual([
      {
        dealerId: 'd-sh-01',
        month: '2026-03',
        filed: 1,
        filedByLevel: { L1: 1, L2: 0, L3: 0 },
        acknowledged: 1,
        acknowledgedOnTime: 1,
        acknowledgedOnTimeRate: 1,
      },
    ]);
  });

  it('takes the business time from occurredAt when an integrator syncs a past fact', async () => {
    const response = await api.request({
      method: 'POST',
      url: '/complaints',
      headers: json,
      payload: fileBody({ complaintId: 'c-past', occurredAt: '2026-02-27T23:30:00+08:00' }),
    });
    expect(response.statusCode).toBe(201);
    const [event] = await api.eventStore.readStream('complaint-c-past');
    expect(event.occurredAt).toBe('2026-02-27T15:30:00.000Z');
    expect(event.data).toMatchObject({ acknowledgeBy: '2026-02-28T15:30:00.000Z' });
  });

  it('answers a retried command with the same Idempotency-Key with the first outcome and appends nothing', async () => {
    const send = () =>
      api.request({
        method: 'POST',
        url: '/complaints',
        headers: { ...json, 'idempotency-key': 'hotline-call-8812' },
        payload: fileBody(),
      });
    const first = await send();
    const head = await api.eventStore.headPosition();
    const retry = await send();
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json()).toEqual({ ...first.json(), replayed: true });
    expect(await api.eventStore.headPosition()).toBe(head);
    expect(await api.eventStore.readStream(first.json().streamId)).toHaveLength(1);
  });

  it('lets concurrent deliveries of one idempotent request append once', async () => {
    await api.request({
      method: 'POST',
      url: '/complaints',
      headers: json,
      payload: fileBody({ complaintId: 'c-race' }),
    });
    const raced = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.request({
          method: 'POST',
          url: '/complaints/c-race/acknowledge',
          headers: { ...json, 'idempotency-key': 'ack-race' },
          payload: {},
        }),
      ),
    );
    expect(raced.map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect((await api.eventStore.readStream('complaint-c-race')).map((event) => event.type)).toEqual([
      'ComplaintFiled',
      'ComplaintAcknowledged',
    ]);
  });

  it('refuses the same Idempotency-Key for a different request and appends nothing', async () => {
    const head = await api.eventStore.headPosition();
    const reused = await api.request({
      method: 'POST',
      url: '/complaints',
      headers: { ...json, 'idempotency-key': 'hotline-call-8812' },
      payload: fileBody({ severity: 'major' }),
    });
    expect(reused.statusCode).toBe(422);
    expect(reused.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await api.eventStore.headPosition()).toBe(head);
  });

  it("never hands one principal the outcome of another's Idempotency-Key: the same key and body from someone else is refused", async () => {
    const other = await api.as({ role: 'oem-staff', userId: 'u-hotline-9' });
    const head = await api.eventStore.headPosition();
    const replayedForOther = await api.request({
      method: 'POST',
      url: '/complaints',
      headers: { ...json, ...other, 'idempotency-key': 'hotline-call-8812' },
      payload: fileBody(),
    });
    expect(replayedForOther.statusCode).toBe(422);
    expect(replayedForOther.json()).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(replayedForOther.json()).not.toHaveProperty('streamId');
    expect(await api.eventStore.headPosition()).toBe(head);
  });

  it('answers a stale If-Match with 409 and appends nothing', async () => {
    await api.request({
      method: 'POST',
      url: '/complaints',
      headers: json,
      payload: fileBody({ complaintId: 'c-stale' }),
    });
    const head = await api.eventStore.headPosition();
    const stale = await api.request({
      method: 'POST',
      url: '/complaints/c-stale/acknowledge',
      headers: { ...json, 'if-match': '"3"' },
      payload: {},
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(stale.json()).toMatchObject({
      status: 409,
      code: 'WRONG_EXPECTED_REVISION',
      details: { streamId: 'complaint-c-stale', expected: 3, actual: 0 },
    });
    expect(await api.eventStore.headPosition()).toBe(head);
  });

  it('answers a duplicate filing with 409, an unknown complaint with 404 and a forbidden transition with 422', async () => {
    const head = await api.eventStore.headPosition();
    const duplicate = await api.request({
      method: 'POST',
      url: '/complaints',
      headers: json,
      payload: fileBody({ complaintId: 'c-42' }),
    });
    expect([duplicate.statusCode, duplicate.json().code]).toEqual([409, 'COMPLAINT_ALREADY_FILED']);

    const unknownAck = await api.request({
      method: 'POST',
      url: '/complaints/c-nobody/acknowledge',
      headers: json,
      payload: {},
    });
    expect([unknownAck.statusCode, unknownAck.json().code]).toEqual([404, 'COMPLAINT_NOT_FOUND']);
    const unknownGet = await api.request({ method: 'GET', url: '/complaints/c-nobody' });
    expect([unknownGet.statusCode, unknownGet.json().code]).toEqual([404, 'COMPLAINT_NOT_FOUND']);

    const again = await api.request({
      method: 'POST',
      url: '/complaints/c-42/acknowledge',
      headers: json,
      payload: {},
    });
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({
      type: 'urn:dealer-crm:problem:complaint-already-acknowledged',
      code: 'COMPLAINT_ALREADY_ACKNOWLEDGED',
      details: { complaintId: 'c-42', acknowledgedAt: '2026-03-02T15:30:00.000Z' },
    });
    expect(await api.eventStore.headPosition()).toBe(head);
  });

  it('lists complaints by dealer and status, newest filing first, with paging', async () => {
    await api.settle();
    const page = await api.request({ method: 'GET', url: '/complaints?dealerId=d-sh-01&limit=2&offset=0' });
    expect(page.statusCode).toBe(200);
    const body = page.json();
    expect(body.total).toBe(5);
    expect(body.items.map((item: { filedAt: string }) => item.filedAt)).toEqual([
      '2026-03-02T15:30:00.000Z',
      '2026-03-02T15:30:00.000Z',
    ]);
    const acknowledged = await api.request({ method: 'GET', url: '/complaints?status=acknowledged' });
    expect(
      acknowledged
        .json()
        .items.map((item: { complaintId: string }) => item.complaintId)
        .sort(),
    ).toEqual(['c-42', 'c-race']);
  });
});
