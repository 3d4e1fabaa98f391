import { fuzzCases, type FuzzCase, type OpenApiDocument } from '../support/openapi-fuzz';
import { prospectBody } from '../support/sales-api';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

const json = { 'content-type': 'application/json' };
const SEED = 13;
const VIN = 'LSVAB4BR5MN000001';

/**
 * Every operation of /docs-json gets a bounded, seeded set of bad inputs: deep JSON, a body that is not
 * an object, faults in every kind of field (control characters, lone surrogates, huge and fractional
 * numbers, arrays for objects, far-off dates, business time in the future), bad path and query values.
 * None may answer 5xx, and a refused request appends nothing.
 */
describe('fuzz: bad input on every operation of /docs-json', () => {
  let api: TestApp;
  let cases: FuzzCase[];
  beforeAll(async () => {
    api = await startTestApp({ clock: testClock('2026-06-01T00:00:00Z') });
    // Records for the path ids, so a fault in a body can reach past the lookup of its record.
    const setup: Array<[string, object]> = [
      [
        '/complaints',
        {
          complaintId: 'fz-c',
          dealerId: 'd-sh-01',
          channel: 'hotline',
          category: 'service',
          severity: 'general',
          customer: { customerId: 'cu-fz', name: 'Wang Fang', phone: '13812345678' },
          description: 'noise',
          remedySought: 'repair',
        },
      ],
      ['/prospects', prospectBody('fz-p', '13800000009')],
      ['/prospects/fz-p/presentations', { model: 'Lavida' }],
      [
        '/prospects/fz-p/quotes',
        { model: 'Lavida', listPriceFen: 15_000_000, discountFen: 0, financeOption: 'cash' },
      ],
      [
        '/repair-orders',
        {
          repairOrderId: 'fz-ro',
          dealerId: 'd-sh-01',
          vin: VIN,
          plate: '沪A12345',
          customerId: 'cu-fz',
          mileageKm: 12_000,
          customerDescription: 'noise',
          serviceAdvisorId: 'u-sa-3',
        },
      ],
      ['/memberships', { customerId: 'cu-fz', cardNumber: 'C-FZ', homeDealerId: 'd-sh-01' }],
      ['/memberships/cu-fz/adjustments', { adjustmentId: 'adj-fz', delta: 5_000, reason: 'opening balance' }],
      ['/memberships/cu-fz/vouchers', { voucherCode: 'V-FZ', points: 1_000, valueFen: 10_000 }],
    ];
    for (const [url, payload] of setup) {
      const response = await api.request({ method: 'POST', url, headers: json, payload });
      if (response.statusCode >= 300)
        throw new Error(`setup ${url}: ${response.statusCode} ${response.body}`);
    }
    const order = await api.request({
      method: 'POST',
      url: '/prospects/fz-p/order',
      headers: json,
      payload: {
        model: 'Lavida',
        listPriceFen: 15_000_000,
        discountFen: 0,
        payment: 'cash',
        promisedDeliveryAt: '2026-06-20T10:00:00+08:00',
      },
    });
    if (order.statusCode !== 201) throw new Error(`setup order: ${order.body}`);
    await api.settle();
    const document = (await api.request({ method: 'GET', url: '/docs-json' })).json() as OpenApiDocument;
    cases = fuzzCases(
      document,
      {
        complaintId: 'fz-c',
        prospectId: 'fz-p',
        saleId: order.json().saleId,
        repairOrderId: 'fz-ro',
        customerId: 'cu-fz',
        voucherCode: 'V-FZ',
        vin: VIN,
        streamId: 'complaint-fz-c',
        id: 'fz-job',
      },
      SEED,
    );
  });
  afterAll(async () => {
    await api.close();
  });

  it('covers every operation with a bounded number of requests', () => {
    const operations = new Set(cases.map((fuzz) => `${fuzz.method} ${fuzz.url.split('?')[0]}`));
    expect(operations.size).toBeGreaterThan(90);
    expect(cases.length).toBeLessThan(6_000);
  });

  it('answers no 5xx, refuses every fault fixed by issue 13 with a 4xx, and a refusal appends nothing', async () => {
    const defects: string[] = [];
    let stoppedProjection = false;
    for (const fuzz of cases) {
      const head = await api.eventStore.headPosition();
      const response = await api.request({
        method: fuzz.method as 'GET',
        url: fuzz.url,
        headers: { ...(fuzz.payload === undefined ? {} : json), 'x-access-reason': 'fuzz test' },
        payload: fuzz.payload,
      });
      const appended = (await api.eventStore.headPosition()) - head;
      const at = `${fuzz.method} ${fuzz.url.slice(0, 80)} (${fuzz.fault})`;
      if (response.statusCode >= 500)
        defects.push(`${at}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      else if (response.statusCode >= 400 && appended)
        defects.push(`${at}: ${response.statusCode} but appended ${appended}`);
      else if (fuzz.mustRefuse && response.statusCode < 400)
        defects.push(`${at}: accepted (${response.statusCode})`);
      // An accepted command may set off reactors: let them finish before the next head is read. A
      // projection that stops on what was accepted is a defect too (and is waited for only once).
      if (response.statusCode < 400 && appended && !stoppedProjection)
        await api.settle().catch((error: Error) => {
          stoppedProjection = true;
          defects.push(`${at}: accepted, then ${error.message}`);
        });
    }
    expect(defects).toEqual([]);
  }, 120_000);
});
