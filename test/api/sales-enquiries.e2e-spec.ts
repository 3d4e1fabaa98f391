import { PhoneBlindIndex } from '../../src/application/privacy/phone-blind-index';
import { saleIdOf } from '../../src/application/sales/order-prospect.handler';
import { prospectPhoneStreamId } from '../../src/domain/prospect/prospect-phone-index';
import { prospectBody, salesApi } from '../support/sales-api';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

const metadata = { correlationId: 'c', causationId: null, actor: { userId: 'u', role: 'r', dealerId: null } };

/** One prospect per phone per dealer, however the enquiries arrive; orders that survive a crash half-way. */
describe('duplicate enquiries and two-stream orders over HTTP', () => {
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

  it('counts a second enquiry from the same phone as a touch on the existing prospect (200, duplicateOf)', async () => {
    const first = await sales.register(prospectBody('p-d1', '13700000001'));
    expect([first.status, first.body.duplicateOf, first.headers.location]).toEqual([
      201,
      null,
      '/prospects/p-d1',
    ]);
    // The same person phones in, written differently, and the hotline picks a new id.
    const again = await sales.register(
      prospectBody('p-d1-bis', '+86 137-0000-0001', { channel: 'phone', consultantId: 'sc-wu' }),
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      id: 'p-d1',
      duplicateOf: 'p-d1',
      streamId: 'prospect-p-d1',
      revision: 1,
    });
    expect(await api.eventStore.readStream('prospect-p-d1-bis')).toEqual([]);
    await api.settle();
    const shown = await sales.get('/prospects/p-d1');
    expect(shown.body).toMatchObject({ touches: 1, consultantId: 'sc-li', channel: 'walk-in' });
    // The same phone at another dealer is another prospect.
    const elsewhere = await sales.register(prospectBody('p-d1-bj', '13700000001', { dealerId: 'd-bj-02' }));
    expect([elsewhere.status, elsewhere.body.duplicateOf]).toEqual([201, null]);
  });

  it("counts another consultant's repeat enquiry as a touch on the owner's prospect, and names the owner", async () => {
    const owner = await api.as({ role: 'sales-consultant', dealerId: 'd-sh-01', userId: 'sc-li' });
    const colleague = await api.as({ role: 'sales-consultant', dealerId: 'd-sh-01', userId: 'sc-wang' });
    const first = await sales.register(prospectBody('p-d9', '13700000009'), owner);
    expect([first.status, first.body.consultantId]).toEqual([201, 'sc-li']);
    const enquiry = prospectBody('p-d9-wang', '13700000009', { consultantId: 'sc-wang', channel: 'phone' });
    const again = await sales.register(enquiry, { ...colleague, 'idempotency-key': 'call-0009' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      id: 'p-d9',
      duplicateOf: 'p-d9',
      consultantId: 'sc-li',
      streamId: 'prospect-p-d9',
      revision: 1,
    });
    expect(await api.eventStore.readStream('prospect-p-d9-wang')).toEqual([]);
    const [, touch] = await api.eventStore.readStream('prospect-p-d9');
    expect(touch).toMatchObject({
      type: 'ProspectTouched',
      data: { channel: 'phone' },
      metadata: { actor: { userId: 'sc-wang', role: 'sales-consultant' } },
    });
    // Retried, the enquiry is the same touch. (The reactors' appends for the first land before the head is read.)
    await api.settle();
    const head = await api.eventStore.headPosition();
    const retried = await sales.register(enquiry, { ...colleague, 'idempotency-key': 'call-0009' });
    expect([retried.status, retried.body]).toEqual([200, { ...again.body, replayed: true }]);
    expect(await api.eventStore.headPosition()).toBe(head);
    await api.settle();
    const shown = await api.request({ method: 'GET', url: '/prospects/p-d9', headers: owner });
    expect(shown.json()).toMatchObject({ consultantId: 'sc-li', touches: 1 });
    // The prospect stays the owner's: the colleague neither opens nor works it.
    const opened = await api.request({ method: 'GET', url: '/prospects/p-d9', headers: colleague });
    expect([opened.statusCode, opened.json().code]).toEqual([403, 'OWNER_FORBIDDEN']);
    const graded = await sales.prospect('p-d9', 'grade', { grade: 'H' }, colleague);
    expect([graded.status, graded.body.code]).toEqual([403, 'OWNER_FORBIDDEN']);
  });

  it('keeps one prospect when registrations with one phone race each other', async () => {
    const raced = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((suffix) =>
        sales.register(prospectBody(`p-race-${suffix}`, '13700000002')),
      ),
    );
    const owners = new Set(raced.map((answer) => answer.body.id));
    expect(owners.size).toBe(1);
    expect(raced.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 201]);
    const [owner] = owners;
    const stream = await api.eventStore.readStream(`prospect-${owner}`);
    expect(stream.map((event) => event.type)).toEqual([
      'ProspectRegistered',
      'ProspectTouched',
      'ProspectTouched',
      'ProspectTouched',
      'ProspectTouched',
    ]);
    for (const suffix of ['a', 'b', 'c', 'd', 'e'].filter((s) => `p-race-${s}` !== owner)) {
      expect(await api.eventStore.readStream(`prospect-p-race-${suffix}`)).toEqual([]);
    }
  });

  it('answers a retried registration and a retried touch with the first outcome, appending nothing', async () => {
    const body = prospectBody('p-d3', '13700000003');
    const first = await sales.register(body, { 'idempotency-key': 'walk-in-0003' });
    // The reactors' appends for the first land before the head is read: only the retry may not move it.
    await api.settle();
    const head = await api.eventStore.headPosition();
    const retry = await sales.register(body, { 'idempotency-key': 'walk-in-0003' });
    expect([retry.status, retry.headers['idempotent-replayed']]).toEqual([201, 'true']);
    expect(retry.body).toEqual({ ...first.body, replayed: true });
    expect(await api.eventStore.headPosition()).toBe(head);

    const touch = prospectBody('p-d3-again', '13700000003', { channel: 'web' });
    const touched = await sales.register(touch, { 'idempotency-key': 'web-lead-77' });
    await api.settle();
    const afterTouch = await api.eventStore.headPosition();
    const touchedAgain = await sales.register(touch, { 'idempotency-key': 'web-lead-77' });
    expect([touched.status, touchedAgain.status, touchedAgain.body.duplicateOf]).toEqual([200, 200, 'p-d3']);
    expect(await api.eventStore.headPosition()).toBe(afterTouch);
  });

  it('completes a registration whose process died between the phone claim and the prospect', async () => {
    const phoneHash = api.app.get(PhoneBlindIndex).hashOf('13700000004');
    await api.eventStore.appendToStream(
      prospectPhoneStreamId('d-sh-01', phoneHash),
      [
        {
          eventId: '0b7c5a52-8d0e-4c43-9a51-2f0a54c1e001',
          type: 'ProspectPhoneClaimed',
          schemaVersion: 1,
          data: {
            dealerId: 'd-sh-01',
            phoneHash,
            prospectId: 'p-ghost',
            claimedAt: '2026-03-10T01:00:00.000Z',
          },
          occurredAt: '2026-03-10T01:00:00.000Z',
          metadata,
        },
      ],
      'no_stream',
    );
    const next = await sales.register(prospectBody('p-d4', '13700000004'));
    expect([next.status, next.body.id, next.body.duplicateOf]).toEqual([201, 'p-ghost', null]);
    const [registered] = await api.eventStore.readStream('prospect-p-ghost');
    expect(registered).toMatchObject({
      type: 'ProspectRegistered',
      data: { prospectId: 'p-ghost', phoneHash },
    });
    expect(await api.eventStore.readStream('prospect-p-d4')).toEqual([]);
  });

  it('completes an order whose process died after signing the sale, without a second sale', async () => {
    await sales.register(prospectBody('p-d5', '13700000005'));
    await sales.prospect('p-d5', 'presentations', { model: 'Lavida' });
    await sales.prospect('p-d5', 'quotes', {
      model: 'Lavida',
      listPriceFen: 100_000,
      discountFen: 0,
      financeOption: 'cash',
    });
    const saleId = saleIdOf('p-d5');
    // The first attempt signed the sale and died before ProspectOrdered.
    await api.eventStore.appendToStream(
      `vehiclesale-${saleId}`,
      [
        {
          eventId: '0b7c5a52-8d0e-4c43-9a51-2f0a54c1e002',
          type: 'OrderSigned',
          schemaVersion: 1,
          data: {
            saleId,
            prospectId: 'p-d5',
            dealerId: 'd-sh-01',
            consultantId: 'sc-li',
            customer: { customerId: 'cu-p-d5', name: 'Customer p-d5', phone: '13700000005' },
            model: 'Lavida',
            listPriceFen: 100_000,
            discountFen: 0,
            priceFen: 100_000,
            payment: 'cash',
            promisedDeliveryAt: '2026-03-20T02:00:00.000Z',
            signedAt: '2026-03-10T02:00:00.000Z',
          },
          occurredAt: '2026-03-10T02:00:00.000Z',
          metadata,
        },
      ],
      'no_stream',
    );
    const retry = await sales.prospect('p-d5', 'order', {
      model: 'Lavida',
      listPriceFen: 100_000,
      discountFen: 0,
      payment: 'cash',
      promisedDeliveryAt: '2026-03-20T10:00:00+08:00',
    });
    expect([retry.status, retry.body.saleId, retry.headers.location]).toEqual([
      201,
      saleId,
      `/vehicle-sales/${saleId}`,
    ]);
    expect((await api.eventStore.readStream(`vehiclesale-${saleId}`)).map((event) => event.type)).toEqual([
      'OrderSigned',
    ]);
    expect((await api.eventStore.readStream('prospect-p-d5')).at(-1)).toMatchObject({
      type: 'ProspectOrdered',
      data: { saleId, priceFen: 100_000 },
    });
  });

  it('retries an order with its Idempotency-Key: same answer, nothing appended', async () => {
    await sales.register(prospectBody('p-d6', '13700000006'));
    await sales.prospect('p-d6', 'presentations', { model: 'Lavida' });
    await sales.prospect('p-d6', 'quotes', {
      model: 'Lavida',
      listPriceFen: 100_000,
      discountFen: 0,
      financeOption: 'cash',
    });
    const order = {
      model: 'Lavida',
      listPriceFen: 100_000,
      discountFen: 0,
      payment: 'cash',
      promisedDeliveryAt: '2026-03-20T10:00:00+08:00',
    };
    const first = await sales.prospect('p-d6', 'order', order, { 'idempotency-key': 'order-p-d6' });
    const head = await api.eventStore.headPosition();
    const retry = await sales.prospect('p-d6', 'order', order, { 'idempotency-key': 'order-p-d6' });
    expect(retry.body).toEqual({ ...first.body, replayed: true });
    expect(await api.eventStore.headPosition()).toBe(head);
  });
});
