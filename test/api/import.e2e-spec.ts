import { readFileSync } from 'node:fs';
import { startTestApp, type TestApp } from '../support/test-app';

/*
 * Issue 16 §4, the bulk import through POST /admin/imports (the same service as `crm import`, whose own
 * test is test/cli/import.int-spec.ts): the example file of docs/import.md, a second run, refused rows, a
 * corrected file. The import mixed with the clock watchers' sweeps is test/api/import-sweeps.e2e-spec.ts.
 */
const json = { 'content-type': 'application/json' };
const EXAMPLE = 'docs/examples/import.jsonl';
const exampleRows = (): Record<string, unknown>[] =>
  readFileSync(EXAMPLE, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

type Report = {
  rows: number;
  appended: number;
  skipped: number;
  unchanged: number;
  refused: number;
  from: string | null;
  to: string | null;
  refusedRows: Array<{
    line: number;
    type: string | null;
    recordId: string | null;
    code: string;
    detail: string;
    fields?: Array<{ field: string; reason: string }>;
  }>;
};

describe('bulk import of DMS history (POST /admin/imports)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(async () => {
    await api.close();
  });

  const importRows = async (rows: unknown[], headers: Record<string, string> = {}) => {
    const response = await api.request({
      method: 'POST',
      url: '/admin/imports',
      headers: { ...json, ...headers },
      payload: { rows },
    });
    return { status: response.statusCode, body: response.json() as Report };
  };
  const get = async (url: string) => {
    const response = await api.request({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    return response.json() as Record<string, unknown>;
  };

  it('imports the example file in business-time order: a prospect to a delivered sale, a repair order with its operations, a complaint, a member', async () => {
    const { status, body } = await importRows(exampleRows());
    expect(status).toBe(200);
    // 27 rows, each appended. The file is not in time order: the member's carried-over 5,000 points (Feb 1st)
    // are its last line, after the redemption of 1,000 (June 1st), which file order would refuse for want of
    // points; the complaint (April 3rd to 7th) comes before the repair order it is about (April 2nd).
    expect(body).toMatchObject({ rows: 27, appended: 27, skipped: 0, unchanged: 0, refused: 0 });
    expect(body.from).toBe('2025-02-01T02:00:00.000Z'); // the enrolment, 10:00 at +08:00
    expect(body.to).toBe('2025-06-01T02:00:00.000Z'); // the redemption
    await api.settle();

    const prospect = await get('/prospects/p-imp-1');
    expect(prospect).toMatchObject({ status: 'ordered', grade: 'O', registeredBy: 'import:test-admin' });
    const sales = await get('/vehicle-sales?dealerId=d-imp-01');
    const [sale] = sales.items as Array<Record<string, unknown>>;
    expect(sale).toMatchObject({ prospectId: 'p-imp-1', status: 'delivered', vin: 'LSVAX60E5M2000001' });
    const order = await get('/repair-orders/ro-imp-1');
    expect(order).toMatchObject({ status: 'settled', operationCodes: ['OIL'] });
    const complaint = await get('/complaints/c-imp-1');
    expect(complaint).toMatchObject({ status: 'closed', filedAt: '2025-04-03T01:00:00.000Z' });
    // 5,000 points carried over, 1,000 redeemed: 5,000 − 1,000 = 4,000 outstanding.
    const member = await get('/memberships/cu-imp-3');
    expect(member).toMatchObject({ status: 'active', outstandingPoints: 4000 });
  });

  it('appends nothing when the same file is imported again: every row is skipped, the head stays', async () => {
    const head = await api.eventStore.headPosition();
    const { status, body } = await importRows(exampleRows());
    expect(status).toBe(200);
    expect(body).toMatchObject({ rows: 27, appended: 0, skipped: 27, refused: 0 });
    await api.settle();
    expect(await api.eventStore.headPosition()).toBe(head);
  });

  const member = (customerId: string, line: Record<string, unknown>) => ({
    type: 'membership.AdjustPoints',
    customerId,
    reason: 'carried over',
    ...line,
  });
  const mixed = [
    {
      type: 'membership.EnrollMember',
      customerId: 'cu-r1',
      cardNumber: 'C-R1',
      homeDealerId: 'd-imp-02',
      occurredAt: '2025-05-01T10:00:00+08:00',
    },
    member('cu-r-none', { adjustmentId: 'adj-r0', delta: 10, occurredAt: '2025-05-02T10:00:00+08:00' }),
    {
      type: 'complaint.FileComplaint',
      complaintId: 'c-r1',
      dealerId: 'd-imp-02',
      channel: 'hotline',
      category: 'service',
      severity: 'general',
      customer: { customerId: 'cu-r2', name: 'Li Na', phone: 'call me' },
      description: 'noise',
      remedySought: 'repair',
      occurredAt: '2025-05-03T10:00:00+08:00',
    },
    { type: 'membership.Teleport', customerId: 'cu-r1', occurredAt: '2025-05-04T10:00:00+08:00' },
    member('cu-r1', { adjustmentId: 'adj-r1', delta: 100 }),
    member('cu-r1', { adjustmentId: 'adj-r2', delta: 300, occurredAt: '2025-05-06T10:00:00+08:00' }),
  ];

  it('reports each refused row with its line, record, code and reason, and imports the rest', async () => {
    const { status, body } = await importRows(mixed);
    expect(status).toBe(200);
    expect(body).toMatchObject({ rows: 6, appended: 2, skipped: 0, refused: 4 });
    const refused = body.refusedRows.map(({ line, type, recordId, code, fields }) => ({
      line,
      type,
      recordId,
      code,
      fields: fields?.map((field) => field.field),
    }));
    expect(refused).toEqual([
      {
        line: 2,
        type: 'membership.AdjustPoints',
        recordId: 'cu-r-none',
        code: 'MEMBERSHIP_NOT_FOUND',
        fields: undefined,
      },
      {
        line: 3,
        type: 'complaint.FileComplaint',
        recordId: 'c-r1',
        code: 'VALIDATION_FAILED',
        fields: ['customer.phone'],
      },
      { line: 4, type: 'membership.Teleport', recordId: null, code: 'UNKNOWN_ROW_TYPE', fields: undefined },
      {
        line: 5,
        type: 'membership.AdjustPoints',
        recordId: null,
        code: 'VALIDATION_FAILED',
        fields: ['occurredAt'],
      },
    ]);
    expect(body.refusedRows[0].detail).toMatch(/cu-r-none/);
    await api.settle();
    // Only the two good rows: enrolled, 300 points.
    expect(await get('/memberships/cu-r1')).toMatchObject({ outstandingPoints: 300 });
    expect((await api.request({ method: 'GET', url: '/complaints/c-r1' })).statusCode).toBe(404);
  });

  it('imports only what is new from a corrected file, and refuses a row changed since it was imported', async () => {
    const head = await api.eventStore.headPosition();
    const corrected = [
      mixed[0],
      // was 300: the same row (type, record, business time) with other fields is not imported twice
      member('cu-r1', { adjustmentId: 'adj-r2', delta: 400, occurredAt: '2025-05-06T10:00:00+08:00' }),
      // was refused: now dated
      member('cu-r1', { adjustmentId: 'adj-r1', delta: 100, occurredAt: '2025-05-07T10:00:00+08:00' }),
    ];
    const { body } = await importRows(corrected);
    expect(body).toMatchObject({ rows: 3, appended: 1, skipped: 1, refused: 1 });
    expect(body.refusedRows.map(({ line, code }) => [line, code])).toEqual([[2, 'IDEMPOTENCY_KEY_REUSED']]);
    await api.settle();
    expect(await api.eventStore.headPosition()).toBeGreaterThan(head);
    // 300 + 100 = 400
    expect(await get('/memberships/cu-r1')).toMatchObject({ outstandingPoints: 400 });
  });

  it('is the admin’s alone, and refuses a body that is not a list of rows (400 naming rows)', async () => {
    const manager = await api.as({ role: 'dealer-manager' });
    const forbidden = await importRows(exampleRows(), manager);
    expect(forbidden.status).toBe(403);
    const bad = await api.request({
      method: 'POST',
      url: '/admin/imports',
      headers: json,
      payload: { rows: [] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'rows' }] });
  });
});
