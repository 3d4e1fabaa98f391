import Database from 'better-sqlite3';
import { join } from 'node:path';
import { runRepairOrder } from '../support/service-history';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

/**
 * Issue 8, personal data: one person through prospect → sale (with ID number and address) → repair order
 * (plate) → complaint → club; the raw stored events hold none of it in clear; roles see it masked or not;
 * after forgetting, every answer shows `[erased]`, also after a rebuild, and the KPIs do not move.
 */
const DEALER = 'd-sh-01';
const PERSON = {
  customerId: 'cu-v1',
  name: '韩梅梅',
  phone: '13912345678',
  idNumber: '310101199001011234',
  address: '上海市徐汇区漕溪北路 88 号',
  // runRepairOrder's vehicle V1: plate 沪A00001, customer cu-v1.
  plate: '沪A00001',
};
const CLEAR = [PERSON.name, PERSON.phone, PERSON.idNumber, PERSON.address, PERSON.plate];
const json = { 'content-type': 'application/json' };

describe('personal data: protected when stored, masked by role, erased when forgotten', () => {
  const clock = testClock('2026-04-20T02:00:00.000Z');
  let api: TestApp;
  let saleId = '';

  const send = async (method: 'GET' | 'POST', url: string, headers: object = {}, payload?: object) => {
    const response = await api.request({ method, url, headers: { ...json, ...headers }, payload });
    return { status: response.statusCode, body: response.body, json: () => response.json() };
  };
  const ok = async (method: 'GET' | 'POST', url: string, headers: object = {}, payload?: object) => {
    const answer = await send(method, url, headers, payload);
    if (answer.status >= 300) throw new Error(`${method} ${url} answered ${answer.status}: ${answer.body}`);
    return answer;
  };
  /** A principal of the role; the consultant is sc-li, who owns p-1 (consultants see their own prospects). */
  const as = (role: Parameters<TestApp['as']>[0]['role']) =>
    api.as({
      role,
      dealerId: ['oem-staff', 'analyst', 'auditor', 'admin'].includes(role) ? null : DEALER,
      ...(role === 'sales-consultant' ? { userId: 'sc-li' } : {}),
    });
  /** Every row of the SQLite files as text: what a copy of the data directory would show. */
  const rawRows = (file: string, table?: string): string => {
    const db = new Database(join(api.dataDir, file), { readonly: true });
    try {
      const tables = table
        ? [table]
        : (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
            (row) => row.name,
          );
      return tables.map((name) => JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all())).join('\n');
    } finally {
      db.close();
    }
  };
  const kpis = async () => ({
    funnel: (await ok('GET', `/sales/funnel?dealerId=${DEALER}&month=2026-03`)).json(),
    csi: (await ok('GET', `/service/csi/monthly?dealerId=${DEALER}`)).json(),
    compliance: (await ok('GET', `/complaints/compliance?dealerId=${DEALER}`)).json(),
  });

  beforeAll(async () => {
    api = await startTestApp({ clock });
    await ok(
      'POST',
      '/prospects',
      {},
      {
        prospectId: 'p-1',
        dealerId: DEALER,
        consultantId: 'sc-li',
        channel: 'walk-in',
        contact: { customerId: PERSON.customerId, name: PERSON.name, phone: PERSON.phone },
        modelOfInterest: 'Lavida',
        grade: 'A',
        occurredAt: '2026-03-02T10:00:00+08:00',
      },
    );
    await ok(
      'POST',
      '/prospects/p-1/presentations',
      {},
      { model: 'Lavida', occurredAt: '2026-03-02T10:30:00+08:00' },
    );
    await ok(
      'POST',
      '/prospects/p-1/quotes',
      {},
      {
        model: 'Lavida',
        listPriceFen: 15_000_000,
        discountFen: 500_000,
        financeOption: 'cash',
        occurredAt: '2026-03-02T11:00:00+08:00',
      },
    );
    const ordered = await ok(
      'POST',
      '/prospects/p-1/order',
      {},
      {
        model: 'Lavida',
        listPriceFen: 15_000_000,
        discountFen: 500_000,
        payment: 'cash',
        promisedDeliveryAt: '2026-03-20T10:00:00+08:00',
        buyer: { idNumber: PERSON.idNumber, address: PERSON.address },
        occurredAt: '2026-03-02T12:00:00+08:00',
      },
    );
    saleId = ordered.json().saleId;
    await runRepairOrder(api, {
      id: 'ro-1',
      vehicle: 'V1',
      checkInAt: '2026-03-10T09:00:00+08:00',
      mileageKm: 5_000,
      labour: [['OIL-CHG', 0.5]],
      clocked: [['OIL-CHG', 't-zhao', 0.5]],
      settleAt: '2026-03-10T12:00:00+08:00',
      roType: 'paid-maintenance',
      payer: 'customer',
      labourFen: 10_000,
      partsFen: 8_000,
    });
    await ok(
      'POST',
      '/repair-orders/ro-1/csi-survey',
      {},
      {
        answers: {
          'service-quality': 9,
          'service-facility': 8,
          'vehicle-pick-up': 10,
          'service-initiation': 7,
          'service-advisor': 9,
        },
        wouldRecommend: 9,
        occurredAt: '2026-03-12T10:00:00+08:00',
      },
    );
    await ok(
      'POST',
      '/complaints',
      {},
      {
        complaintId: 'c-1',
        dealerId: DEALER,
        channel: 'hotline',
        category: 'service',
        severity: 'general',
        customer: { customerId: PERSON.customerId, name: PERSON.name, phone: PERSON.phone },
        relatedRepairOrderId: 'ro-1',
        description: 'Oil light came on again',
        remedySought: 'check it for free',
        occurredAt: '2026-03-15T10:00:00+08:00',
      },
    );
    await ok(
      'POST',
      '/memberships',
      {},
      {
        customerId: PERSON.customerId,
        cardNumber: 'C-cu-v1',
        homeDealerId: DEALER,
        occurredAt: '2026-03-10T13:00:00+08:00',
      },
    );
    await api.settle();
  }, 60_000);
  afterAll(async () => {
    await api.close();
  });

  it('stores none of the person’s data in clear: not in the events, not in the read models', async () => {
    const events = rawRows('events.sqlite', 'events');
    expect(events).toContain('"OrderSigned"');
    expect(events).toContain('pii:1:idNumber:cu-v1:');
    for (const value of CLEAR) {
      expect(events).not.toContain(value);
      expect(events).not.toContain(JSON.stringify(value).slice(1, -1)); // as JSON escapes it
    }
    const readModels = rawRows('read-models.sqlite');
    for (const value of CLEAR) expect(readModels).not.toContain(JSON.stringify(value).slice(1, -1));
  });

  it('shows full phones to the dealer’s staff, masked ones to OEM staff and analysts, ID numbers to managers only', async () => {
    const prospect = async (role: Parameters<typeof as>[0]) =>
      (await ok('GET', '/prospects/p-1', await as(role))).json().contact;
    expect(await prospect('sales-consultant')).toEqual({
      customerId: 'cu-v1',
      name: PERSON.name,
      phone: PERSON.phone,
    });
    expect((await prospect('oem-staff')).phone).toBe('139****5678');
    expect((await prospect('analyst')).phone).toBe('139****5678');
    expect((await prospect('auditor')).phone).toBe('139****5678');

    const sale = async (role: Parameters<typeof as>[0]) =>
      (await ok('GET', `/vehicle-sales/${saleId}`, await as(role))).json().customer;
    expect(await sale('dealer-manager')).toEqual({
      customerId: 'cu-v1',
      name: PERSON.name,
      phone: PERSON.phone,
      idNumber: PERSON.idNumber,
      address: PERSON.address,
    });
    expect(await sale('sales-consultant')).toMatchObject({ phone: PERSON.phone, idNumber: null });
    expect(await sale('auditor')).toMatchObject({ phone: '139****5678', idNumber: null });
    expect((await ok('GET', '/repair-orders/ro-1', await as('service-advisor'))).json().plate).toBe(
      PERSON.plate,
    );
  });

  it('opens the customer’s file only with a reason, and the audit shows who opened what and why', async () => {
    const manager = await as('dealer-manager');
    const missing = await send('GET', '/customers/cu-v1', manager);
    expect(missing.status).toBe(400);
    expect(missing.json().errors).toEqual([expect.objectContaining({ field: 'X-Access-Reason' })]);

    const file = (
      await ok('GET', '/customers/cu-v1', { ...manager, 'x-access-reason': 'callback about complaint c-1' })
    ).json();
    expect(file.prospects.map((p: { prospectId: string }) => p.prospectId)).toEqual(['p-1']);
    expect(file.vehicleSales.map((s: { saleId: string }) => s.saleId)).toEqual([saleId]);
    expect(file.vehicleSales[0].customer.idNumber).toBe(PERSON.idNumber);
    expect(file.repairOrders.map((r: { repairOrderId: string }) => r.repairOrderId)).toEqual(['ro-1']);
    expect(file.repairOrders[0].plate).toBe(PERSON.plate);
    expect(file.vehicles).toHaveLength(1);
    expect(file.complaints.map((c: { complaintId: string }) => c.complaintId)).toEqual(['c-1']);
    expect(file.complaints[0].customer.name).toBe(PERSON.name);
    expect(file.membership).toMatchObject({ customerId: 'cu-v1', cardNumber: 'C-cu-v1' });

    await api.settle();
    const audit = (
      await ok(
        'GET',
        '/access-audit?customerId=cu-v1&actorId=test-dealer-manager-d-sh-01',
        await as('auditor'),
      )
    ).json();
    expect(audit.items[0]).toMatchObject({
      kind: 'file-opened',
      customerId: 'cu-v1',
      actorId: 'test-dealer-manager-d-sh-01',
      role: 'dealer-manager',
      route: 'GET /customers/:customerId',
      recordId: 'cu-v1',
      reason: 'callback about complaint c-1',
    });
    // The sale opened by the same manager in the test before, without a reason.
    expect(audit.items).toContainEqual(
      expect.objectContaining({ route: 'GET /vehicle-sales/:saleId', recordId: saleId, reason: null }),
    );
    const stream = await api.eventStore.readStream('fileaccess-cu-v1');
    expect(stream[stream.length - 1].metadata.hash).toEqual(expect.any(String));
    expect((await send('GET', '/access-audit', await as('sales-consultant'))).status).toBe(403);

    // Another dealer's manager is refused the record, and a refused read records nothing.
    // (Issuing a credential appends: get it before reading the head.)
    const otherDealer = await api.as({ role: 'dealer-manager', dealerId: 'd-bj-02' });
    const head = await api.eventStore.headPosition();
    expect((await send('GET', '/prospects/p-1', otherDealer)).status).toBe(403);
    expect((await send('GET', `/vehicle-sales/${saleId}`, otherDealer)).status).toBe(403);
    expect(await api.eventStore.headPosition()).toBe(head);
  });

  it('records the reason a recorded route was opened with, and refuses an unusable one before reading', async () => {
    const manager = await as('dealer-manager');
    const head = await api.eventStore.headPosition();
    const tooLong = await send('GET', `/vehicle-sales/${saleId}`, {
      ...manager,
      'x-access-reason': 'x'.repeat(501),
    });
    expect([tooLong.status, tooLong.json().errors]).toEqual([
      400,
      [expect.objectContaining({ field: 'X-Access-Reason' })],
    ]);
    expect(await api.eventStore.headPosition()).toBe(head);
    await ok('GET', `/vehicle-sales/${saleId}`, { ...manager, 'x-access-reason': 'delivery date query' });
    await api.settle();
    const audit = (
      await ok(
        'GET',
        '/access-audit?customerId=cu-v1&actorId=test-dealer-manager-d-sh-01',
        await as('auditor'),
      )
    ).json();
    expect(audit.items).toContainEqual(
      expect.objectContaining({
        route: 'GET /vehicle-sales/:saleId',
        recordId: saleId,
        reason: 'delivery date query',
      }),
    );
  });

  it('forgets the person: fields erased everywhere, also after a rebuild; KPIs unchanged; new data refused', async () => {
    const before = await kpis();
    // Worked out by hand. Funnel: p-1 registered and ordered in March. CSI of the one survey:
    // (9×22 + 8×20 + 10×20 + 7×19 + 9×19) / 100 × 100 = 862, a promoter (9): NPS 100.
    // Compliance: c-1 filed in March, not yet acknowledged.
    expect(before.funnel).toMatchObject({ registered: 1, ordered: 1, delivered: 0 });
    expect(before.csi).toEqual([
      expect.objectContaining({ month: '2026-03', surveys: 1, csi: 862, nps: 100 }),
    ]);
    expect(before.compliance).toEqual([
      expect.objectContaining({ month: '2026-03', filed: 1, acknowledged: 0 }),
    ]);

    const forget = { reason: 'erasure request by the customer', requestReference: 'DSR-2026-0042' };
    const first = await ok('POST', '/customers/cu-v1/forget', { 'idempotency-key': 'dsr-42' }, forget);
    expect(first.json()).toMatchObject({ id: 'cu-v1', replayed: false, erasedAt: expect.any(String) });
    const head = await api.eventStore.headPosition();
    const retried = await ok('POST', '/customers/cu-v1/forget', { 'idempotency-key': 'dsr-42' }, forget);
    expect(retried.json()).toMatchObject({ replayed: true });
    await ok('POST', '/customers/cu-v1/forget', {}, forget);
    expect(await api.eventStore.headPosition()).toBe(head);
    expect(await api.eventStore.readStream('datasubject-cu-v1')).toEqual([
      expect.objectContaining({ type: 'CustomerForgotten', data: expect.objectContaining(forget) }),
    ]);
    await api.settle();

    const expectErased = async () => {
      const manager = await as('dealer-manager');
      const prospect = (await ok('GET', '/prospects/p-1', manager)).json();
      expect(prospect.contact).toEqual({ customerId: 'cu-v1', name: '[erased]', phone: '[erased]' });
      const list = (await ok('GET', `/prospects?dealerId=${DEALER}`, manager)).json();
      expect(list.items[0].contact.name).toBe('[erased]');
      const sale = (await ok('GET', `/vehicle-sales/${saleId}`, manager)).json();
      expect(sale.customer).toEqual({
        customerId: 'cu-v1',
        name: '[erased]',
        phone: '[erased]',
        idNumber: '[erased]',
        address: '[erased]',
      });
      expect((await ok('GET', '/repair-orders/ro-1', manager)).json().plate).toBe('[erased]');
      expect((await ok('GET', `/repair-orders?dealerId=${DEALER}`, manager)).json().items[0].plate).toBe(
        '[erased]',
      );
      expect((await ok('GET', '/complaints/c-1', manager)).json().customer.phone).toBe('[erased]');
      expect((await ok('GET', `/complaints?dealerId=${DEALER}`, manager)).json().items[0].customer.name).toBe(
        '[erased]',
      );
      const file = (
        await ok('GET', '/customers/cu-v1', { ...manager, 'x-access-reason': 'erasure check' })
      ).json();
      const text = JSON.stringify(file);
      for (const value of CLEAR) expect(text).not.toContain(value);
      expect(text).toContain('[erased]');
      const csv = await ok('GET', '/complaints/c-1/trail?format=csv', manager);
      for (const value of CLEAR) expect(csv.body).not.toContain(value);
    };
    await expectErased();
    expect(await kpis()).toEqual(before);

    for (const projection of api.engine.definitionsNamed('all')) await api.engine.rebuild(projection.name);
    await api.settle();
    await expectErased();
    expect(await kpis()).toEqual(before);

    const headBefore = await api.eventStore.headPosition();
    const refused = await send(
      'POST',
      '/complaints',
      {},
      {
        complaintId: 'c-2',
        dealerId: DEALER,
        channel: 'hotline',
        category: 'service',
        severity: 'general',
        customer: { customerId: 'cu-v1', name: PERSON.name, phone: PERSON.phone },
        description: 'again',
        remedySought: 'call me',
      },
    );
    expect([refused.status, refused.json().code]).toEqual([422, 'CUSTOMER_FORGOTTEN']);
    const again = await send(
      'POST',
      '/prospects',
      {},
      {
        prospectId: 'p-2',
        dealerId: DEALER,
        consultantId: 'sc-li',
        channel: 'walk-in',
        contact: { customerId: 'cu-v1', name: PERSON.name, phone: '13900000000' },
        modelOfInterest: 'Lavida',
        grade: 'B',
      },
    );
    expect([again.status, again.json().code]).toEqual([422, 'CUSTOMER_FORGOTTEN']);
    expect(await api.eventStore.headPosition()).toBe(headBefore);
  });
});
