import { READ_STORE, type ReadStore } from '../../src/application/ports/read-store.port';
import { loyaltyMembersProjection } from '../../src/projections/loyalty-members/loyalty-members.projection';
import { physicalCollection } from '../../src/projections/shared/projection';
import { ClockWatcherRunner } from '../../src/infrastructure/watchers/clock-watcher-runner';
import { enrol } from '../support/loyalty-api';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

/**
 * Birthday reminders (会员提醒 "birthday", docs/care.md) at dealer d-sh-01. Times are CST (+08:00); 09:00
 * CST is 01:00 UTC of the same day. Every due time is worked out by hand:
 *
 * cu-b1 enrols 10 Jan 2026 10:00 and records its birthday 5 March on 1 Feb 2026. Its 2026 reminder:
 *   5 Mar 2026 − 7 days = 26 Feb 2026 (February 2026 has 28 days: 5 Mar → 26 Feb), 09:00 CST
 *   = 2026-02-26T01:00:00.000Z, task `birthday-cu-b1-2026`, counted in February 2026.
 * cu-b3 enrols 10 Jan 2026 10:00, birthday 3 March recorded 1 Feb: 3 Mar 2026 − 7 days = 24 Feb 2026,
 *   09:00 CST = 2026-02-24T01:00:00.000Z.
 * cu-b4 enrols 10 Jan 2026, birthday 20 March recorded 1 Feb, cancels 5 Mar 2026: its 2026 reminder would
 *   be due 13 Mar 2026 09:00 CST, after the cancellation: no task.
 * The service was down: the first sweep runs on 1 Mar 2026 10:00 CST, yet each note is dated at its due
 *   time. cu-b1 is worked (reached) on 1 Mar 11:00; cu-b3 is forgotten on 2 Mar 10:00 CST
 *   (2026-03-02T02:00:00.000Z), which closes its open task as cancelled from then.
 * February 2026 as of 1 Mar 12:00: reminders due 2 (cu-b1's and cu-b3's), completed 1, open 1: rate 0.5.
 * cu-b1 cancels on 1 Jun 2026; the sweep of 1 Mar 2027 (its 2027 reminder would be due 26 Feb 2027) opens
 *   no task for 2027.
 */
const cst = (date: string, time: string) => `${date}T${time}:00+08:00`;
const DEALER = 'd-sh-01';
const json = { 'content-type': 'application/json' };

describe('care member reminders: birthdays as care tasks', () => {
  const clock = testClock('2026-02-01T03:00:00.000Z');
  let api: TestApp;
  let desk: Record<string, string>;
  let manager: Record<string, string>;
  let analyst: Record<string, string>;

  const post = (url: string, payload: object, headers: Record<string, string>) =>
    api.request({ method: 'POST', url, headers: { ...json, ...headers }, payload });
  const get = (url: string, headers: Record<string, string> = {}) =>
    api.request({ method: 'GET', url, headers });
  const task = async (taskId: string) => (await get(`/care/tasks/${taskId}`, desk)).json();
  const sweep = () => api.app.get(ClockWatcherRunner).sweep('member birthday');
  const recordBirthday = (customerId: string, month: number, day: number, occurredAt: string) =>
    post(`/memberships/${customerId}/birthday`, { month, day, occurredAt }, manager);

  beforeAll(async () => {
    api = await startTestApp({ clock });
    desk = await api.as({ role: 'customer-service', dealerId: DEALER, userId: 'cs-wang' });
    manager = await api.as({ role: 'dealer-manager', dealerId: DEALER, userId: 'dm-zhou' });
    analyst = await api.as({ role: 'analyst', userId: 'an-1' });
    for (const customerId of ['cu-b1', 'cu-b3', 'cu-b4'])
      await enrol(api, customerId, cst('2026-01-10', '10:00'));
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('records the birthday, month and day; refuses a day the month never has, and a non-member', async () => {
    expect((await recordBirthday('cu-b1', 3, 5, cst('2026-02-01', '10:00'))).statusCode).toBe(200);
    expect((await recordBirthday('cu-b3', 3, 3, cst('2026-02-01', '10:00'))).statusCode).toBe(200);
    expect((await recordBirthday('cu-b4', 3, 20, cst('2026-02-01', '10:00'))).statusCode).toBe(200);
    const april31 = await recordBirthday('cu-b1', 4, 31, cst('2026-02-01', '10:30'));
    expect(april31.statusCode).toBe(422);
    expect(april31.json()).toMatchObject({ code: 'MEMBER_BIRTHDAY_NOT_A_DATE' });
    const month13 = await recordBirthday('cu-b1', 13, 1, cst('2026-02-01', '10:30'));
    expect(month13.statusCode).toBe(400);
    expect((await recordBirthday('cu-nobody', 3, 5, cst('2026-02-01', '10:30'))).statusCode).toBe(404);
    await api.settle();
  });

  it('keeps the birthday sealed in the read model; shows it only to the roles that see personal data', async () => {
    const stored = await api.app
      .get<ReadStore>(READ_STORE)
      .get<{ birthday: string }>(physicalCollection(loyaltyMembersProjection), 'cu-b1');
    expect(stored?.birthday).toMatch(/^pii:1:birthday:cu-b1:/);
    expect((await get('/memberships/cu-b1', manager)).json()).toMatchObject({ birthday: '03-05' });
    expect((await get('/memberships/cu-b1', analyst)).json()).toMatchObject({ birthday: null });
    // The answer shows personal data: each opening is in the access audit.
    await api.settle();
    const auditor = await api.as({ role: 'auditor', userId: 'au-1' });
    const audit = await get('/access-audit?customerId=cu-b1', auditor);
    expect(
      audit
        .json()
        .items.map((entry: { route: string; actorId: string }) => `${entry.route} ${entry.actorId}`),
    ).toEqual(['GET /memberships/:customerId an-1', 'GET /memberships/:customerId dm-zhou']);
  });

  it('a late sweep notes each reminder due, dated at its due time, and opens the task for the desk', async () => {
    clock.set(cst('2026-03-01', '10:00'));
    // cu-b1 (due 26 Feb) and cu-b3 (due 24 Feb); cu-b4's (13 Mar) is not due yet.
    expect(await sweep()).toMatchObject({ recorded: 2 });
    await api.settle();
    const [note] = (await api.eventStore.readStream('membership-cu-b1')).filter(
      (event) => event.type === 'MemberBirthdayReminderDue',
    );
    expect(note).toMatchObject({ occurredAt: '2026-02-26T01:00:00.000Z', data: { year: 2026 } });
    const response = await get('/care/tasks/birthday-cu-b1-2026', desk);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      kind: 'birthday',
      recordId: 'cu-b1-2026',
      dealerId: DEALER,
      customerId: 'cu-b1',
      role: 'customer-service',
      openedAt: '2026-02-26T01:00:00.000Z',
      dueAt: '2026-02-26T01:00:00.000Z',
      dueMonth: '2026-02',
      status: 'open',
      overdue: true,
    });
    expect(await task('birthday-cu-b3-2026')).toMatchObject({ dueAt: '2026-02-24T01:00:00.000Z' });
    // A second sweep notes nothing again.
    expect(await sweep()).toMatchObject({ recorded: 0 });
  });

  it('is worked like every reminder, and never on a list with the birthday', async () => {
    clock.set(cst('2026-03-01', '12:00'));
    const reached = await post(
      '/care/tasks/birthday-cu-b1-2026/attempts',
      { outcome: 'reached', occurredAt: cst('2026-03-01', '11:00') },
      desk,
    );
    expect(reached.statusCode).toBe(200);
    await api.settle();
    expect(await task('birthday-cu-b1-2026')).toMatchObject({
      status: 'completed',
      closedAt: '2026-03-01T03:00:00.000Z',
      callerId: 'cs-wang',
    });
    const list = await get(`/care/tasks?dealerId=${DEALER}&kind=birthday`, desk);
    expect(list.json().items.map((item: { taskId: string }) => item.taskId)).toEqual([
      'birthday-cu-b3-2026',
      'birthday-cu-b1-2026',
    ]);
    expect(list.body).not.toContain('03-05');
  });

  it('counts in reminders.byKind.birthday, never in the callback rate', async () => {
    const february = await get(`/care/callback-success?month=2026-02&dealerId=${DEALER}`, manager);
    expect(february.statusCode).toBe(200);
    const [row] = february.json().dealers;
    expect(row).toMatchObject({ dealerId: DEALER, due: 0, completed: 0, successRate: null });
    expect(row.reminders.byKind.birthday).toEqual({
      due: 2,
      completed: 1,
      booked: 0,
      notReached: 0,
      open: 1,
      successRate: 0.5,
    });
  });

  it('forgetting the customer closes the open task and erases the birthday', async () => {
    clock.set(cst('2026-03-02', '10:00'));
    const admin = await api.as({ role: 'admin', userId: 'ad-1' });
    const forgot = await post(
      '/customers/cu-b3/forget',
      { reason: 'erasure request', requestReference: 'DSR-19' },
      admin,
    );
    expect(forgot.statusCode).toBe(200);
    await api.settle();
    expect(await task('birthday-cu-b3-2026')).toMatchObject({
      status: 'cancelled',
      closedAt: '2026-03-02T02:00:00.000Z',
      supersededAt: '2026-03-02T02:00:00.000Z',
    });
    expect((await get('/memberships/cu-b3', manager)).json()).toMatchObject({ birthday: '[erased]' });
    // A call at the forgetting's own instant is refused: nothing more goes to a forgotten customer.
    const late = await post(
      '/care/tasks/birthday-cu-b3-2026/attempts',
      { outcome: 'reached', occurredAt: cst('2026-03-02', '10:00') },
      desk,
    );
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'CARE_TASK_CLOSED' });
  });

  it('a cancellation before the due time leaves no task', async () => {
    clock.set(cst('2026-03-05', '10:00'));
    const cancel = await post(
      '/memberships/cu-b4/cancel',
      { reason: 'moved away', occurredAt: cst('2026-03-05', '10:00') },
      manager,
    );
    expect(cancel.statusCode).toBe(200);
    clock.set(cst('2026-03-20', '10:00'));
    expect(await sweep()).toMatchObject({ recorded: 0 });
    await api.settle();
    expect((await get('/care/tasks/birthday-cu-b4-2026', desk)).statusCode).toBe(404);
  });

  it('a cancelled member gets no task the next year', async () => {
    clock.set(cst('2026-06-01', '10:00'));
    const cancel = await post(
      '/memberships/cu-b1/cancel',
      { reason: 'sold the car', occurredAt: cst('2026-06-01', '10:00') },
      manager,
    );
    expect(cancel.statusCode).toBe(200);
    await api.settle();
    clock.set(cst('2027-03-01', '10:00'));
    expect(await sweep()).toMatchObject({ recorded: 0 });
    await api.settle();
    expect((await get('/care/tasks/birthday-cu-b1-2027', desk)).statusCode).toBe(404);
    // Its 2026 task was due before the cancellation: it stays completed.
    expect(await task('birthday-cu-b1-2026')).toMatchObject({ status: 'completed' });
  });
});
