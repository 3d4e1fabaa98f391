import { startTestApp, type TestApp } from '../support/test-app';

describe('HTTP limits: rate limit per credential and per IP, security headers', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers the 4th request of a credential within a minute with 429 problem+json and Retry-After; another credential still passes', async () => {
    const analyst = await api.as({ role: 'analyst' });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await api.request({ method: 'GET', url: '/complaints', headers: analyst })).statusCode);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await api.request({ method: 'GET', url: '/complaints', headers: analyst });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
    const auditor = await api.as({ role: 'auditor' });
    expect((await api.request({ method: 'GET', url: '/complaints', headers: auditor })).statusCode).toBe(200);
  });

  it('counts unauthenticated requests per IP, so guessing credentials is limited too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await api.inject({
        method: 'GET',
        url: '/complaints',
        remoteAddress: '203.0.113.9',
        headers: { authorization: `Bearer crm_0b6c1d52-9f3e-4c55-8d41-00000000000${i}_${'x'.repeat(43)}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it("never limits /health: a flood of guessed credentials from the probe's IP leaves the probe answering", async () => {
    const probe = '192.0.2.44';
    for (let i = 0; i < 4; i += 1)
      await api.inject({
        method: 'GET',
        url: '/complaints',
        remoteAddress: probe,
        headers: { authorization: `Bearer crm_0b6c1d52-9f3e-4c55-8d41-10000000000${i}_${'x'.repeat(43)}` },
      });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1)
      statuses.push(
        (
          await api.inject({
            method: 'GET',
            url: i % 2 ? '/health?verbose=1' : '/health',
            remoteAddress: probe,
          })
        ).statusCode,
      );
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    // The flood itself is still limited.
    const next = await api.inject({ method: 'GET', url: '/complaints', remoteAddress: probe });
    expect(next.statusCode).toBe(429);
  });

  it('sends security headers, with a content security policy under which Swagger UI still loads', async () => {
    const health = await api.inject({ method: 'GET', url: '/health', remoteAddress: '198.51.100.1' });
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(health.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(health.headers['content-security-policy']).toContain("default-src 'self'");
    const docs = await api.inject({ method: 'GET', url: '/docs', remoteAddress: '198.51.100.2' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toMatch(/text\/html/);
    expect(docs.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
  });

  it('refuses a body over BODY_LIMIT_BYTES with 413 problem+json and appends nothing', async () => {
    const small = await startTestApp({ env: { BODY_LIMIT_BYTES: '2048' } });
    try {
      const head = await small.eventStore.headPosition();
      const response = await small.request({
        method: 'POST',
        url: '/complaints',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ description: 'x'.repeat(4096) }),
      });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
      expect(await small.eventStore.headPosition()).toBe(head);
    } finally {
      await small.close();
    }
  });
});
