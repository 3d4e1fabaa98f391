import { DEFAULT_LOYALTY_RULES } from '../../src/domain/membership/loyalty-rules';
import { prospectBody } from '../support/sales-api';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

const json = { 'content-type': 'application/json' };
const NOW = '2026-03-02T00:00:00.000Z';
const complaint = {
  dealerId: 'd-sh-01',
  channel: 'hotline',
  category: 'service',
  severity: 'general',
  customer: { customerId: 'cu-9', name: 'Wang Fang', phone: '13812345678' },
  description: 'noise',
  remedySought: 'repair',
};
const walkIn = {
  dealerId: 'd-sh-01',
  vin: 'LSVAB4BR5MN000001',
  plate: '沪A12345',
  customerId: 'cu-20931',
  mileageKm: 12_480,
  customerDescription: 'Squeal from the front brakes',
  serviceAdvisorId: 'u-sa-3',
};
const order = {
  model: 'Lavida',
  listPriceFen: 15_000_000,
  discountFen: 800_000,
  payment: 'cash',
  promisedDeliveryAt: '2026-03-15T18:00:00+08:00',
};
const { version: _version, ...liveRules } = DEFAULT_LOYALTY_RULES;
const simulation = { from: '2026-01-01T00:00:00+08:00', to: '2026-02-01T00:00:00+08:00', rules: liveRules };

/** `levels` arrays inside each other: `[[[...]]]`. */
const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('bad input within the size limit: depth, range, shape and text are bounded', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ clock: testClock(NOW) });
    // p-1 has a test drive booked, p-2 a quote: a completed drive, an order would be accepted.
    const quote = { model: 'Lavida', listPriceFen: 15_000_000, discountFen: 0, financeOption: 'cash' };
    const booking = { model: 'Lavida', scheduledFor: '2026-03-03T10:00:00+08:00' };
    for (const [url, payload] of [
      ['/prospects', prospectBody('p-1', '13800000001')],
      ['/prospects/p-1/presentations', { model: 'Lavida' }],
      ['/prospects/p-1/test-drives/bookings', booking],
      ['/prospects', prospectBody('p-2', '13800000002')],
      ['/prospects/p-2/presentations', { model: 'Lavida' }],
      ['/prospects/p-2/quotes', quote],
    ] as const) {
      const answer = await api.request({ method: 'POST', url, headers: json, payload });
      expect([url, answer.statusCode]).toEqual([url, url === '/prospects' ? 201 : 200]);
    }
  });
  afterAll(async () => {
    await api.close();
  });

  /** Sends the request; answers its status, problem and how many events it appended. */
  const send = async (method: 'GET' | 'POST', url: string, payload?: string | object) => {
    // The reactors' appends for what came before land first: only this request may move the head.
    await api.settle();
    const head = await api.eventStore.headPosition();
    const response = await api.request({
      method,
      url,
      headers: json,
      payload: typeof payload === 'object' ? JSON.stringify(payload) : payload,
    });
    return {
      status: response.statusCode,
      problem: response.json(),
      appended: (await api.eventStore.headPosition()) - head,
    };
  };
  const expectRefused = (
    answer: { status: number; problem: unknown; appended: number },
    field: string,
    reason: RegExp,
  ) => {
    expect(answer).toMatchObject({
      status: 400,
      appended: 0,
      problem: {
        code: 'VALIDATION_FAILED',
        errors: expect.arrayContaining([{ field, reason: expect.stringMatching(reason) }]),
      },
    });
  };

  describe('JSON nesting is limited to 32 levels', () => {
    it.each(['/complaints', '/prospects/p-1/test-drives', '/loyalty/simulations', '/diagnostics/noop'])(
      'JSON nested 3,000 levels (15 kB) to %s: 400 MALFORMED_JSON naming the limit, nothing appended',
      async (url) => {
        const answer = await send('POST', url, `{"description":${nested(3_000)}}`);
        expect(answer).toMatchObject({ status: 400, appended: 0, problem: { code: 'MALFORMED_JSON' } });
        expect(answer.problem.detail).toMatch(/nested deeper than 32 levels/);
      },
    );

    it('33 levels are refused, 32 parse and validation answers for the fields', async () => {
      const deeper = await send('POST', '/complaints', `{"description":${nested(32)}}`);
      expect(deeper).toMatchObject({ status: 400, problem: { code: 'MALFORMED_JSON' } });
      const answer = await send('POST', '/complaints', `{"description":${nested(31)}}`);
      expect(answer).toMatchObject({ status: 400, appended: 0, problem: { code: 'VALIDATION_FAILED' } });
    });

    it('brackets inside a string are text, not nesting', async () => {
      const answer = await send('POST', '/complaints', {
        ...complaint,
        complaintId: 'c-brackets',
        description: `"\\${nested(100)}`,
      });
      expect(answer.status).toBe(201);
    });
  });

  describe('paging is bounded', () => {
    it.each([
      '/complaints',
      '/complaints/worklist',
      '/repair-orders',
      '/prospects',
      '/vehicle-sales',
      '/memberships/cu-1/ledger',
      '/loyalty/activity',
      '/access-audit',
    ])('offset 2^63 on %s: 400 naming offset', async (url) => {
      expectRefused(
        await send('GET', `${url}?offset=9223372036854775808`),
        'offset',
        /must not be greater than 1000000/,
      );
    });

    it('offset 1,000,000 is the largest accepted', async () => {
      expect((await send('GET', '/complaints?offset=1000000')).status).toBe(200);
      expectRefused(await send('GET', '/complaints?offset=1000001'), 'offset', /1000000/);
    });
  });

  describe('an object field takes an object, a body is an object', () => {
    it('rules: [] on POST /loyalty/simulations: 400 naming rules', async () => {
      expect((await send('POST', '/loyalty/simulations', simulation)).status).toBe(200);
      expectRefused(
        await send('POST', '/loyalty/simulations', { ...simulation, rules: [] }),
        'rules',
        /object/,
      );
      expectRefused(
        await send('POST', '/loyalty/simulations', {
          ...simulation,
          rules: { ...liveRules, tierThresholds: [] },
        }),
        'rules.tierThresholds',
        /object/,
      );
    });

    it('buyer: [] on an order: 400 naming buyer, no order signed', async () => {
      expectRefused(await send('POST', '/prospects/p-2/order', { ...order, buyer: [] }), 'buyer', /object/);
    });

    it.each([
      ['null', 'null'],
      ['an empty array', '[]'],
      ['an array of an object', '[{}]'],
      ['a number', '7'],
    ])(
      'a JSON body of %s on a route whose fields are all optional: 400, nothing appended',
      async (_case, payload) => {
        expectRefused(
          await send('POST', '/prospects/p-1/test-drives', payload),
          '(body)',
          /the body must be a JSON object/,
        );
      },
    );

    it('no body at all is still an empty command', async () => {
      const response = await api.request({ method: 'POST', url: '/prospects/p-1/test-drives' });
      expect(response.statusCode).toBe(200);
    });
  });

  describe('business time is bounded: at most 5 minutes past the server clock, not before 2000', () => {
    it.each([
      ['9999-12-31T00:00:00Z', /after the server clock/],
      ['2026-03-02T00:05:01Z', /after the server clock/],
      ['1999-12-31T23:59:59Z', /2000-01-01/],
      ['0001-01-01T00:00:00Z', /2000-01-01/],
    ])('occurredAt %s: 400 naming occurredAt', async (occurredAt, reason) => {
      expectRefused(await send('POST', '/complaints', { ...complaint, occurredAt }), 'occurredAt', reason);
      expectRefused(await send('POST', '/prospects/p-1/test-drives', { occurredAt }), 'occurredAt', reason);
    });

    it('a clock skew of up to 5 minutes is accepted, and so is 2000-01-01', async () => {
      for (const [id, occurredAt] of [
        ['c-skew', '2026-03-02T08:05:00+08:00'],
        ['c-2000', '2000-01-01T00:00:00Z'],
      ]) {
        const answer = await send('POST', '/complaints', { ...complaint, complaintId: id, occurredAt });
        expect(answer.status).toBe(201);
      }
    });
  });

  describe('numbers are bounded to realistic ranges', () => {
    it.each([
      ['mileageKm', { ...walkIn, mileageKm: 1e21 }],
      ['mileageKm', { ...walkIn, mileageKm: 2_000_001 }],
    ])('%s out of range on POST /repair-orders: 400 naming it', async (field, payload) => {
      expectRefused(await send('POST', '/repair-orders', payload), field, /must not be greater than/);
    });

    it('mileage of 2,000,000 km is accepted', async () => {
      const answer = await send('POST', '/repair-orders', {
        ...walkIn,
        repairOrderId: 'ro-far',
        mileageKm: 2_000_000,
      });
      expect(answer.status).toBe(201);
    });

    it.each([
      [
        'labour.0.standardHours',
        {
          labour: [{ operationCode: 'OP', description: 'x', standardHours: 1e21 }],
          parts: [],
          estimateFen: 0,
        },
      ],
      [
        'parts.0.quantity',
        { labour: [], parts: [{ partNumber: 'P', quantity: 1e21, unitPriceFen: 1 }], estimateFen: 0 },
      ],
      [
        'parts.0.unitPriceFen',
        { labour: [], parts: [{ partNumber: 'P', quantity: 1, unitPriceFen: 1e21 }], estimateFen: 0 },
      ],
      ['estimateFen', { labour: [], parts: [], estimateFen: 1e21 }],
    ])('%s of 1e21 on an authorisation: 400 naming it', async (field, payload) => {
      expectRefused(
        await send('POST', '/repair-orders/ro-far/authorise', payload),
        field,
        /must not be greater than/,
      );
    });

    it.each([
      ['labourFen', { roType: 'paid-repair', payer: 'customer', labourFen: 1e21, partsFen: 0 }],
      ['partsFen', { roType: 'paid-repair', payer: 'customer', labourFen: 0, partsFen: 1e21 }],
    ])('%s of 1e21 on a settlement: 400 naming it', async (field, payload) => {
      expectRefused(
        await send('POST', '/repair-orders/ro-far/settle', payload),
        field,
        /must not be greater than/,
      );
    });

    it('tier thresholds and the purchase bonus of a simulation are bounded', async () => {
      const rules = { ...liveRules, purchaseBonus: 1e21, tierThresholds: { gold: 1e21, platinum: 1e21 } };
      const answer = await send('POST', '/loyalty/simulations', { ...simulation, rules });
      for (const field of [
        'rules.purchaseBonus',
        'rules.tierThresholds.gold',
        'rules.tierThresholds.platinum',
      ])
        expectRefused(answer, field, /must not be greater than/);
    });
  });

  describe('text is valid Unicode without control characters', () => {
    it.each([
      ['customer.name', { ...complaint, customer: { ...complaint.customer, name: 'Wang\u0000Fang' } }],
      ['description', { ...complaint, description: 'bell\u0007' }],
      ['remedySought', { ...complaint, remedySought: 'escape\u001b[2J' }],
      ['description', { ...complaint, description: 'C1 \u0085 control' }],
    ])('a control character in %s: 400 naming it', async (field, payload) => {
      expectRefused(await send('POST', '/complaints', payload), field, /control character/);
    });

    it.each([
      ['a lone high surrogate', '\\ud800'],
      ['a lone low surrogate', '\\udc00'],
      ['surrogates in the wrong order', '\\udc00\\ud800'],
    ])('%s in a plate: 400 naming plate', async (_case, escaped) => {
      const payload = JSON.stringify(walkIn).replace('"沪A12345"', `"沪A${escaped}"`);
      expectRefused(await send('POST', '/repair-orders', payload), 'plate', /Unicode/);
    });

    it('a control character in a query value: 400 naming it', async () => {
      expectRefused(await send('GET', '/access-audit?actorId=sc%00li'), 'actorId', /control character/);
    });

    it.each([
      [
        'customer.name',
        '/complaints',
        { ...complaint, customer: { ...complaint.customer, name: 'Wang\nFang' } },
      ],
      ['plate', '/repair-orders', { ...walkIn, plate: '沪A\t12345' }],
    ])('a line break or tab in the one-line field %s: 400 naming it', async (field, url, payload) => {
      expectRefused(await send('POST', url, payload), field, /must be one line/);
    });

    it('free text keeps line breaks, tabs and characters beyond the BMP', async () => {
      const answer = await send('POST', '/complaints', {
        ...complaint,
        complaintId: 'c-lines',
        description: 'first line\r\nsecond\tline 🚗',
      });
      expect(answer.status).toBe(201);
    });
  });
});
