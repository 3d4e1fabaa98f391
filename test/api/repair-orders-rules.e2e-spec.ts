import { command } from '../support/service-history';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

const json = { 'content-type': 'application/json' };
const vehicle = { dealerId: 'd-sh-01', vin: 'LSVAB4BR5MN000042', plate: '沪A99999', customerId: 'cu-42' };
const checkIn = (repairOrderId: string) => ({
  ...vehicle,
  repairOrderId,
  mileageKm: 12_000,
  customerDescription: 'Squeal when braking',
  serviceAdvisorId: 'u-sa-3',
});
const labour = [{ operationCode: 'BRK-PAD-F', description: 'Front pads', standardHours: 1.2 }];

/** Every rule of the repair order gets its 409/422 through HTTP, and appends nothing. */
describe('repair order rules over HTTP', () => {
  const clock = testClock('2026-03-02T01:00:00.000Z');
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ clock });
  });
  afterAll(async () => {
    await api.close();
  });

  /** Sends the command and expects it refused with `status` and `code`, the store's head unmoved. */
  const refused = async (url: string, payload: object, status: number, code: string) => {
    // The reactors' appends for what came before land first: only this request may move the head.
    await api.settle();
    const head = await api.eventStore.headPosition();
    const response = await api.request({ method: 'POST', url, headers: json, payload });
    expect([response.statusCode, response.json().code]).toEqual([status, code]);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await api.eventStore.headPosition()).toBe(head);
    return response.json();
  };

  const authorised = async (id: string) => {
    await command(api, '/repair-orders', checkIn(id));
    await command(api, `/repair-orders/${id}/authorise`, { labour, parts: [], estimateFen: 50_000 });
  };
  const inspected = async (id: string, passed: boolean) => {
    await authorised(id);
    await command(api, `/repair-orders/${id}/start-work`, {});
    await command(api, `/repair-orders/${id}/complete-work`, {
      clocked: [{ operationCode: 'BRK-PAD-F', technicianId: 't-li', actualHours: 1.5 }],
    });
    await command(api, `/repair-orders/${id}/inspection`, { passed, inspectorId: 'u-qc-1' });
  };

  it('opens a repair order with 201, Location and ETag, and refuses a second opening with 409', async () => {
    const opened = await api.request({
      method: 'POST',
      url: '/repair-orders',
      headers: json,
      payload: checkIn('ro-r1'),
    });
    expect(opened.statusCode).toBe(201);
    expect(opened.headers.location).toBe('/repair-orders/ro-r1');
    expect(opened.headers.etag).toBe('"0"');
    expect(opened.json()).toMatchObject({
      id: 'ro-r1',
      streamId: 'repairorder-ro-r1',
      events: [{ type: 'VehicleCheckedIn' }],
    });
    await refused('/repair-orders', checkIn('ro-r1'), 409, 'REPAIR_ORDER_ALREADY_OPENED');
  });

  it('answers a check-in of a repair order never booked with 404 and opens nothing: a walk-in is POST /repair-orders', async () => {
    const { repairOrderId: _id, ...vehicleAtDesk } = checkIn('ro-unbooked');
    await refused('/repair-orders/ro-unbooked/check-in', vehicleAtDesk, 404, 'REPAIR_ORDER_NOT_FOUND');
    expect(await api.eventStore.readStream('repairorder-ro-unbooked')).toEqual([]);
    expect((await api.request({ method: 'GET', url: '/repair-orders/ro-unbooked' })).statusCode).toBe(404);
  });

  it('refuses work before the customer authorised the work order (422)', async () => {
    await command(api, '/repair-orders', checkIn('ro-r2'));
    const problem = await refused(
      '/repair-orders/ro-r2/start-work',
      {},
      422,
      'REPAIR_ORDER_WORK_NOT_AUTHORISED',
    );
    expect(problem.detail).toMatch(
      /repair order ro-r2 is checked-in: no work before the customer authorises/,
    );
    await refused(
      '/repair-orders/ro-r2/complete-work',
      { clocked: [{ operationCode: 'BRK-PAD-F', technicianId: 't-li', actualHours: 1 }] },
      422,
      'REPAIR_ORDER_WORK_NOT_AUTHORISED',
    );
  });

  it('refuses delivery before a passed inspection (422), also after a failed one', async () => {
    await inspected('ro-r3', false);
    const problem = await refused(
      '/repair-orders/ro-r3/deliver',
      {},
      422,
      'REPAIR_ORDER_INSPECTION_NOT_PASSED',
    );
    expect(problem.details).toEqual({ repairOrderId: 'ro-r3', stage: 'in-repair' });
  });

  it('refuses to settle a cancelled repair order (422)', async () => {
    await command(api, '/repair-orders', checkIn('ro-r4'));
    await command(api, '/repair-orders/ro-r4/cancel', { reason: 'customer declined the estimate' });
    await refused(
      '/repair-orders/ro-r4/settle',
      { roType: 'paid-repair', payer: 'customer', labourFen: 10_000, partsFen: 0 },
      422,
      'REPAIR_ORDER_CANCELLED',
    );
  });

  it('refuses negative amounts, prices, quantities and hours (422) naming the field', async () => {
    await command(api, '/repair-orders', checkIn('ro-r5'));
    const price = await refused(
      '/repair-orders/ro-r5/authorise',
      { labour, parts: [{ partNumber: 'BP-220', quantity: 1, unitPriceFen: -48_000 }], estimateFen: 50_000 },
      422,
      'REPAIR_ORDER_NEGATIVE_AMOUNT',
    );
    expect(price.details).toEqual({ repairOrderId: 'ro-r5', field: 'parts[0].unitPriceFen', value: -48_000 });
    await refused(
      '/repair-orders/ro-r5/authorise',
      { labour: [{ ...labour[0], standardHours: -1 }], parts: [], estimateFen: 0 },
      422,
      'REPAIR_ORDER_NEGATIVE_AMOUNT',
    );
    await refused(
      '/repair-orders',
      { ...checkIn('ro-r5b'), mileageKm: -5 },
      422,
      'REPAIR_ORDER_NEGATIVE_AMOUNT',
    );

    await command(api, '/repair-orders/ro-r5/authorise', { labour, parts: [], estimateFen: 50_000 });
    await command(api, '/repair-orders/ro-r5/start-work', {});
    await refused(
      '/repair-orders/ro-r5/complete-work',
      { clocked: [{ operationCode: 'BRK-PAD-F', technicianId: 't-li', actualHours: -1.5 }] },
      422,
      'REPAIR_ORDER_NEGATIVE_AMOUNT',
    );

    await inspected('ro-r6', true);
    await command(api, '/repair-orders/ro-r6/deliver', {});
    const labourFen = await refused(
      '/repair-orders/ro-r6/settle',
      { roType: 'paid-repair', payer: 'customer', labourFen: 10_000, partsFen: -1 },
      422,
      'REPAIR_ORDER_NEGATIVE_AMOUNT',
    );
    expect(labourFen.details).toMatchObject({ field: 'partsFen', value: -1 });
  });

  it('answers 404 for an unknown repair order and 400 for bad input, appending nothing', async () => {
    await api.settle();
    const head = await api.eventStore.headPosition();
    const unknown = await api.request({
      method: 'POST',
      url: '/repair-orders/ro-none/start-work',
      headers: json,
      payload: {},
    });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'REPAIR_ORDER_NOT_FOUND']);
    const badVin = await api.request({
      method: 'POST',
      url: '/repair-orders',
      headers: json,
      payload: { ...checkIn('ro-bad'), vin: 'IOQ', discount: 5 },
    });
    expect(badVin.statusCode).toBe(400);
    expect(badVin.json().code).toBe('VALIDATION_FAILED');
    const fields = badVin.json().errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['vin', 'discount']));
    const survey = await api.request({
      method: 'POST',
      url: '/repair-orders/ro-r1/csi-survey',
      headers: json,
      payload: { answers: { 'service-quality': 9 }, wouldRecommend: 'yes' },
    });
    expect(survey.statusCode).toBe(400);
    expect(await api.eventStore.headPosition()).toBe(head);
    const gone = await api.request({ method: 'GET', url: '/repair-orders/ro-none' });
    expect([gone.statusCode, gone.json().code]).toEqual([404, 'REPAIR_ORDER_NOT_FOUND']);
  });

  it('derives the id of a retried opening from its Idempotency-Key and appends once', async () => {
    const { repairOrderId: _omitted, ...body } = checkIn('x');
    const send = () =>
      api.request({
        method: 'POST',
        url: '/repair-orders',
        headers: { ...json, 'idempotency-key': 'dms-ro-7781' },
        payload: body,
      });
    const first = await send();
    await api.settle();
    const head = await api.eventStore.headPosition();
    const retry = await send();
    expect([first.statusCode, retry.statusCode]).toEqual([201, 201]);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.json().id).toBe(first.json().id);
    expect(await api.eventStore.headPosition()).toBe(head);
  });

  it('publishes an example for every repair-order command in OpenAPI', async () => {
    const docs = (await api.request({ method: 'GET', url: '/docs-json' })).json();
    const paths = Object.keys(docs.paths).filter(
      (path) => path.startsWith('/repair-orders') || path.startsWith('/service'),
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        '/repair-orders/appointments',
        '/repair-orders/{repairOrderId}/settle',
        '/repair-orders/{repairOrderId}/csi-survey',
        '/service/retention',
        '/service/workshop/monthly',
      ]),
    );
    const schemas = docs.components.schemas as Record<
      string,
      { properties?: Record<string, { example?: unknown; $ref?: string; type?: string }> }
    >;
    for (const name of [
      'OpenRepairOrderDto',
      'AuthoriseWorkOrderDto',
      'CompleteWorkDto',
      'SettleRepairOrderDto',
      'RecordCsiSurveyDto',
      'CsiAnswersDto',
    ]) {
      const properties = schemas[name]?.properties ?? {};
      expect(Object.keys(properties).length).toBeGreaterThan(0);
      for (const [field, property] of Object.entries(properties)) {
        expect([name, field, property.example !== undefined || property.$ref !== undefined]).toEqual([
          name,
          field,
          true,
        ]);
      }
    }
  });
});
