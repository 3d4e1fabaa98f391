import { startTestApp, testClock, type TestApp, type TestPrincipal } from '../support/test-app';

/**
 * Issue 16 §2, the event feed: a few commands on two dealers (d-a, d-b), read back as CloudEvents in log
 * order, paged with a small limit, by role and dealer, by type, resumed from a cursor, and erased.
 * The expected lists are written out from the scenario below, not read from the code.
 */
const json = { 'content-type': 'application/json' };
const T = (minute: number) => `2026-03-02T01:${String(minute).padStart(2, '0')}:00.000Z`;
const type = (name: string) => `com.dealer-crm.${name}.v1`;

/** What the feed should list, by (type, subject, dealer), in the order the commands were sent. */
const FILED_A1 = ['complaint.filed', 'c-a1', 'd-a'];
const FILED_B1 = ['complaint.filed', 'c-b1', 'd-b'];
const ACK_A1 = ['complaint.acknowledged', 'c-a1', 'd-a'];
const ESCALATED_B1 = ['complaint.escalated', 'c-b1', 'd-b'];
const ENROLLED_M1 = ['membership.enrolled', 'cu-m1', 'd-b'];
const RESOLVED_A1 = ['complaint.resolved', 'c-a1', 'd-a'];
const CLOSED_A1 = ['complaint.closed', 'c-a1', 'd-a'];
const REOPENED_A1 = ['complaint.reopened', 'c-a1', 'd-a'];
const EVERYTHING = [
  FILED_A1,
  FILED_B1,
  ACK_A1,
  ESCALATED_B1,
  ENROLLED_M1,
  RESOLVED_A1,
  CLOSED_A1,
  REOPENED_A1,
];

type CloudEvent = {
  specversion: string;
  id: string;
  source: string;
  type: string;
  subject: string;
  time: string;
  datacontenttype: string;
  dealerid: string;
  data: Record<string, unknown>;
};
type Page = { items: CloudEvent[]; next: string; caughtUp: boolean };

describe('GET /feed: integration events as CloudEvents', () => {
  const clock = testClock('2026-03-02T02:00:00.000Z');
  let api: TestApp;

  const post = async (url: string, payload: object) => {
    const response = await api.request({ method: 'POST', url, headers: json, payload });
    if (response.statusCode >= 300) throw new Error(`POST ${url}: ${response.statusCode} ${response.body}`);
  };
  const feed = async (query: string, principal?: TestPrincipal) =>
    api.request({
      method: 'GET',
      url: `/feed${query}`,
      headers: principal ? await api.as(principal) : {},
    });
  const page = async (query: string, principal?: TestPrincipal): Promise<Page> => {
    const response = await feed(query, principal);
    if (response.statusCode !== 200) throw new Error(`GET /feed${query}: ${response.body}`);
    return response.json();
  };
  const shortly = (items: CloudEvent[]) =>
    items.map((item) => [
      item.type.replace(/^com\.dealer-crm\.(.*)\.v1$/, '$1'),
      item.subject,
      item.dealerid,
    ]);
  /** Every page from the start with `limit`, and the cursor after the last. */
  const allPages = async (limit: number, principal?: TestPrincipal) => {
    const pages: Page[] = [];
    let query = `?limit=${limit}`;
    for (let guard = 0; guard < 20; guard += 1) {
      const next = await page(query, principal);
      pages.push(next);
      if (next.caughtUp) break;
      query = `?limit=${limit}&after=${next.next}`;
    }
    return pages;
  };
  const file = (complaintId: string, dealerId: string, customer: object, minute: number) =>
    post('/complaints', {
      complaintId,
      dealerId,
      channel: 'hotline',
      category: 'service',
      severity: 'general',
      customer,
      description: 'Brake noise came back',
      remedySought: 'free re-repair',
      occurredAt: T(minute),
    });

  beforeAll(async () => {
    api = await startTestApp({ clock });
    await file('c-a1', 'd-a', { customerId: 'cu-a1', name: '王芳', phone: '13812345678' }, 0);
    await file('c-b1', 'd-b', { customerId: 'cu-b1', name: '李雷', phone: '13900000001' }, 2);
    await post('/complaints/c-a1/acknowledge', { occurredAt: T(4) });
    await post('/complaints/c-a1/investigation-notes', { note: 'pads', occurredAt: T(5) });
    await post('/complaints/c-b1/escalate', { reason: 'customer asked', occurredAt: T(6) });
    await post('/memberships', {
      customerId: 'cu-m1',
      cardNumber: 'C-cu-m1',
      homeDealerId: 'd-b',
      occurredAt: T(8),
    });
    await post('/complaints/c-a1/proposals', { remedyOffered: 'new pads', occurredAt: T(10) });
    await post('/complaints/c-a1/proposals/response', { accepted: true, occurredAt: T(12) });
    await post('/complaints/c-a1/resolve', { occurredAt: T(14) });
    await post('/complaints/c-a1/callback', { reached: true, satisfaction: 'satisfied', occurredAt: T(16) });
    await post('/complaints/c-a1/close', { occurredAt: T(18) });
    await post('/complaints/c-a1/reopen', { reason: 'noise is back', occurredAt: T(20) });
  });
  afterAll(async () => {
    await api.close();
  });

  it('pages through every dealer in log order with a small limit, then polls with the same cursor', async () => {
    const pages = await allPages(3);
    expect(pages.map((p) => shortly(p.items))).toEqual([
      [FILED_A1, FILED_B1, ACK_A1],
      [ESCALATED_B1, ENROLLED_M1, RESOLVED_A1],
      [CLOSED_A1, REOPENED_A1],
    ]);
    expect(pages.map((p) => p.caughtUp)).toEqual([false, false, true]);
    const last = pages[2].next;
    const again = await page(`?limit=3&after=${last}`);
    expect(again).toEqual({ items: [], next: last, caughtUp: true });
  });

  it('shapes each item as a CloudEvent whose id is the source event id and whose time is business time', async () => {
    const [filed] = (await page('?limit=1')).items;
    const stored = (await api.eventStore.readAll({ after: 0, limit: 1000 })).find(
      (event) => event.type === 'ComplaintFiled' && event.streamId === 'complaint-c-a1',
    );
    expect(filed).toEqual({
      specversion: '1.0',
      id: stored?.eventId,
      source: '/dealers/d-a/complaints/c-a1',
      type: type('complaint.filed'),
      subject: 'c-a1',
      time: T(0),
      datacontenttype: 'application/json',
      dealerid: 'd-a',
      data: {
        complaintId: 'c-a1',
        dealerId: 'd-a',
        channel: 'hotline',
        category: 'service',
        severity: 'general',
        level: 'L1',
        customer: { customerId: 'cu-a1', name: '王芳', phone: '13812345678' },
        relatedSaleId: null,
        relatedRepairOrderId: null,
        filedAt: T(0),
        acknowledgeBy: expect.any(String),
        resolveBy: expect.any(String),
      },
    });
    // A free-text field stays out: it is not encrypted, so it could not be erased.
    expect(JSON.stringify(filed)).not.toContain('Brake noise');
    const reopened = (await page(`?types=${type('complaint.reopened')}`)).items;
    expect(reopened.map((item) => [item.source, item.data.dealerId])).toEqual([
      ['/dealers/d-a/complaints/c-a1', 'd-a'],
    ]);
  });

  it('shows a dealer-bound role only its dealer, and only the records its role may read', async () => {
    const manager = { role: 'dealer-manager', dealerId: 'd-a' } as const;
    expect(shortly((await page('', manager)).items)).toEqual([
      FILED_A1,
      ACK_A1,
      RESOLVED_A1,
      CLOSED_A1,
      REOPENED_A1,
    ]);
    const desk = { role: 'customer-service', dealerId: 'd-b' } as const;
    expect(shortly((await page('', desk)).items)).toEqual([FILED_B1, ESCALATED_B1, ENROLLED_M1]);
    // A service advisor reads the club, not complaints.
    const advisor = { role: 'service-advisor', dealerId: 'd-b' } as const;
    expect(shortly((await page('', advisor)).items)).toEqual([ENROLLED_M1]);

    const other = await feed('?dealerId=d-b', manager);
    expect([other.statusCode, other.json().code]).toEqual([403, 'DEALER_FORBIDDEN']);
    const consultant = await feed('', { role: 'sales-consultant', dealerId: 'd-a' });
    expect([consultant.statusCode, consultant.json().code]).toEqual([403, 'ROLE_FORBIDDEN']);
    // A network-wide role narrows to one dealer with the filter.
    expect(shortly((await page('?dealerId=d-b', { role: 'oem-staff' })).items)).toEqual([
      FILED_B1,
      ESCALATED_B1,
      ENROLLED_M1,
    ]);
  });

  it('keeps only the types asked for, and the cursor of a filtered page moves past what it skipped', async () => {
    const types = `${type('complaint.filed')},${type('complaint.reopened')}`;
    const filtered = await page(`?types=${types}`);
    expect(shortly(filtered.items)).toEqual([FILED_A1, FILED_B1, REOPENED_A1]);
    const first = await page(`?types=${types}&limit=2`);
    expect(shortly(first.items)).toEqual([FILED_A1, FILED_B1]);
    const rest = await page(`?types=${types}&limit=2&after=${first.next}`);
    expect(shortly(rest.items)).toEqual([REOPENED_A1]);
  });

  it('resumes from a cursor without gaps or repeats, also across new events', async () => {
    const pages = await allPages(2);
    const ids = pages.flatMap((p) => p.items.map((item) => item.id));
    expect(ids).toEqual((await page('?limit=500')).items.map((item) => item.id));
    expect(new Set(ids).size).toBe(EVERYTHING.length);
    const cursor = pages[pages.length - 1].next;
    await file('c-a2', 'd-a', { customerId: 'cu-a2', name: '张伟', phone: '13700000002' }, 30);
    const polled = await page(`?after=${cursor}`);
    expect(shortly(polled.items)).toEqual([['complaint.filed', 'c-a2', 'd-a']]);
    expect(polled.next).not.toBe(cursor);
    expect((await page(`?after=${polled.next}`)).items).toEqual([]);
  });

  it('shows personal data as the role may see it, and [erased] once the customer is forgotten', async () => {
    const customerOf = async (principal?: TestPrincipal) =>
      (await page(`?types=${type('complaint.filed')}`, principal)).items.map((item) => item.data.customer);
    expect((await customerOf({ role: 'oem-staff' }))[0]).toEqual({
      customerId: 'cu-a1',
      name: '王芳',
      phone: '138****5678',
    });
    await post('/customers/cu-a1/forget', { reason: 'erasure request', requestReference: 'DSR-1' });
    const after = await customerOf();
    expect(after[0]).toEqual({ customerId: 'cu-a1', name: '[erased]', phone: '[erased]' });
    expect(after[1]).toEqual({ customerId: 'cu-b1', name: '李雷', phone: '13900000001' });
  });

  it('never lists credentials, file openings, forgettings or intermediate steps', async () => {
    const listed = new Set((await page('?limit=500')).items.map((item) => item.type));
    const stored = new Set((await api.eventStore.readAll({ after: 0, limit: 1000 })).map((e) => e.type));
    for (const internal of ['CredentialIssued', 'CustomerForgotten', 'InvestigationNoteAdded'])
      expect(stored.has(internal)).toBe(true);
    expect([...listed].every((name) => name.startsWith('com.dealer-crm.'))).toBe(true);
    expect([...listed].sort()).toEqual(
      [
        'complaint.acknowledged',
        'complaint.closed',
        'complaint.escalated',
        'complaint.filed',
        'complaint.reopened',
        'complaint.resolved',
        'membership.enrolled',
      ].map(type),
    );
  });

  it('refuses a bad cursor, a cursor past the end, an unknown type and a limit over 500, naming the field', async () => {
    for (const [query, field] of [
      ['?after=not-a-cursor', 'after'],
      ['?after=v1.zzzzzz', 'after'],
      ['?types=ComplaintFiled', 'types'],
      ['?limit=501', 'limit'],
    ]) {
      const response = await feed(query);
      expect([query, response.statusCode, response.json().code]).toEqual([query, 400, 'VALIDATION_FAILED']);
      expect(response.json().errors.map((error: { field: string }) => error.field)).toEqual([field]);
    }
  });
});
