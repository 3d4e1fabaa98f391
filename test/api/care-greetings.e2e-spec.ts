import { ClockWatcherRunner } from '../../src/infrastructure/watchers/clock-watcher-runner';
import { enrol } from '../support/loyalty-api';
import { command } from '../support/service-history';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

/**
 * Holiday greetings (节日问候, issue 19 §1) at dealer d-sh-01; times are CST (+08:00). Every figure is
 * worked out by hand from the scenario:
 *
 * Greeting gr-spring: spring festival 2027, SMS to the dealer's customers, sent on 6 Feb 2027 at 10:00 CST
 * (02:00 UTC), scheduled on 20 Jan 2027. Customers (a repair order of theirs checked in at d-sh-01):
 *   cu-a (checked in 1 May 2026), no consent statement           → queued
 *   cu-b (1 Jun 2026), opted out of SMS on 10 Jan 2027           → opted out
 *   cu-c (1 Jul 2026), opted out on 6 Feb 2027 11:00, after it   → queued (consent as of the send instant)
 *   cu-d (1 Aug 2026), forgotten                                 → withheld
 *   cu-e checked in on 6 Feb 2027 11:00, after the send instant   → not in the audience
 *   cu-f is d-bj-02's customer; cu-g only a member of the club    → not in the audience
 * audience 4 (a, b, c, d); queued 2 (a, c); opted out 1 (b); withheld 1 (d).
 * Arrival order: half the facts (cu-c's check-in, cu-b's opt-out, cu-d's forgetting) are sent after the
 * greeting is scheduled; gr-spring-late, the same greeting scheduled after every fact, has the same messages.
 * Greeting gr-club: WeChat to the club's members: cu-g (enrolled 1 May 2026 at d-sh-01) → audience 1, queued 1.
 */
const json = { 'content-type': 'application/json' };
const cst = (date: string, time: string) => `${date}T${time}:00+08:00`;
const DEALER = 'd-sh-01';
const SEND_AT = '2027-02-06T02:00:00.000Z';

describe('holiday greetings: scheduled, expanded per customer, reported', () => {
  const clock = testClock('2027-02-10T02:00:00.000Z');
  let api: TestApp;
  let manager: Record<string, string>;
  let desk: Record<string, string>;
  let otherManager: Record<string, string>;

  const post = (url: string, payload: object, headers: Record<string, string>) =>
    api.request({ method: 'POST', url, headers: { ...json, ...headers }, payload });
  const get = (url: string, headers: Record<string, string>) => api.request({ method: 'GET', url, headers });
  let vins = 0;
  const checkIn = (customerId: string, at: string, dealerId = DEALER) => {
    vins += 1;
    return command(api, '/repair-orders', {
      repairOrderId: `ro-${customerId}`,
      dealerId,
      vin: `LSVAB4BR5MN0001${String(vins).padStart(2, '0')}`,
      plate: `沪B000${String(vins).padStart(2, '0')}`,
      customerId,
      mileageKm: 10_000,
      customerDescription: 'annual service',
      serviceAdvisorId: 'u-sa-3',
      occurredAt: at,
    });
  };
  const optOut = (customerId: string, at: string) =>
    post(
      `/care/consents/${customerId}`,
      { dealerId: DEALER, channel: 'sms', optedIn: false, occurredAt: at },
      desk,
    );
  const spring = (greetingId: string, occurredAt = cst('2027-01-20', '10:00'), headers = manager) =>
    post(
      '/care/greetings',
      {
        greetingId,
        dealerId: DEALER,
        holiday: 'spring-festival-2027',
        sendOn: '2027-02-06',
        channel: 'sms',
        templateId: 'spring-festival-1',
        audience: 'customers',
        occurredAt,
      },
      headers,
    );

  beforeAll(async () => {
    api = await startTestApp({ clock });
    manager = await api.as({ role: 'dealer-manager', dealerId: DEALER, userId: 'dm-zhou' });
    desk = await api.as({ role: 'customer-service', dealerId: DEALER, userId: 'cs-wang' });
    otherManager = await api.as({ role: 'dealer-manager', dealerId: 'd-bj-02', userId: 'dm-bj' });
    await checkIn('cu-a', cst('2026-05-01', '09:00'));
    await checkIn('cu-b', cst('2026-06-01', '09:00'));
    await checkIn('cu-d', cst('2026-08-01', '09:00'));
    await checkIn('cu-e', cst('2027-02-06', '11:00'));
    await checkIn('cu-f', cst('2026-05-01', '09:00'), 'd-bj-02');
    await enrol(api, 'cu-g', cst('2026-05-01', '10:00'));
    expect((await optOut('cu-c', cst('2027-02-06', '11:00'))).statusCode).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('schedules a greeting, idempotent by id, and refuses a past or conflicting one', async () => {
    const scheduled = await spring('gr-spring');
    expect(scheduled.statusCode).toBe(201);
    expect(scheduled.headers.location).toBe('/care/greetings/gr-spring');
    // The same greeting again: nothing new.
    expect((await spring('gr-spring')).statusCode).toBeLessThan(300);
    const other = await post(
      '/care/greetings',
      {
        greetingId: 'gr-spring',
        dealerId: DEALER,
        holiday: 'spring-festival-2027',
        sendOn: '2027-02-07',
        channel: 'sms',
        templateId: 'spring-festival-1',
        audience: 'customers',
        occurredAt: cst('2027-01-20', '10:00'),
      },
      manager,
    );
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'CARE_GREETING_ALREADY_SCHEDULED' });
    // 6 Feb 10:00 CST is past on 6 Feb 10:30.
    const past = await spring('gr-past', cst('2027-02-06', '10:30'));
    expect(past.statusCode).toBe(422);
    expect(past.json()).toMatchObject({ code: 'CARE_GREETING_SEND_DAY_PAST' });
    const bad = await post('/care/greetings', { dealerId: DEALER, sendOn: '2027-02-30' }, manager);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('sendOn');
    // The desk does not schedule greetings; another dealer's manager not for this dealer.
    expect((await spring('gr-desk', cst('2027-01-20', '10:00'), desk)).statusCode).toBe(403);
    const foreign = await post(
      '/care/greetings',
      {
        greetingId: 'gr-foreign',
        dealerId: DEALER,
        holiday: 'x',
        sendOn: '2027-02-06',
        channel: 'sms',
        templateId: 't',
        audience: 'customers',
        occurredAt: cst('2027-01-20', '10:00'),
      },
      otherManager,
    );
    expect(foreign.statusCode).toBe(403);
  });

  it('takes facts that arrive after the greeting was scheduled, in business time', async () => {
    await checkIn('cu-c', cst('2026-07-01', '09:00'));
    expect((await optOut('cu-b', cst('2027-01-10', '10:00'))).statusCode).toBe(200);
    const admin = await api.as({ role: 'admin', userId: 'ad-1' });
    const forgot = await post(
      '/customers/cu-d/forget',
      { reason: 'erasure request', requestReference: 'DSR-20' },
      admin,
    );
    expect(forgot.statusCode).toBe(200);
    expect((await spring('gr-spring-late', cst('2027-01-25', '10:00'))).statusCode).toBe(201);
    await api.settle();
  });

  it('reports audience 4: queued 2, opted out 1, withheld 1, whatever the arrival order', async () => {
    const report = await get('/care/greetings/gr-spring', desk);
    expect(report.statusCode).toBe(200);
    const message = (customerId: string, status: string, reason: string | null) => ({
      messageId: `greeting-gr-spring-${customerId}`,
      customerId,
      sendAt: SEND_AT,
      status,
      reason,
    });
    expect(report.json()).toEqual({
      greetingId: 'gr-spring',
      dealerId: DEALER,
      holiday: 'spring-festival-2027',
      sendOn: '2027-02-06',
      sendAt: SEND_AT,
      channel: 'sms',
      templateId: 'spring-festival-1',
      audience: 'customers',
      status: 'scheduled',
      cancelledAt: null,
      audienceSize: 4,
      queued: 2,
      optedOut: 1,
      withheld: 1,
      messages: [
        message('cu-a', 'queued', null),
        message('cu-b', 'opted-out', 'opted-out'),
        message('cu-c', 'queued', null),
        message('cu-d', 'withheld', 'customer-forgotten'),
      ],
    });
    // Scheduled after every fact: the same messages, under its own ids.
    const late = (await get('/care/greetings/gr-spring-late', desk)).json();
    const strip = (messages: { customerId: string; status: string }[]) =>
      messages.map(({ customerId, status }) => [customerId, status]);
    expect(strip(late.messages)).toEqual(strip(report.json().messages));
    expect(late).toMatchObject({ audienceSize: 4, queued: 2, optedOut: 1, withheld: 1 });
    // Another dealer's users do not see it; an unknown greeting is a 404.
    expect((await get('/care/greetings/gr-spring', otherManager)).statusCode).toBe(403);
    const unknown = await get('/care/greetings/gr-none', desk);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'CARE_GREETING_NOT_FOUND' });
  });

  const springLines = async () => {
    const outbox = await get(`/care/outbox?dealerId=${DEALER}&limit=100`, desk);
    expect(outbox.statusCode).toBe(200);
    const items = outbox.json().items as { taskId: string; messageId: string; status: string }[];
    return {
      total: outbox.json().total as number,
      lines: items
        .filter((m) => m.taskId === 'greeting-gr-spring')
        .sort((a, b) => a.messageId.localeCompare(b.messageId)),
    };
  };
  const line = (customerId: string, status: string, reason: string | null) => ({
    messageId: `greeting-gr-spring-${customerId}`,
    dealerId: DEALER,
    taskId: 'greeting-gr-spring',
    recipient: { customerId, channel: 'sms' },
    templateId: 'spring-festival-1',
    queuedAt: SEND_AT,
    sendAt: SEND_AT,
    status,
    reason,
  });

  it('hands the greeting to the outbox at its send instant: 2 pending, 2 withheld', async () => {
    // The clock reads 10 Feb 2027: gr-spring and gr-spring-late (6 Feb) are due, gr-club (15 Sep) is not.
    await api.app.get(ClockWatcherRunner).sweep('greeting send');
    await api.settle();
    const { total, lines } = await springLines();
    expect(lines).toEqual([
      line('cu-a', 'pending', null),
      line('cu-b', 'withheld', 'opted-out'),
      line('cu-c', 'pending', null),
      line('cu-d', 'withheld', 'customer-forgotten'),
    ]);
    // gr-spring-late's are the same four customers: 8 lines in all.
    expect(total).toBe(8);
    expect((await get('/care/greetings/gr-spring', desk)).json()).toMatchObject({
      status: 'sent',
      queued: 2,
    });
    // A second sweep sends nothing again.
    await api.app.get(ClockWatcherRunner).sweep('greeting send');
    await api.settle();
    expect((await springLines()).total).toBe(8);
  });

  it('takes facts synced after the send that are dated before it: the outbox ends as the report', async () => {
    // cu-h's repair order of 5 Jan 2027 and cu-a's SMS opt-out of 1 Feb 2027 arrive on 10 Feb.
    // gr-spring: audience 5 (a, b, c, d, h); queued 2 (c, h); opted out 2 (a, b); withheld 1 (d).
    await checkIn('cu-h', cst('2027-01-05', '09:00'));
    expect((await optOut('cu-a', cst('2027-02-01', '10:00'))).statusCode).toBe(200);
    await api.settle();
    const { total, lines } = await springLines();
    expect(lines).toEqual([
      line('cu-a', 'withheld', 'opted-out'),
      line('cu-b', 'withheld', 'opted-out'),
      line('cu-c', 'pending', null),
      line('cu-d', 'withheld', 'customer-forgotten'),
      line('cu-h', 'pending', null),
    ]);
    expect(total).toBe(10);
    const report = (await get('/care/greetings/gr-spring', desk)).json();
    expect(report).toMatchObject({ audienceSize: 5, queued: 2, optedOut: 2, withheld: 1 });
    // One outbox line per message of the report, pending exactly when queued.
    expect(lines.map((m) => m.status)).toEqual(
      (report.messages as { status: string }[]).map((m) => (m.status === 'queued' ? 'pending' : 'withheld')),
    );
  });

  it("greets the club's members", async () => {
    const club = await post(
      '/care/greetings',
      {
        greetingId: 'gr-club',
        dealerId: DEALER,
        holiday: 'mid-autumn-2027',
        sendOn: '2027-09-15',
        channel: 'wechat',
        templateId: 'mid-autumn-1',
        audience: 'members',
        occurredAt: cst('2027-02-01', '10:00'),
      },
      manager,
    );
    expect(club.statusCode).toBe(201);
    expect((await get('/care/greetings/gr-club', desk)).json()).toMatchObject({
      sendAt: '2027-09-15T02:00:00.000Z',
      audienceSize: 1,
      queued: 1,
      optedOut: 0,
      withheld: 0,
      messages: [{ customerId: 'cu-g', status: 'queued' }],
    });
  });

  it('cancels before the send instant, not after, and a cancelled greeting sends nothing', async () => {
    const late = await post(
      '/care/greetings/gr-spring-late/cancellation',
      { reason: 'too late', occurredAt: cst('2027-02-06', '10:00') },
      manager,
    );
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'CARE_GREETING_ALREADY_SENT' });
    const cancel = () =>
      post(
        '/care/greetings/gr-club/cancellation',
        { reason: 'Wrong template chosen', occurredAt: cst('2027-02-02', '10:00') },
        manager,
      );
    expect((await cancel()).statusCode).toBe(200);
    const again = await cancel();
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CARE_GREETING_CANCELLED' });
    // Cancelled: its audience is still 1, but no message goes out.
    expect((await get('/care/greetings/gr-club', desk)).json()).toMatchObject({
      status: 'cancelled',
      cancelledAt: '2027-02-02T02:00:00.000Z',
      audienceSize: 1,
      queued: 0,
      messages: [],
    });
  });
});
