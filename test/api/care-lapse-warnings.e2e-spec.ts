import { ClockWatcherRunner } from '../../src/infrastructure/watchers/clock-watcher-runner';
import { enrol, settleLoyalty, settleRepairOrder } from '../support/loyalty-api';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

/**
 * Issue 19 §4, lapse warnings as care tasks, at dealer d-sh-01 (DEFAULT_LOYALTY_RULES: a membership lapses
 * 18 calendar months after its last paid visit, or its enrolment before the first). Times are CST (+08:00);
 * read on 20 Aug 2027 10:00 CST. Every figure is worked out by hand:
 *
 * cu-v1 enrols 5 Jan 2026 10:00 (02:00 UTC): its clock lapses 5 Jul 2027 10:00 → `lapsewarning-cu-v1-20270705`,
 *   opened 5 Jan 2026, due 30 days before the lapse: 5 Jul → 5 Jun is 30 days (June has 30), so 5 Jun 2027
 *   10:00 CST (02:00 UTC).
 *   ro-w1 (V1, paid 300 + 200 RMB) settled 10 Feb 2026 10:00, before that due date: the paid visit restarts
 *   the clock. It supersedes the 20270705 warning from 10 Feb 2026 (cancelled, not due; a call dated after
 *   it is refused) and opens `lapsewarning-cu-v1-20270810`: lapse 10 Feb 2026 + 18 months = 10 Aug 2027
 *   10:00; due 10 Aug − 30 days: 10 Aug → 10 Jul is 31 days (July has 31), so 11 Jul 2027 10:00 CST.
 *   No paid visit after: the sweep records the lapse of 10 Aug 2027; the warning is not superseded by it
 *   (that is what it warned of) and stays open, overdue.
 * cu-v2 enrols 1 Feb 2026 10:00: lapses 1 Aug 2027 10:00 → `lapsewarning-cu-v2-20270801`, due 1 Aug − 30
 *   days: 1 Aug → 1 Jul is 31 days, so 2 Jul 2027 10:00 CST. Worked as reached on 3 Jul 2027 → completed;
 *   the lapse of 1 Aug (recorded by the same sweep) leaves it completed.
 * Reminders due in July 2027 as of 20 Aug: cu-v2-20270801 (2 Jul, completed) and cu-v1-20270810 (11 Jul,
 * open): due 2, completed 1, open 1, rate 1 ÷ 2 = 0.5. June 2027: the 20270705 warning (due 5 Jun) was
 * superseded: nothing of the dealer's is due, it has no row. No callback falls due in either month (ro-w1's 3-day call is of Feb 2026).
 */
const cst = (date: string, time: string) => `${date}T${time}:00+08:00`;
const DEALER = 'd-sh-01';
const json = { 'content-type': 'application/json' };
const PAID = { roType: 'paid-maintenance', payer: 'customer' };

describe('care member reminders: lapse warnings as care tasks', () => {
  const clock = testClock('2027-08-20T02:00:00.000Z');
  let api: TestApp;
  let desk: Record<string, string>;
  let manager: Record<string, string>;

  const post = (url: string, payload: object, headers: Record<string, string>) =>
    api.request({ method: 'POST', url, headers: { ...json, ...headers }, payload });
  const get = (url: string, headers: Record<string, string> = {}) =>
    api.request({ method: 'GET', url, headers });
  const task = async (taskId: string) => (await get(`/care/tasks/${taskId}`, desk)).json();

  beforeAll(async () => {
    api = await startTestApp({ clock });
    desk = await api.as({ role: 'customer-service', dealerId: DEALER, userId: 'cs-wang' });
    manager = await api.as({ role: 'dealer-manager', dealerId: DEALER, userId: 'dm-zhou' });
    await enrol(api, 'cu-v1', cst('2026-01-05', '10:00'));
    await enrol(api, 'cu-v2', cst('2026-02-01', '10:00'));
    await api.settle();
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('enrolment opens the warning of its lapse clock, due 30 days before the lapse', async () => {
    const response = await get('/care/tasks/lapsewarning-cu-v1-20270705', desk);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      kind: 'lapsewarning',
      recordId: 'cu-v1-20270705',
      dealerId: DEALER,
      customerId: 'cu-v1',
      role: 'customer-service',
      openedAt: '2026-01-05T02:00:00.000Z',
      dueAt: '2027-06-05T02:00:00.000Z',
      dueMonth: '2027-06',
      status: 'open',
      overdue: true,
      supersededAt: null,
    });
    expect(await task('lapsewarning-cu-v2-20270801')).toMatchObject({
      openedAt: '2026-02-01T02:00:00.000Z',
      dueAt: '2027-07-02T02:00:00.000Z',
    });
    expect((await get('/care/tasks/lapsewarning-cu-v1-20270706', desk)).statusCode).toBe(404);
  });

  it('a paid visit before the due date supersedes it and opens the warning of the new lapse', async () => {
    await settleRepairOrder(api, 'ro-w1', 'V1', cst('2026-02-10', '10:00'), {
      ...PAID,
      labourFen: 30_000,
      partsFen: 20_000,
    });
    await settleLoyalty(api);
    expect(await task('lapsewarning-cu-v1-20270705')).toMatchObject({
      status: 'cancelled',
      supersededAt: '2026-02-10T02:00:00.000Z',
      closedAt: '2026-02-10T02:00:00.000Z',
      overdue: false,
    });
    expect(await task('lapsewarning-cu-v1-20270810')).toMatchObject({
      openedAt: '2026-02-10T02:00:00.000Z',
      dueAt: '2027-07-11T02:00:00.000Z',
      status: 'open',
      supersededAt: null,
    });
    const list = await get(`/care/tasks?dealerId=${DEALER}&kind=lapsewarning`, desk);
    expect(list.json().items.map((one: { taskId: string }) => one.taskId)).toEqual([
      'lapsewarning-cu-v1-20270705',
      'lapsewarning-cu-v2-20270801',
      'lapsewarning-cu-v1-20270810',
    ]);
  });

  it('refuses a call on the superseded warning dated after the supersession (422 CARE_TASK_CLOSED)', async () => {
    const late = await post(
      '/care/tasks/lapsewarning-cu-v1-20270705/attempts',
      { outcome: 'reached', occurredAt: cst('2026-03-01', '10:00') },
      desk,
    );
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'CARE_TASK_CLOSED' });
  });

  it('the lapse leaves its warning due: completed only if it was worked', async () => {
    const reached = await post(
      '/care/tasks/lapsewarning-cu-v2-20270801/attempts',
      { outcome: 'reached', occurredAt: cst('2027-07-03', '10:00') },
      desk,
    );
    expect(reached.statusCode).toBe(200);
    const sweep = await api.app.get(ClockWatcherRunner).sweep('loyalty expiry');
    expect(sweep).toMatchObject({ recorded: 2 });
    await api.settle();
    expect((await get('/memberships/cu-v1', manager)).json()).toMatchObject({ status: 'lapsed' });
    expect((await get('/memberships/cu-v2', manager)).json()).toMatchObject({ status: 'lapsed' });
    expect(await task('lapsewarning-cu-v1-20270810')).toMatchObject({
      status: 'open',
      overdue: true,
      supersededAt: null,
    });
    expect(await task('lapsewarning-cu-v2-20270801')).toMatchObject({
      status: 'completed',
      closedAt: '2027-07-03T02:00:00.000Z',
      callerId: 'cs-wang',
      supersededAt: null,
    });
  });

  it('reports them in the reminders block by kind, never in the callback rate', async () => {
    const july = await get(`/care/callback-success?month=2027-07&dealerId=${DEALER}`, manager);
    expect(july.statusCode).toBe(200);
    const [row] = july.json().dealers;
    expect(row).toMatchObject({ dealerId: DEALER, due: 0, completed: 0, successRate: null });
    expect(row.reminders).toMatchObject({ due: 2, completed: 1, open: 1, successRate: 0.5 });
    expect(row.reminders.byKind.lapsewarning).toEqual({
      due: 2,
      completed: 1,
      booked: 0,
      notReached: 0,
      open: 1,
      successRate: 0.5,
    });
    const june = await get(`/care/callback-success?month=2027-06&dealerId=${DEALER}`, manager);
    // The only warning due in June was superseded: nothing of the dealer's is due that month, no row.
    expect(june.json().dealers).toEqual([]);
  });
});
