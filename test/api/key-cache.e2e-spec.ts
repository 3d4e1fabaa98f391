import { startTestApp, type TestApp } from '../support/test-app';

const json = { 'content-type': 'application/json' };

/**
 * The key cache (issue 14 §5) across processes: two apps on one data directory stand for two processes.
 * The first keeps the customer's unwrapped key for a minute (`PII_KEY_FRESHNESS_MS`); the second forgets
 * the customer. The first refuses new personal data for them at once (writes always ask the key store) and
 * shows them erased long before its cached key would go stale: its cache hears of the forgetting through
 * the log (`CustomerForgotten`).
 */
describe('personal-data keys kept in memory: a forgetting in another process evicts them', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    first = await startTestApp({ env: { PII_KEY_FRESHNESS_MS: '60000' } });
    second = await startTestApp({ dataDir: first.dataDir, env: { RUN_PROJECTIONS: 'false' } });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('shows the customer erased in the first process soon after the second forgot them', async () => {
    const filed = await first.request({
      method: 'POST',
      url: '/complaints',
      headers: json,
      payload: {
        complaintId: 'c-kc1',
        dealerId: 'd-sh-01',
        channel: 'hotline',
        category: 'service',
        severity: 'general',
        customer: { customerId: 'cu-kc1', name: '李娜', phone: '13900001111' },
        description: 'Brake noise came back',
        remedySought: 'free re-repair',
      },
    });
    expect(filed.statusCode).toBe(201);
    await first.settle();
    const shown = () => first.request({ method: 'GET', url: '/complaints/c-kc1' });
    // Read once: the key is now in the first process's cache.
    expect((await shown()).json().customer).toMatchObject({ name: '李娜' });

    const forgot = await second.request({
      method: 'POST',
      url: '/customers/cu-kc1/forget',
      headers: json,
      payload: { reason: 'erasure request by the customer', requestReference: 'DSR-KC-1' },
    });
    expect(forgot.statusCode).toBe(200);

    // At once, in the first process too: new personal data for the forgotten customer is refused (a write
    // never seals with a key kept in memory).
    const again = await first.request({
      method: 'POST',
      url: '/complaints',
      headers: json,
      payload: {
        complaintId: 'c-kc2',
        dealerId: 'd-sh-01',
        channel: 'hotline',
        category: 'service',
        severity: 'general',
        customer: { customerId: 'cu-kc1', name: '李娜', phone: '13900001111' },
        description: 'Still noisy',
        remedySought: 'free re-repair',
      },
    });
    expect(again.statusCode).toBe(422);
    expect(again.json()).toMatchObject({ code: 'CUSTOMER_FORGOTTEN' });

    // Well within the minute the cached key would be used without asking the store again.
    let name: unknown;
    for (let waited = 0; waited < 10_000; waited += 100) {
      name = (await shown()).json().customer.name;
      if (name === '[erased]') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(name).toBe('[erased]');
  });
});
