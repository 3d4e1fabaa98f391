import { ClockWatcherRunner } from '../../src/infrastructure/watchers/clock-watcher-runner';
import { prospectBody, salesApi, settleSales } from '../support/sales-api';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

const json = { 'content-type': 'application/json' };
const D1 = 'd-sh-01';
const D2 = 'd-bj-02';
/** An instant in China Standard Time, `MM-DD` and `hh:mm`. */
const cst = (day: string, time: string) => `2026-${day}T${time}:00+08:00`;
const utc = (day: string, time: string) => new Date(cst(day, time)).toISOString();

/**
 * OEM leads over HTTP (issue 18 §3), on one small network written out here:
 *
 * | lead | dealer | handed (CST)  | what happens                                                                 |
 * |------|--------|---------------|------------------------------------------------------------------------------|
 * | L1   | D1     | 03-02 10:00   | accepted 03-03 10:00 (exactly 24 h: on time), contacted, new prospect, ordered 03-10 |
 * | L2   | D1     | 03-02 11:00   | never accepted: the sweep returns it at 03-03 11:00; handed again to D2      |
 * | L2#2 | D2     | 03-03 12:00   | accepted 13:00, never contacted: returned at 03-05 13:00                     |
 * | L3   | D1     | 03-05 10:00   | a contact before the acceptance is refused, then accepted, contacted, lost (price) |
 * | L4   | D1     | 03-31 20:00   | returned by the sweep at 04-01 20:00; a late acceptance dated 04-01 19:00 withdraws it |
 * | L5   | D1     | 04-01 00:30   | April in CST (03-31 16:30 UTC); never accepted                               |
 * | L6   | D1     | 03-06 10:00   | its phone is D1's prospect P-EX's: the prospect file is merged; P-EX orders 03-12 |
 */
describe('OEM leads: handing, clocks, returns, prospect file, conversion and KPI', () => {
  const clock = testClock('2026-04-05T00:00:00.000Z');
  let api: TestApp;
  let sales: ReturnType<typeof salesApi>;
  let oem: Record<string, string>;
  let d1: Record<string, string>;
  let d2: Record<string, string>;
  let d1Consultant: Record<string, string>;

  beforeAll(async () => {
    api = await startTestApp({ clock });
    sales = salesApi(api);
    oem = { ...json, ...(await api.as({ role: 'oem-staff', userId: 'oem-zhao' })) };
    d1 = { ...json, ...(await api.as({ role: 'dealer-manager', dealerId: D1, userId: 'dm-sh' })) };
    d2 = { ...json, ...(await api.as({ role: 'dealer-manager', dealerId: D2, userId: 'dm-bj' })) };
    d1Consultant = {
      ...json,
      ...(await api.as({ role: 'sales-consultant', dealerId: D1, userId: 'sc-li' })),
    };
  });
  afterAll(async () => {
    await api.close();
  });

  const post = async (url: string, headers: Record<string, string>, payload: object = {}) => {
    const response = await api.request({ method: 'POST', url, headers, payload });
    return { status: response.statusCode, body: response.json() };
  };
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const response = await api.request({ method: 'GET', url, headers });
    return { status: response.statusCode, body: response.json() };
  };
  const hand = (leadId: string, dealerId: string, phone: string, occurredAt: string) =>
    post('/leads', oem, {
      leadId,
      dealerId,
      source: 'hotline',
      model: 'ID.4',
      customer: { customerId: `cu-${leadId}`, name: `Customer ${leadId}`, phone },
      occurredAt,
    });
  const step = (leadId: string, action: string, headers: Record<string, string>, body: object) =>
    post(`/leads/${leadId}/${action}`, headers, body);
  const sweep = () => api.app.get(ClockWatcherRunner).sweep('lead return');
  const order = (prospectId: string, day: string) =>
    sales.orderOn(prospectId, (time) => cst(day, time), cst('04-20', '10:00'));

  it('hands, accepts on the deadline, refuses a contact before the acceptance, and merges by phone', async () => {
    // D1 already has a walk-in prospect with L6's phone.
    expect(
      (await sales.register({ ...prospectBody('p-ex', '13900000006'), occurredAt: cst('03-01', '10:00') }))
        .status,
    ).toBe(201);
    for (const [leadId, dealer, phone, at] of [
      ['l-1', D1, '13900000001', cst('03-02', '10:00')],
      ['l-2', D1, '13900000002', cst('03-02', '11:00')],
      ['l-3', D1, '13900000003', cst('03-05', '10:00')],
      ['l-4', D1, '13900000004', cst('03-31', '20:00')],
      ['l-5', D1, '13900000005', cst('04-01', '00:30')],
      ['l-6', D1, '+86 139-0000-0006', cst('03-06', '10:00')],
    ] as const)
      expect((await hand(leadId, dealer, phone, at)).status).toBe(201);
    // A dealer does not hand leads.
    expect(
      (
        await post('/leads', d1, {
          dealerId: D1,
          source: 'website',
          model: 'ID.4',
          customer: { name: 'X', phone: '13900000009' },
        })
      ).status,
    ).toBe(403);

    // L1: exactly 24 h after the handing is on time.
    const accepted = await step('l-1', 'accept', d1Consultant, { occurredAt: cst('03-03', '10:00') });
    expect(accepted.status).toBe(200);
    expect(
      (
        await step('l-1', 'contact', d1Consultant, {
          note: 'wants a test drive',
          occurredAt: cst('03-04', '09:00'),
        })
      ).status,
    ).toBe(200);
    // A consultant opens the file as its own owner only (the prospect registration's rule), and nothing is appended.
    const headBefore = await api.eventStore.headPosition();
    const others = await step('l-1', 'prospect', d1Consultant, {
      consultantId: 'sc-wang',
      grade: 'A',
      occurredAt: cst('03-04', '09:30'),
    });
    expect(others.status).toBe(403);
    expect(others.body.code).toBe('OWNER_FORBIDDEN');
    expect(await api.eventStore.headPosition()).toBe(headBefore);
    expect((await step('l-404', 'contact', d1, {})).status).toBe(404);
    const file = await step('l-1', 'prospect', d1Consultant, {
      consultantId: 'sc-li',
      grade: 'A',
      occurredAt: cst('03-04', '09:30'),
    });
    expect(file.status).toBe(200);
    expect(file.body.merged).toBe(false);
    // The prospect file holds the lead's customer (decrypted for the reader), channel, model.
    const prospect = await get(`/prospects/${String(file.body.prospectId)}`);
    expect(prospect.body).toMatchObject({
      dealerId: D1,
      consultantId: 'sc-li',
      channel: 'oem-lead',
      modelOfInterest: 'ID.4',
      contact: { customerId: 'cu-l-1', name: 'Customer l-1', phone: '13900000001' },
    });

    // L3: the contact first is refused with a clear 422, and taken once the acceptance is in.
    const early = await step('l-3', 'contact', d1, { occurredAt: cst('03-05', '11:00') });
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('LEAD_NOT_ACCEPTED');
    expect((await step('l-3', 'accept', d1, { occurredAt: cst('03-05', '10:30') })).status).toBe(200);
    expect((await step('l-3', 'contact', d1, { occurredAt: cst('03-05', '11:00') })).status).toBe(200);
    expect(
      (await step('l-3', 'lose', d1, { reason: 'price', occurredAt: cst('03-06', '09:00') })).status,
    ).toBe(200);

    // L6: the prospect file is D1's existing prospect with that phone (+86 and dashes ignored).
    expect((await step('l-6', 'accept', d1, { occurredAt: cst('03-06', '11:00') })).status).toBe(200);
    expect((await step('l-6', 'contact', d1, { occurredAt: cst('03-06', '12:00') })).status).toBe(200);
    const merged = await step('l-6', 'prospect', d1, {
      consultantId: 'sc-li',
      grade: 'H',
      occurredAt: cst('03-06', '12:30'),
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ prospectId: 'p-ex', merged: true });
    await settleSales(api);

    // Before any sweep: D1's open leads, soonest deadline first; all three past their deadline (clock 04-05).
    const worklist = await get(`/leads/worklist`, d1);
    expect(worklist.status).toBe(200);
    expect(
      worklist.body.leads.map((l: { leadId: string; next: string; deadline: string; overdue: boolean }) => [
        l.leadId,
        l.next,
        l.deadline,
        l.overdue,
      ]),
    ).toEqual([
      ['l-2', 'accept', utc('03-03', '11:00'), true],
      ['l-4', 'accept', utc('04-01', '20:00'), true],
      ['l-5', 'accept', utc('04-02', '00:30'), true],
    ]);
  });

  it('returns leads at the deadline that passed, refuses a later acceptance, and hands again', async () => {
    await sweep();
    await settleSales(api);
    const l2 = await get('/leads/l-2');
    expect(l2.body).toMatchObject({
      status: 'returned',
      returnReason: 'not-accepted',
      returnedAt: utc('03-03', '11:00'),
      nextDeadline: null,
    });

    const late = await step('l-2', 'accept', d1, { occurredAt: cst('03-03', '11:01') });
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('LEAD_CLOCK_RAN_OUT');

    expect(
      (
        await step('l-2', 'hand-again', oem, {
          dealerId: D2,
          note: 'nearer the customer',
          occurredAt: cst('03-03', '12:00'),
        })
      ).status,
    ).toBe(200);
    // Now D2's lead: D1 may neither accept nor read it.
    expect((await step('l-2', 'accept', d1, { occurredAt: cst('03-03', '10:00') })).status).toBe(403);
    expect((await get('/leads/l-2', d1)).status).toBe(403);
    expect((await step('l-2', 'accept', d2, { occurredAt: cst('03-03', '13:00') })).status).toBe(200);
  });

  it('a late acceptance dated in time withdraws the return, as in business-time order', async () => {
    const l4 = await step('l-4', 'accept', d1, { occurredAt: cst('04-01', '19:00') });
    expect(l4.status).toBe(200);
    expect(l4.body.events.map((e: { type: string }) => e.type)).toEqual([
      'LeadDecisionsWithdrawn',
      'LeadAccepted',
    ]);
    expect((await step('l-4', 'contact', d1, { occurredAt: cst('04-02', '10:00') })).status).toBe(200);
    await sweep(); // returns L2#2 (not contacted by 03-05 13:00); L4 is contacted, nothing due
    await settleSales(api);
    const read = await get('/leads/l-4');
    expect(read.body).toMatchObject({
      status: 'contacted',
      returnedAt: null,
      acceptedAt: utc('04-01', '19:00'),
    });
    expect(read.body.history.map((h: { type: string; withdrawn: boolean }) => [h.type, h.withdrawn])).toEqual(
      [
        ['LeadHanded', false],
        ['LeadReturned', true],
        ['LeadDecisionsWithdrawn', false],
        ['LeadAccepted', false],
        ['LeadContacted', false],
      ],
    );
    expect((await get('/leads/l-2')).body).toMatchObject({
      status: 'returned',
      handing: 2,
      dealerId: D2,
      returnReason: 'not-contacted',
      returnedAt: utc('03-05', '13:00'),
    });
  });

  it('converts the leads whose prospect ordered, and counts per dealer and CST month of handing', async () => {
    await order(String((await get('/leads/l-1')).body.prospectId), '03-10');
    await order('p-ex', '03-12');
    await settleSales(api);
    expect((await get('/leads/l-1')).body).toMatchObject({
      status: 'converted',
      orderedAt: utc('03-10', '10:00'),
    });
    expect((await get('/leads/l-6')).body).toMatchObject({ status: 'converted', prospectId: 'p-ex' });

    const march = await get('/leads/kpi?month=2026-03', oem);
    expect(march.status).toBe(200);
    // D1, March (CST): handed L1 L2 L3 L4 L6 = 5. Accepted on time L1 L3 L4 L6 = 4 → 4/5 = 0.8. Contacted on
    // time L1 L3 L4 L6 = 4 of 4 accepted → 1. Returned L2 = 1 (L4's was withdrawn). Converted L1 (03-10) and
    // L6 (03-12), both within 90 days → 2/5 = 0.4. Lost L3 for price = 1.
    // D2, March: L2's second handing: handed 1, accepted 1 → 1, contacted 0 of 1 → 0, returned 1, converted 0.
    expect(march.body).toEqual([
      {
        dealerId: D2,
        month: '2026-03',
        handed: 1,
        acceptedOnTime: 1,
        acceptedOnTimeRate: 1,
        contactedOnTime: 0,
        contactedOnTimeRate: 0,
        returned: 1,
        converted: 0,
        conversionRate: 0,
        lost: 0,
        lostByReason: [],
      },
      {
        dealerId: D1,
        month: '2026-03',
        handed: 5,
        acceptedOnTime: 4,
        acceptedOnTimeRate: 0.8,
        contactedOnTime: 4,
        contactedOnTimeRate: 1,
        returned: 1,
        converted: 2,
        conversionRate: 0.4,
        lost: 1,
        lostByReason: [{ reason: 'price', leads: 1 }],
      },
    ]);
    // D1, April: L5 only (04-01 00:30 CST), returned by the first sweep: handed 1, returned 1, rates 0 / null.
    const april = await get('/leads/kpi?month=2026-04', d1);
    expect(april.body).toEqual([
      {
        dealerId: D1,
        month: '2026-04',
        handed: 1,
        acceptedOnTime: 0,
        acceptedOnTimeRate: 0,
        contactedOnTime: 0,
        contactedOnTimeRate: null,
        returned: 1,
        converted: 0,
        conversionRate: 0,
        lost: 0,
        lostByReason: [],
      },
    ]);
    // A dealer manager sees only its own dealer.
    expect((await get(`/leads/kpi?month=2026-03&dealerId=${D2}`, d1)).status).toBe(403);
  });
  it('appends nothing for a retried handing or a refused prospect file, and refuses a step of an earlier handing', async () => {
    // February, apart from the figures above.
    const body = {
      leadId: 'l-7',
      dealerId: D1,
      source: 'campaign',
      campaignId: 'cmp-spring-2026',
      model: 'ID.3',
      customer: { name: 'Customer l-7', phone: '13900000007' },
      occurredAt: cst('02-02', '10:00'),
    };
    const key = { ...oem, 'idempotency-key': 'hand-l-7' };
    const first = await post('/leads', key, body);
    expect(first.status).toBe(201);
    const head = await api.eventStore.headPosition();
    const again = await post('/leads', key, body);
    expect(again.status).toBe(201);
    expect(again.body.replayed).toBe(true);
    expect(await api.eventStore.headPosition()).toBe(head);

    // Not contacted yet: no prospect is registered, nothing is appended.
    const refused = await step('l-7', 'prospect', d1, {
      consultantId: 'sc-li',
      grade: 'A',
      occurredAt: cst('02-02', '11:00'),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('LEAD_NOT_CONTACTED');
    expect(await api.eventStore.headPosition()).toBe(head);

    // Returned, handed again to the same dealer; a late acceptance dated for the first handing is refused.
    await sweep();
    expect(
      (await step('l-7', 'hand-again', oem, { dealerId: D1, occurredAt: cst('02-04', '09:00') })).status,
    ).toBe(200);
    const stale = await step('l-7', 'accept', d1, { occurredAt: cst('02-03', '09:00') });
    expect(stale.status).toBe(422);
    expect(stale.body.code).toBe('LEAD_HANDED_AGAIN');
    expect((await step('l-7', 'accept', d1, { occurredAt: cst('02-04', '10:00') })).status).toBe(200);
    await settleSales(api);
    // February, D1: two handings of L7; the first returned, the second accepted → accepted 1/2 = 0.5.
    const february = await get('/leads/kpi?month=2026-02', d1);
    expect(february.body).toMatchObject([
      { dealerId: D1, handed: 2, acceptedOnTime: 1, acceptedOnTimeRate: 0.5, returned: 1, converted: 0 },
    ]);
  });
});
