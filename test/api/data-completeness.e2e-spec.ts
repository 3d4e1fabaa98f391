import { prospectBody, salesApi } from '../support/sales-api';
import { VINS } from '../support/service-history';
import { startTestApp, type TestApp, testClock } from '../support/test-app';

const D1 = 'd-sh-01';
const D2 = 'd-bj-02';
const at = (day: string, time = '10:00') => `2026-04-${day}T${time}:00+08:00`;

/**
 * Data completeness over HTTP, worked out by hand (defaults = version 0 of every record type).
 *
 * Prospects (name, phone, channel, modelOfInterest, consultantId; the API requires every one of them, but
 * takes a model of interest of blanks, which is missing):
 *   p-dq1 D1 complete, budget 150,000 RMB; p-dq2 D1 model "   ", no budget; p-dq3 D2 complete, no budget.
 *   D1: records 2, complete 1 (p-dq1), rate 0.5, modelOfInterest missing 1. D2: 1, 1, rate 1.
 * Vehicle sale (vin, priceFen, paymentType, promisedDeliveryAt): p-dq1 orders; no VIN before allocation.
 *   D1: records 1, complete 0, rate 0, vin missing 1, the others 0.
 * Repair orders (vin, mileageKm, roType, serviceAdvisorId; roType comes with settlement):
 *   ro-dq1 an appointment without advisor: mileage, RO type and advisor missing;
 *   ro-dq2 a walk-in checked in with mileage and advisor: RO type missing.
 *   D1: records 2, complete 0, rate 0; vin 0, mileageKm 1, roType 2, serviceAdvisorId 1.
 * Complaints (category, severity, channel, description): c-dq1 described "   ", c-dq2 complete.
 *   D1: records 2, complete 1, rate 0.5, description missing 1.
 * Member (cardNumber, homeDealerId): cu-m1 at D1, complete: records 1, complete 1, rate 1.
 *
 * Then OEM staff set prospect version 1 = the defaults + budgetFen (9 April 09:00 CST):
 *   D1: p-dq1 complete, p-dq2 misses model and budget: records 2, complete 1, rate 0.5, budgetFen 1.
 *   D2: p-dq3 misses budget: records 1, complete 0, rate 0, budgetFen 1.
 *   Missing budgetFen: p-dq2 (D1), p-dq3 (D2), by dealer (d-bj-02 before d-sh-01) then id.
 */
describe('data completeness: required fields per record type, the report and the missing list', () => {
  const clock = testClock(at('10'));
  let api: TestApp;
  let oem: Record<string, string>;
  let manager: Record<string, string>;

  const json = { 'content-type': 'application/json' };
  const send = (url: string, payload: object, headers: Record<string, string> = {}) =>
    api.request({ method: 'POST', url, headers: { ...json, ...headers }, payload });
  const read = (url: string, headers: Record<string, string> = {}) =>
    api.request({ method: 'GET', url, headers });
  const ok = async (url: string, payload: object) => {
    const response = await send(url, payload);
    if (response.statusCode >= 300) throw new Error(`POST ${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const report = async (query: string, headers: Record<string, string> = {}) => {
    await api.settle();
    const response = await read(`/data-quality/completeness?${query}`, headers);
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  const missing = (field: string, records: number) => ({ field, records });

  beforeAll(async () => {
    api = await startTestApp({ clock });
    oem = await api.as({ role: 'oem-staff', userId: 'oem-zhang' });
    manager = await api.as({ role: 'dealer-manager', dealerId: D1, userId: 'dm-sh' });
    const sales = salesApi(api);
    await ok('/prospects', {
      ...prospectBody('p-dq1', '13900000201'),
      budgetFen: 15_000_000,
      occurredAt: at('01'),
    });
    await ok('/prospects', {
      ...prospectBody('p-dq2', '13900000202'),
      modelOfInterest: '   ',
      occurredAt: at('01', '11:00'),
    });
    await ok('/prospects', {
      ...prospectBody('p-dq3', '13900000203'),
      dealerId: D2,
      consultantId: 'sc-wang',
      occurredAt: at('01'),
    });
    await sales.orderOn('p-dq1', (time) => at('02', time), at('20'));
    await ok('/repair-orders/appointments', {
      dealerId: D1,
      vin: VINS.V1,
      plate: '沪A00001',
      customerId: 'cu-v1',
      repairOrderId: 'ro-dq1',
      requestedFor: at('12'),
      occurredAt: at('03'),
    });
    await ok('/repair-orders', {
      dealerId: D1,
      vin: VINS.V2,
      plate: '沪A00002',
      customerId: 'cu-v2',
      repairOrderId: 'ro-dq2',
      mileageKm: 12_000,
      customerDescription: 'noise from the front left wheel',
      serviceAdvisorId: 'u-sa-3',
      occurredAt: at('03'),
    });
    const complaint = (complaintId: string, description: string) =>
      ok('/complaints', {
        complaintId,
        dealerId: D1,
        channel: 'web',
        category: 'service',
        severity: 'minor',
        customer: { customerId: `cu-${complaintId}`, name: 'Li Lei', phone: '13900001111' },
        description,
        remedySought: 'an apology',
        occurredAt: at('04'),
      });
    await complaint('c-dq1', '   ');
    await complaint('c-dq2', 'waited two hours');
    await ok('/memberships', {
      customerId: 'cu-m1',
      cardNumber: 'C-cu-m1',
      homeDealerId: D1,
      occurredAt: at('05'),
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('reports each record type per dealer against the defaults, version 0', async () => {
    const { recordTypes } = await report('', oem);
    const byType = Object.fromEntries(
      recordTypes.map((block: { recordType: string }) => [block.recordType, block]),
    );
    expect(byType.prospect).toEqual({
      recordType: 'prospect',
      requiredFields: {
        version: 0,
        fields: ['name', 'phone', 'channel', 'modelOfInterest', 'consultantId'],
        reason: 'defaults (issue 19 §6)',
        setAt: null,
        setBy: null,
      },
      dealers: [
        {
          dealerId: D2,
          records: 1,
          complete: 1,
          completenessRate: 1,
          missing: ['name', 'phone', 'channel', 'modelOfInterest', 'consultantId'].map((f) => missing(f, 0)),
        },
        {
          dealerId: D1,
          records: 2,
          complete: 1,
          completenessRate: 0.5,
          missing: [
            missing('name', 0),
            missing('phone', 0),
            missing('channel', 0),
            missing('modelOfInterest', 1),
            missing('consultantId', 0),
          ],
        },
      ],
    });
    expect(byType['vehicle-sale'].dealers).toEqual([
      {
        dealerId: D1,
        records: 1,
        complete: 0,
        completenessRate: 0,
        missing: [
          missing('vin', 1),
          missing('priceFen', 0),
          missing('paymentType', 0),
          missing('promisedDeliveryAt', 0),
        ],
      },
    ]);
    expect(byType['repair-order'].dealers).toEqual([
      {
        dealerId: D1,
        records: 2,
        complete: 0,
        completenessRate: 0,
        missing: [
          missing('vin', 0),
          missing('mileageKm', 1),
          missing('roType', 2),
          missing('serviceAdvisorId', 1),
        ],
      },
    ]);
    expect(byType.complaint.dealers).toEqual([
      {
        dealerId: D1,
        records: 2,
        complete: 1,
        completenessRate: 0.5,
        missing: [
          missing('category', 0),
          missing('severity', 0),
          missing('channel', 0),
          missing('description', 1),
        ],
      },
    ]);
    expect(byType.member.dealers).toEqual([
      {
        dealerId: D1,
        records: 1,
        complete: 1,
        completenessRate: 1,
        missing: [missing('cardNumber', 0), missing('homeDealerId', 0)],
      },
    ]);
  });

  it('lists the records missing a field, with a link to each', async () => {
    await api.settle();
    const mileage = await read(
      '/data-quality/completeness/missing?recordType=repair-order&field=mileageKm',
      oem,
    );
    expect(mileage.statusCode).toBe(200);
    expect(mileage.json()).toEqual({
      items: [
        { recordType: 'repair-order', recordId: 'ro-dq1', dealerId: D1, href: '/repair-orders/ro-dq1' },
      ],
      total: 1,
      limit: 50,
      offset: 0,
    });
    const description = await read(
      '/data-quality/completeness/missing?recordType=complaint&field=description',
      oem,
    );
    expect(description.json().items.map((item: { recordId: string }) => item.recordId)).toEqual(['c-dq1']);
  });

  it('refuses a bad required-field set with a code and the known fields; dealer managers may not set one', async () => {
    const head = await api.eventStore.headPosition();
    const refused = async (recordType: string, fields: string[], status: number, code: string) => {
      const response = await send(
        `/data-quality/required-fields/${recordType}`,
        { fields, reason: 'tidy up', occurredAt: at('09') },
        oem,
      );
      expect([response.statusCode, response.json().code]).toEqual([status, code]);
      return response.json();
    };
    await refused('invoice', ['number'], 422, 'REQUIRED_FIELDS_UNKNOWN_RECORD_TYPE');
    expect(
      (await refused('member', ['cardNumber', 'shoeSize'], 422, 'REQUIRED_FIELDS_UNKNOWN_FIELD')).details,
    ).toEqual({
      recordType: 'member',
      unknownFields: ['shoeSize'],
      knownFields: ['cardNumber', 'homeDealerId'],
    });
    await refused('complaint', [], 422, 'REQUIRED_FIELDS_EMPTY');
    await refused('member', ['homeDealerId', 'cardNumber'], 422, 'REQUIRED_FIELDS_UNCHANGED');
    await refused('member', ['cardNumber', 'cardNumber'], 400, 'VALIDATION_FAILED');
    const byManager = await send(
      '/data-quality/required-fields/prospect',
      { fields: ['name'], reason: 'mine', occurredAt: at('09') },
      manager,
    );
    expect([byManager.statusCode, byManager.json().code]).toEqual([403, 'ROLE_FORBIDDEN']);
    expect(await api.eventStore.headPosition()).toBe(head);
  });

  it('applies a new version to every record and names it; the missing list follows', async () => {
    const set = await send(
      '/data-quality/required-fields/prospect',
      {
        fields: ['name', 'phone', 'channel', 'modelOfInterest', 'consultantId', 'budgetFen'],
        reason: 'budget drives the forecast',
        occurredAt: at('09', '09:00'),
      },
      oem,
    );
    expect(set.statusCode).toBe(201);
    const { recordTypes } = await report('recordType=prospect', oem);
    const v1 = {
      version: 1,
      fields: ['name', 'phone', 'channel', 'modelOfInterest', 'consultantId', 'budgetFen'],
      reason: 'budget drives the forecast',
      // 9 April 09:00 CST = 01:00 UTC.
      setAt: '2026-04-09T01:00:00.000Z',
      setBy: 'oem-zhang',
    };
    expect(recordTypes).toEqual([
      {
        recordType: 'prospect',
        requiredFields: v1,
        dealers: [
          expect.objectContaining({
            dealerId: D2,
            records: 1,
            complete: 0,
            completenessRate: 0,
            missing: expect.arrayContaining([missing('budgetFen', 1), missing('modelOfInterest', 0)]),
          }),
          expect.objectContaining({
            dealerId: D1,
            records: 2,
            complete: 1,
            completenessRate: 0.5,
            missing: expect.arrayContaining([missing('budgetFen', 1), missing('modelOfInterest', 1)]),
          }),
        ],
      },
    ]);
    const page = await read(
      '/data-quality/completeness/missing?recordType=prospect&field=budgetFen&limit=1&offset=1',
      oem,
    );
    expect(page.json()).toEqual({
      items: [{ recordType: 'prospect', recordId: 'p-dq2', dealerId: D1, href: '/prospects/p-dq2' }],
      total: 2,
      limit: 1,
      offset: 1,
    });
    const history = await read('/data-quality/required-fields', manager);
    expect(history.statusCode).toBe(200);
    const prospect = history
      .json()
      .recordTypes.find((block: { recordType: string }) => block.recordType === 'prospect');
    expect(prospect.inForce).toEqual(v1);
    expect(prospect.versions.map((v: { version: number }) => v.version)).toEqual([0, 1]);
    expect(prospect.knownFields).toContain('expectedPurchaseBy');
  });

  it('keeps a dealer manager to their own dealer', async () => {
    const { recordTypes } = await report('recordType=prospect', manager);
    expect(recordTypes[0].dealers.map((row: { dealerId: string }) => row.dealerId)).toEqual([D1]);
    const list = await read(
      '/data-quality/completeness/missing?recordType=prospect&field=budgetFen',
      manager,
    );
    expect(list.json()).toMatchObject({ items: [{ recordId: 'p-dq2' }], total: 1 });
    const other = await read(`/data-quality/completeness?dealerId=${D2}`, manager);
    expect([other.statusCode, other.json().code]).toEqual([403, 'DEALER_FORBIDDEN']);
  });

  it('answers a dealer without records with zeros and a null rate', async () => {
    const { recordTypes } = await report('recordType=member&dealerId=d-gz-03', oem);
    expect(recordTypes[0].dealers).toEqual([
      {
        dealerId: 'd-gz-03',
        records: 0,
        complete: 0,
        completenessRate: null,
        missing: [missing('cardNumber', 0), missing('homeDealerId', 0)],
      },
    ]);
  });

  it('counts a forgotten customer’s name and phone as present: erased on request, not a gap to fill', async () => {
    const forgotten = await send('/customers/cu-p-dq1/forget', {
      reason: 'erasure request by the customer',
      requestReference: 'DSR-2026-0099',
    });
    expect(forgotten.statusCode).toBe(200);
    const { recordTypes } = await report(`recordType=prospect&dealerId=${D1}`, oem);
    // As before the forgetting: p-dq1 complete, p-dq2 missing model and budget.
    expect(recordTypes[0].dealers[0]).toMatchObject({ records: 2, complete: 1, completenessRate: 0.5 });
    expect(recordTypes[0].dealers[0].missing.slice(0, 2)).toEqual([missing('name', 0), missing('phone', 0)]);
    const names = await read('/data-quality/completeness/missing?recordType=prospect&field=name', oem);
    expect(names.json()).toMatchObject({ items: [], total: 0 });
  });

  it('refuses an unknown record type or field in a read with 400 naming it', async () => {
    const type = await read('/data-quality/completeness?recordType=invoice', oem);
    expect([type.statusCode, type.body]).toEqual([400, expect.stringContaining('recordType')]);
    const field = await read('/data-quality/completeness/missing?recordType=member&field=shoeSize', oem);
    expect([field.statusCode, field.body]).toEqual([
      400,
      expect.stringContaining('cardNumber, homeDealerId'),
    ]);
  });
});
