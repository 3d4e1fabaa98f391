import { prospectBody, salesApi } from '../support/sales-api';
import { startTestApp, type TestApp } from '../support/test-app';

const json = { 'content-type': 'application/json' };
const CUSTOMER = 'cu-s1';
const DEALER = 'd-1';

/**
 * Issue 13: the answers show the read model's fields, never the domain state a projection keeps to fold
 * with (`state`), on details, lists, worklists and the customer file; the answer schemas say the same.
 * One customer with a complaint, a prospect ordered into a sale, a repair order and a membership.
 */
describe('record answers carry no internal state', () => {
  let api: TestApp;
  let saleId: string;
  const get = async (url: string) => {
    const response = await api.request({ method: 'GET', url, headers: { 'x-access-reason': 'test' } });
    expect([url, response.statusCode]).toEqual([url, 200]);
    return response.json();
  };
  const post = async (url: string, payload: object) => {
    const response = await api.request({ method: 'POST', url, headers: json, payload });
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  };

  beforeAll(async () => {
    api = await startTestApp();
    const sales = salesApi(api);
    await post('/complaints', {
      complaintId: 'c-s1',
      dealerId: DEALER,
      channel: 'dealer',
      category: 'service',
      severity: 'general',
      customer: { customerId: CUSTOMER, name: 'Li Lei', phone: '13900001111' },
      description: 'waited two hours',
      remedySought: 'an apology',
    });
    await post(
      '/prospects',
      prospectBody('p-s1', '13900001111', {
        dealerId: DEALER,
        contact: { customerId: CUSTOMER, name: 'Li Lei', phone: '13900001111' },
      }),
    );
    await sales.prospect('p-s1', 'presentations', { model: 'Lavida' });
    await sales.prospect('p-s1', 'quotes', {
      model: 'Lavida',
      listPriceFen: 15_000_000,
      discountFen: 500_000,
      financeOption: 'cash',
    });
    ({ saleId } = await post('/prospects/p-s1/order', {
      model: 'Lavida',
      listPriceFen: 15_000_000,
      discountFen: 500_000,
      payment: 'cash',
      promisedDeliveryAt: '2026-03-20T10:00:00+08:00',
    }));
    await post('/repair-orders', {
      repairOrderId: 'ro-s1',
      dealerId: DEALER,
      vin: 'LSVAA4180E2000001',
      plate: '沪A12345',
      customerId: CUSTOMER,
      mileageKm: 12_000,
      customerDescription: 'oil change',
      serviceAdvisorId: 'u-sa-1',
    });
    await post('/memberships', { customerId: CUSTOMER, cardNumber: 'C-s1', homeDealerId: DEALER });
    await api.settle();
  });
  afterAll(async () => {
    await api.close();
  });

  it('leaves `state` out of every detail answer', async () => {
    for (const url of [
      '/complaints/c-s1',
      '/prospects/p-s1',
      `/vehicle-sales/${saleId}`,
      '/repair-orders/ro-s1',
      `/memberships/${CUSTOMER}`,
    ]) {
      const record = await get(url);
      expect([url, Object.keys(record)]).toEqual([url, expect.not.arrayContaining(['state'])]);
    }
  });

  it('leaves `state` out of every item of the lists and worklists', async () => {
    for (const url of [
      '/complaints',
      '/complaints/worklist',
      '/prospects',
      '/vehicle-sales',
      '/repair-orders',
    ]) {
      const { items } = await get(url);
      expect([url, items.length]).toEqual([url, 1]);
      expect([url, Object.keys(items[0])]).toEqual([url, expect.not.arrayContaining(['state'])]);
    }
  });

  it("leaves `state` out of the customer's file", async () => {
    const file = await get(`/customers/${CUSTOMER}`);
    for (const list of ['prospects', 'vehicleSales', 'repairOrders', 'complaints']) {
      expect([list, file[list].length]).toEqual([list, 1]);
      expect([list, Object.keys(file[list][0])]).toEqual([list, expect.not.arrayContaining(['state'])]);
    }
    expect(file.membership).toMatchObject({ customerId: CUSTOMER, homeDealerId: DEALER });
    expect(file.membership).not.toHaveProperty('state');
  });

  it('documents the same: no answer schema of these routes has a `state` property', async () => {
    const docs = (await api.request({ method: 'GET', url: '/docs-json' })).json();
    const schemas = docs.components.schemas as Record<
      string,
      { properties: Record<string, { items?: { $ref?: string }; $ref?: string; allOf?: object[] }> }
    >;
    for (const name of [
      'ComplaintView',
      'WorklistItemView',
      'ProspectView',
      'VehicleSaleView',
      'RepairOrderView',
      'MemberBalanceView',
      'CustomerFileView',
    ]) {
      expect([name, Object.keys(schemas[name].properties)]).toEqual([
        name,
        expect.not.arrayContaining(['state']),
      ]);
    }
    // The file's records are documented as the detail routes show them.
    const file = schemas.CustomerFileView.properties;
    expect({
      prospects: file.prospects.items?.$ref,
      vehicleSales: file.vehicleSales.items?.$ref,
      repairOrders: file.repairOrders.items?.$ref,
      complaints: file.complaints.items?.$ref,
    }).toEqual({
      prospects: '#/components/schemas/ProspectView',
      vehicleSales: '#/components/schemas/VehicleSaleView',
      repairOrders: '#/components/schemas/RepairOrderView',
      complaints: '#/components/schemas/ComplaintView',
    });
  });
});
