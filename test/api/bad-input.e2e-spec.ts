import { startTestApp, type TestApp } from '../support/test-app';

const valid = {
  dealerId: 'd-sh-01',
  channel: 'hotline',
  category: 'service',
  severity: 'general',
  customer: { customerId: 'cu-9', name: 'Wang Fang', phone: '13812345678' },
  description: 'noise',
  remedySought: 'repair',
};
const json = { 'content-type': 'application/json' };

describe('bad input gets a clear 4xx and appends nothing', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ env: { BODY_LIMIT_BYTES: '4096' } });
    await api.request({
      method: 'POST',
      url: '/complaints',
      headers: json,
      payload: { ...valid, complaintId: 'c-1' },
    });
  });
  afterAll(async () => {
    await api.close();
  });

  const expectNothingAppended = async (send: () => Promise<{ statusCode: number }>) => {
    // The reactors' appends for what came before land first: only this request may not move the head.
    await api.settle();
    const head = await api.eventStore.headPosition();
    const response = await send();
    expect(await api.eventStore.headPosition()).toBe(head);
    return response as Awaited<ReturnType<TestApp['request']>>;
  };

  it.each([
    ['a missing required field', { ...valid, dealerId: undefined }, [['dealerId', /dealerId must be/]]],
    [
      'a value outside its set',
      { ...valid, severity: 'apocalyptic' },
      [['severity', /one of the following values/]],
    ],
    ['a wrong type', { ...valid, description: 42 }, [['description', /string/]]],
    [
      'a bad nested field',
      { ...valid, customer: { ...valid.customer, phone: 'call me' } },
      [['customer.phone', /digits/]],
    ],
    ['a missing nested object', { ...valid, customer: undefined }, [['customer', /./]]],
    ['an unknown field', { ...valid, discount: 5 }, [['discount', /should not exist/]]],
    ['a bad business time', { ...valid, occurredAt: 'yesterday' }, [['occurredAt', /ISO 8601/]]],
    ['a bad id', { ...valid, complaintId: 'c 42/../x' }, [['complaintId', /letters, digits/]]],
  ])('%s: 400 naming the field and the reason', async (_case, payload, fields) => {
    const response = await expectNothingAppended(() =>
      api.request({ method: 'POST', url: '/complaints', headers: json, payload: JSON.stringify(payload) }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json();
    expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', title: 'Bad Request' });
    for (const [field, reason] of fields as Array<[string, RegExp]>) {
      expect(problem.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, reason: expect.stringMatching(reason) })]),
      );
    }
  });

  it.each([
    ['malformed JSON', '{"dealerId": ', json, 400, 'MALFORMED_JSON'],
    ['an empty JSON body', '', json, 400, 'MALFORMED_JSON'],
    ['a JSON array', '[1,2]', json, 400, 'VALIDATION_FAILED'],
    ['a JSON string', '"complaint"', json, 400, 'VALIDATION_FAILED'],
    ['JSON null', 'null', json, 400, 'VALIDATION_FAILED'],
    [
      'a body that is too large',
      JSON.stringify({ ...valid, description: 'x'.repeat(10_000) }),
      json,
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'a body that is not JSON',
      'dealerId=d-1',
      { 'content-type': 'text/plain' },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
  ])('%s gets its status and code', async (_case, payload, headers, status, code) => {
    const response = await expectNothingAppended(() =>
      api.request({ method: 'POST', url: '/complaints', headers, payload }),
    );
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status, code });
  });

  it.each([
    ['an unknown route', 'GET', '/warranty-claims/w-1', 404, 'ROUTE_NOT_FOUND'],
    ['an unknown route with a body', 'POST', '/complaints/c-1/teleport', 404, 'ROUTE_NOT_FOUND'],
    ['a bad path id', 'GET', '/complaints/c%20%2F1', 400, 'VALIDATION_FAILED'],
    ['a bad query value', 'GET', '/complaints?limit=lots', 400, 'VALIDATION_FAILED'],
    ['an out-of-range query value', 'GET', '/complaints?limit=100000', 400, 'VALIDATION_FAILED'],
    ['an unknown query parameter', 'GET', '/complaints?colour=red', 400, 'VALIDATION_FAILED'],
    ['a bad month', 'GET', '/complaints/sla/monthly?month=2026-13', 400, 'VALIDATION_FAILED'],
  ])('%s gets its status and code', async (_case, method, url, status, code) => {
    const response = await expectNothingAppended(() =>
      api.request({
        method: method as 'GET' | 'POST',
        url,
        headers: json,
        payload: method === 'POST' ? '{}' : undefined,
      }),
    );
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ status, code });
  });

  it.each([
    ['If-Match', { 'if-match': 'revision three' }],
    ['Idempotency-Key', { 'idempotency-key': 'x'.repeat(201) }],
  ])('a malformed %s header: 400 naming the header', async (field, headers) => {
    const response = await expectNothingAppended(() =>
      api.request({
        method: 'POST',
        url: '/complaints/c-1/acknowledge',
        headers: { ...json, ...headers },
        payload: '{}',
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ field })]);
  });

  it('never answers 500 to any of the above: the correlation id comes back for support', async () => {
    const response = await api.request({
      method: 'POST',
      url: '/complaints',
      headers: { ...json, 'x-correlation-id': 'support-ticket-77' },
      payload: '{',
    });
    expect(response.headers['x-correlation-id']).toBe('support-ticket-77');
    expect(response.json().correlationId).toBe('support-ticket-77');
  });
});
