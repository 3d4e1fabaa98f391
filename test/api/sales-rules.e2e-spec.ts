import { saleIdOf } from '../../src/application/sales/order-prospect.handler';
import { prospectBody, salesApi, settleSales } from '../support/sales-api';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

/** Every rule of the sales floor gets its 409/422 and appends nothing. */
describe('sales rules over HTTP', () => {
  const clock = testClock('2026-03-10T02:00:00.000Z');
  let api: TestApp;
  let sales: ReturnType<typeof salesApi>;
  beforeAll(async () => {
    api = await startTestApp({ clock });
    sales = salesApi(api);
  });
  afterAll(async () => {
    await api.close();
  });

  /** Runs `attempt`, expects its status and code, and checks the store did not move. */
  const refused = async (
    attempt: () => Promise<{ status: number; body: { code: string } }>,
    status: number,
    code: string,
  ) => {
    // The reactors' appends for what came before land first: only this attempt may move the head.
    await api.settle();
    const head = await api.eventStore.headPosition();
    const answer = await attempt();
    expect([answer.status, answer.body.code]).toEqual([status, code]);
    expect(await api.eventStore.headPosition()).toBe(head);
  };

  const quoted = async (id: string, phone: string) => {
    expect((await sales.register(prospectBody(id, phone))).status).toBe(201);
    expect((await sales.prospect(id, 'presentations', { model: 'Lavida' })).status).toBe(200);
    const quote = { model: 'Lavida', listPriceFen: 15_000_000, discountFen: 500_000, financeOption: 'cash' };
    expect((await sales.prospect(id, 'quotes', quote)).status).toBe(200);
  };
  const orderBody = {
    model: 'Lavida',
    listPriceFen: 15_000_000,
    discountFen: 500_000,
    payment: 'cash',
    promisedDeliveryAt: '2026-03-20T10:00:00+08:00',
  };
  const ordered = async (id: string, phone: string): Promise<string> => {
    await quoted(id, phone);
    const order = await sales.prospect(id, 'order', orderBody);
    expect(order.status).toBe(201);
    return order.body.saleId as string;
  };

  it('refuses F without a reason (422 PROSPECT_LOST_REASON_REQUIRED)', async () => {
    await sales.register(prospectBody('p-r1', '13900000001'));
    await refused(
      () => sales.prospect('p-r1', 'grade', { grade: 'F' }),
      422,
      'PROSPECT_LOST_REASON_REQUIRED',
    );
  });

  it('refuses an order on a lost prospect until it is reactivated', async () => {
    await quoted('p-r2', '13900000002');
    expect((await sales.prospect('p-r2', 'grade', { grade: 'F', lostReason: 'price' })).status).toBe(200);
    await refused(() => sales.prospect('p-r2', 'order', orderBody), 422, 'PROSPECT_LOST');
    expect(await api.eventStore.readStream(`vehiclesale-${saleIdOf('p-r2')}`)).toEqual([]);
    expect((await sales.prospect('p-r2', 'reactivate', { grade: 'H', reason: 'came back' })).status).toBe(
      200,
    );
    expect((await sales.prospect('p-r2', 'order', orderBody)).status).toBe(201);
  });

  it('keeps the steps in order: no quote before a presentation, no order before a quote', async () => {
    await sales.register(prospectBody('p-r3', '13900000003'));
    const quote = { model: 'Lavida', listPriceFen: 1_000, discountFen: 0, financeOption: 'cash' };
    await refused(() => sales.prospect('p-r3', 'quotes', quote), 422, 'PROSPECT_STEP_OUT_OF_ORDER');
    await refused(() => sales.prospect('p-r3', 'order', orderBody), 422, 'PROSPECT_STEP_OUT_OF_ORDER');
    await refused(() => sales.prospect('p-r3', 'test-drives', {}), 422, 'PROSPECT_STEP_OUT_OF_ORDER');
  });

  it('lets nothing follow an order on the prospect, and refuses a second order', async () => {
    await ordered('p-r4', '13900000004');
    await refused(
      () => sales.prospect('p-r4', 'presentations', { model: 'Tiguan' }),
      422,
      'PROSPECT_ORDERED',
    );
    await refused(
      () => sales.prospect('p-r4', 'grade', { grade: 'F', lostReason: 'price' }),
      422,
      'PROSPECT_ORDERED',
    );
    await refused(() => sales.prospect('p-r4', 'order', orderBody), 422, 'PROSPECT_ORDERED');
  });

  it('refuses delivery before settlement and inspection', async () => {
    const saleId = await ordered('p-r5', '13900000005');
    await refused(() => sales.sale(saleId, 'delivery'), 422, 'SALE_NOT_READY_FOR_DELIVERY');
    await sales.sale(saleId, 'allocation', { vin: 'LSVAA4182E2100005' });
    await sales.sale(saleId, 'invoice', { invoiceNo: 'INV-5' });
    await sales.sale(saleId, 'settlement');
    const early = await sales.sale(saleId, 'delivery');
    expect(early.body.details).toMatchObject({ missing: ['the pre-delivery inspection'] });
    await refused(() => sales.sale(saleId, 'delivery'), 422, 'SALE_NOT_READY_FOR_DELIVERY');
  });

  it('lets nothing follow a cancellation', async () => {
    const saleId = await ordered('p-r6', '13900000006');
    expect((await sales.sale(saleId, 'cancel', { reason: 'loan refused' })).status).toBe(200);
    // The cancellation re-opens the prospect (a reactor's append): let it land before the store is compared.
    await settleSales(api);
    await refused(() => sales.sale(saleId, 'deposit', { amountFen: 100 }), 422, 'SALE_CANCELLED');
    await refused(
      () => sales.sale(saleId, 'allocation', { vin: 'LSVAA4182E2100006' }),
      422,
      'SALE_CANCELLED',
    );
    await refused(() => sales.sale(saleId, 'cancel', { reason: 'again' }), 422, 'SALE_CANCELLED');
  });

  it('answers 404 for unknown records, 409 for a taken id and a stale If-Match', async () => {
    await refused(
      () => sales.prospect('p-nobody', 'presentations', { model: 'x' }),
      404,
      'PROSPECT_NOT_FOUND',
    );
    await refused(() => sales.sale('s-nobody', 'settlement'), 404, 'SALE_NOT_FOUND');
    await refused(
      () => sales.register(prospectBody('p-r1', '13999999999')),
      409,
      'PROSPECT_ALREADY_REGISTERED',
    );
    await refused(
      () => sales.prospect('p-r1', 'presentations', { model: 'x' }, { 'if-match': '"7"' }),
      409,
      'WRONG_EXPECTED_REVISION',
    );
    await refused(
      () => sales.prospect('p-r3', 'order', orderBody, { 'if-match': '"7"' }),
      409,
      'WRONG_EXPECTED_REVISION',
    );
  });

  it('refuses showroom traffic for a day that has not begun, and bad input with 400', async () => {
    await refused(
      () => sales.post('/showroom-traffic', { dealerId: 'd-sh-01', date: '2026-03-12', groups: 3 }),
      422,
      'SHOWROOM_TRAFFIC_DATE_IN_FUTURE',
    );
    await refused(
      () => sales.register({ ...prospectBody('p-bad', '1'), shoeSize: 42 }),
      400,
      'VALIDATION_FAILED',
    );
    await refused(() => sales.prospect('p-r1', 'grade', { grade: 'O' }), 400, 'VALIDATION_FAILED');
  });
});

describe('sales commands in OpenAPI', () => {
  it('documents a request body for every sales command, and the register route both its answers', async () => {
    const api = await startTestApp();
    const document = (await api.request({ method: 'GET', url: '/docs-json' })).json();
    const posts = Object.entries(
      document.paths as Record<string, Record<string, { requestBody?: unknown; responses: object }>>,
    )
      .filter(([path]) => /^\/(prospects|vehicle-sales|showroom-traffic)/.test(path))
      .flatMap(([path, operations]) => (operations.post ? [[path, operations.post] as const] : []));
    expect(posts.length).toBe(21);
    expect(posts.filter(([, operation]) => !operation.requestBody).map(([path]) => path)).toEqual([]);
    expect(Object.keys(document.paths['/prospects'].post.responses)).toEqual(
      expect.arrayContaining(['200', '201', '409']),
    );
    await api.close();
  });
});
