import { accepted, enrol, settleLoyalty, settleRepairOrder } from '../support/loyalty-api';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

/**
 * Issue 19 §4, member reminders as care tasks: points about to expire, at dealer d-sh-01. Times are CST
 * (+08:00); read on 10 April 2026 10:00 CST. Every figure is worked out by hand from the scenario:
 *
 * cu-v1 enrols on 1 Mar 2024 10:00 (home dealer d-sh-01).
 *   adj-1: 500 points by hand on 15 Apr 2024 10:00 → a lot expiring 24 months later, 15 Apr 2026 10:00 CST
 *     (02:00 UTC): the April 2026 task `pointsexpiry-cu-v1-202604`, due 30 days before: 15 Apr − 30 days
 *     = 16 Mar 2026 10:00 CST (March has 31 days), 02:00 UTC; opened at the credit.
 *   adj-2: 300 points on 20 May 2024 10:00 → expiring 20 May 2026: `pointsexpiry-cu-v1-202605`, due
 *     20 May − 30 days = 20 Apr 2026 10:00 CST (April has 30 days).
 *   ro-p1 (V1, paid, 100 + 80 RMB) settled 1 Jun 2025 12:00 → 180 points (silver, 1 a RMB), expiring
 *     1 Jun 2027 12:00 CST: `pointsexpiry-cu-v1-202706`, due 1 Jun − 30 days = 2 May 2027 12:00 CST.
 *   The 202604 task is worked as reached on 20 Mar 2026 10:00 → completed.
 *   A redemption of 800 points dated 5 Apr 2026 10:00 (synced on the 10th): soonest-expiring first, 500 of
 *     adj-1 and 300 of adj-2 → May 2026 has none left: its task is superseded from 5 Apr (cancelled, not
 *     due, a call dated after it refused); April's was completed before and stays so; June 2027's 180 stay.
 * March 2026 reminders as of 10 Apr: the 202604 task is the only one due (16 Mar), completed: 1 ÷ 1 = 1.
 * No callback is due in March 2026 (ro-p1's 3-day call is of June 2025): callbacks due 0, rate null.
 */
const cst = (date: string, time: string) => `${date}T${time}:00+08:00`;
const DEALER = 'd-sh-01';
const json = { 'content-type': 'application/json' };

describe('care member reminders: points about to expire as care tasks', () => {
  const clock = testClock('2026-04-10T02:00:00.000Z');
  let api: TestApp;
  let desk: Record<string, string>;
  let manager: Record<string, string>;

  const post = (url: string, payload: object, headers: Record<string, string>) =>
    api.request({ method: 'POST', url, headers: { ...json, ...headers }, payload });
  const get = (url: string, headers: Record<string, string> = {}) =>
    api.request({ method: 'GET', url, headers });
  const credit = (adjustmentId: string, delta: number, occurredAt: string) =>
    accepted(api, '/memberships/cu-v1/adjustments', { adjustmentId, delta, reason: 'welcome', occurredAt });

  beforeAll(async () => {
    api = await startTestApp({ clock });
    desk = await api.as({ role: 'customer-service', dealerId: DEALER, userId: 'cs-wang' });
    manager = await api.as({ role: 'dealer-manager', dealerId: DEALER, userId: 'dm-zhou' });
    await enrol(api, 'cu-v1', cst('2024-03-01', '10:00'));
    await credit('adj-1', 500, cst('2024-04-15', '10:00'));
    await credit('adj-2', 300, cst('2024-05-20', '10:00'));
    await settleRepairOrder(api, 'ro-p1', 'V1', cst('2025-06-01', '12:00'), {
      roType: 'paid-maintenance',
      payer: 'customer',
      labourFen: 10_000,
      partsFen: 8_000,
    });
    await settleLoyalty(api);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('makes one task per CST month of expiry, due 30 days before, for the home dealer', async () => {
    const april = await get('/care/tasks/pointsexpiry-cu-v1-202604', desk);
    expect(april.statusCode).toBe(200);
    expect(april.json()).toMatchObject({
      kind: 'pointsexpiry',
      recordId: 'cu-v1-202604',
      dealerId: DEALER,
      customerId: 'cu-v1',
      role: 'customer-service',
      openedAt: '2024-04-15T02:00:00.000Z',
      dueAt: '2026-03-16T02:00:00.000Z',
      dueMonth: '2026-03',
      status: 'open',
      overdue: true,
      supersededAt: null,
    });
    expect((await get('/care/tasks/pointsexpiry-cu-v1-202605', desk)).json()).toMatchObject({
      dueAt: '2026-04-20T02:00:00.000Z',
      status: 'open',
    });
    expect((await get('/care/tasks/pointsexpiry-cu-v1-202706', desk)).json()).toMatchObject({
      openedAt: '2025-06-01T04:00:00.000Z',
      dueAt: '2027-05-02T04:00:00.000Z',
    });
    const list = await get(`/care/tasks?dealerId=${DEALER}&kind=pointsexpiry`, desk);
    expect(list.json().items.map((task: { taskId: string }) => task.taskId)).toEqual([
      'pointsexpiry-cu-v1-202604',
      'pointsexpiry-cu-v1-202605',
      'pointsexpiry-cu-v1-202706',
    ]);
    expect((await get('/care/tasks/pointsexpiry-cu-v1-202607', desk)).statusCode).toBe(404);
  });

  it('works a reminder as reached; an unknown month is a 404 for a command too', async () => {
    const reached = await post(
      '/care/tasks/pointsexpiry-cu-v1-202604/attempts',
      { outcome: 'reached', occurredAt: cst('2026-03-20', '10:00') },
      desk,
    );
    expect(reached.statusCode).toBe(200);
    const none = await post(
      '/care/tasks/pointsexpiry-cu-v1-202607/attempts',
      { outcome: 'reached', occurredAt: cst('2026-03-20', '10:00') },
      desk,
    );
    expect(none.statusCode).toBe(404);
    await api.settle();
    expect((await get('/care/tasks/pointsexpiry-cu-v1-202604', desk)).json()).toMatchObject({
      status: 'completed',
      closedAt: '2026-03-20T02:00:00.000Z',
      callerId: 'cs-wang',
    });
  });

  it('a late-synced redemption that leaves none of a month supersedes its task', async () => {
    await accepted(api, '/memberships/cu-v1/redemptions', {
      redemptionId: 'rd-1',
      points: 800,
      gift: 'Brand umbrella',
      occurredAt: cst('2026-04-05', '10:00'),
    });
    await api.settle();
    expect((await get('/care/tasks/pointsexpiry-cu-v1-202605', desk)).json()).toMatchObject({
      status: 'cancelled',
      supersededAt: '2026-04-05T02:00:00.000Z',
      closedAt: '2026-04-05T02:00:00.000Z',
    });
    expect((await get('/care/tasks/pointsexpiry-cu-v1-202604', desk)).json()).toMatchObject({
      status: 'completed',
    });
    expect((await get('/care/tasks/pointsexpiry-cu-v1-202706', desk)).json()).toMatchObject({
      status: 'open',
    });
    const late = await post(
      '/care/tasks/pointsexpiry-cu-v1-202605/attempts',
      { outcome: 'reached', occurredAt: cst('2026-04-06', '10:00') },
      desk,
    );
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'CARE_TASK_CLOSED' });
  });

  it('reports them in the reminders block, never in the callback rate', async () => {
    const report = await get(`/care/callback-success?month=2026-03&dealerId=${DEALER}`, manager);
    expect(report.statusCode).toBe(200);
    const [row] = report.json().dealers;
    expect(row).toMatchObject({ dealerId: DEALER, due: 0, completed: 0, successRate: null });
    expect(row.reminders).toMatchObject({ due: 1, completed: 1, successRate: 1 });
    expect(row.reminders.byKind.pointsexpiry).toEqual({
      due: 1,
      completed: 1,
      booked: 0,
      notReached: 0,
      open: 0,
      successRate: 1,
    });
  });
});
