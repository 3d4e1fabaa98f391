import { prospectBody, salesApi, settleSales } from '../support/sales-api';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

/** A cancelled vehicle sale re-opens its prospect (issue 13): follow-ups, a regrade and a new order work again. */
describe('a prospect after its vehicle sale is cancelled, over HTTP', () => {
  const clock = testClock('2026-03-20T02:00:00.000Z');
  let api: TestApp;
  let sales: ReturnType<typeof salesApi>;
  beforeAll(async () => {
    api = await startTestApp({ clock });
    sales = salesApi(api);
  });
  afterAll(async () => {
    await api.close();
  });

  const settle = () => settleSales(api);
  const order = (discountFen: number, occurredAt: string) =>
    sales.prospect('p-c1', 'order', {
      model: 'Lavida',
      listPriceFen: 15_000_000,
      discountFen,
      payment: 'loan',
      promisedDeliveryAt: '2026-03-30T10:00:00+08:00',
      occurredAt,
    });

  it('re-opens the prospect at its grade before the order, on the worklist, and lets it order again', async () => {
    const at = (day: string, time = '10:00') => `2026-03-${day}T${time}:00+08:00`;
    expect(
      (await sales.register({ ...prospectBody('p-c1', '13900000101'), occurredAt: at('02') })).status,
    ).toBe(201);
    expect(
      (await sales.prospect('p-c1', 'presentations', { model: 'Lavida', occurredAt: at('03') })).status,
    ).toBe(200);
    const quote = { model: 'Lavida', listPriceFen: 15_000_000, discountFen: 500_000, financeOption: 'loan' };
    expect((await sales.prospect('p-c1', 'quotes', { ...quote, occurredAt: at('04') })).status).toBe(200);
    expect(
      (await sales.prospect('p-c1', 'grade', { grade: 'H', occurredAt: at('04', '11:00') })).status,
    ).toBe(200);
    const first = await order(500_000, at('05'));
    expect(first.status).toBe(201);
    const firstSaleId = first.body.saleId as string;

    const cancel = await sales.sale(firstSaleId, 'cancel', { reason: 'loan refused', occurredAt: at('08') });
    expect(cancel.status).toBe(200);
    await settle();

    const reopened = await sales.get('/prospects/p-c1');
    expect(reopened.status).toBe(200);
    // H before the order; a cancelled order is not a sale, so it stands at the quoted stage, due for a call
    // at the cancellation (8 March 10:00 CST = 02:00 UTC).
    expect(reopened.body).toMatchObject({
      status: 'open',
      grade: 'H',
      furthestStage: 'quoted',
      saleId: firstSaleId,
      nextContactDue: '2026-03-08T02:00:00.000Z',
    });
    // A worklist is today's (an earlier day is refused): read with the wall clock on that day, as live.
    clock.set(at('08', '12:00'));
    const worklist = await sales.get(
      `/prospects/worklist?dealerId=d-sh-01&asOf=${encodeURIComponent(at('08', '12:00'))}`,
    );
    clock.set('2026-03-20T02:00:00.000Z');
    expect(worklist.status).toBe(200);
    expect(worklist.body.items.map((p: { prospectId: string }) => p.prospectId)).toEqual(['p-c1']);
    // Funnel of March: registered 1, reached quoted 1, ordered 0; one cancelled order; open pipeline H 1.
    const funnel = await sales.get('/sales/funnel?dealerId=d-sh-01&month=2026-03');
    expect(funnel.body).toMatchObject({
      registered: 1,
      ordered: 0,
      cancelledOrders: 1,
      openPipeline: { H: 1, A: 0, B: 0, C: 0, total: 1 },
    });

    const followUp = await sales.prospect('p-c1', 'follow-ups', {
      channel: 'phone',
      outcome: 'reached',
      occurredAt: at('09'),
    });
    expect(followUp.status).toBe(200);
    const second = await order(800_000, at('10'));
    expect(second.status).toBe(201);
    expect(second.body.saleId).not.toBe(firstSaleId);
    await settle();
    expect((await sales.get(`/vehicle-sales/${second.body.saleId as string}`)).body).toMatchObject({
      status: 'ordered',
      priceFen: 14_200_000,
    });
    expect((await sales.get('/prospects/p-c1')).body).toMatchObject({
      status: 'ordered',
      grade: 'O',
      saleId: second.body.saleId,
    });
    const after = await sales.get('/sales/funnel?dealerId=d-sh-01&month=2026-03');
    expect(after.body).toMatchObject({ ordered: 1, cancelledOrders: 1, openPipeline: { total: 0 } });
  });
});
