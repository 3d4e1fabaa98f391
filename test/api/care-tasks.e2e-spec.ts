import { saleIdOf } from '../../src/application/sales/order-prospect.handler';
import { prospectBody, salesApi, settleSales } from '../support/sales-api';
import { runRepairOrder } from '../support/service-history';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

/**
 * Issue 19 §2, callback tasks and their success rate, at dealer d-sh-01; times are CST (+08:00). Every
 * figure is worked out by hand from the scenario below; reports are read on 10 April 2026.
 *
 * Deliveries (the 7-day call is due 7 days after the delivery, the 3-month call 3 calendar months after):
 *   A  delivered 2 Mar 10:00 → due 9 Mar 10:00. Not reached on the sale's callback route 9 Mar 11:00
 *      (cs-wang), not reached on the task 10 Mar, booked 11 Mar → completed; caller cs-wang (first attempt).
 *   B  delivered 20 Mar 10:00 → due 27 Mar 10:00. Assigned to cs-li 21 Mar; not reached 27, 28, 29 Mar
 *      (sent in the order 29, 27, 28: business time decides) → closed as not reached on 29 Mar; a fourth
 *      attempt on 30 Mar is refused. Caller cs-li.
 *   C  delivered 28 Mar 10:00 → due 4 Apr: an April task, not in March's figures.
 *   D  delivered 5 Mar 10:00 → due 12 Mar; cancelled 6 Mar by the manager → not due.
 *   E  delivered 10 Mar 10:00 → due 17 Mar; nobody called → open (overdue); no caller.
 * Repair order ro-c1 settled 3 Mar 12:00 → its 3-day call due 6 Mar 12:00; the CSI survey the callback
 * brought on 5 Mar (recorded by the service advisor sa-chen) completes it; caller sa-chen.
 *
 * March, as of 10 April: due = A, B, E, ro-c1 = 4 (D cancelled, C in April); completed = A, ro-c1 = 2;
 * not reached = B = 1; open = E = 1; success = 2 ÷ 4 = 0.5.
 *   delivery: due 3 (A B E), completed 1, not reached 1, open 1, 1 ÷ 3 = 0.3333; service: 1 of 1 = 1.
 *   callers: cs-li B → 0 of 1 = 0; cs-wang A → 1 of 1 = 1; sa-chen ro-c1 → 1 of 1 = 1; none: E → 0 of 1 = 0.
 * March as of 10 March 00:00 CST: only A (due 9 Mar) and ro-c1 (due 6 Mar) are due by then; A was not
 * reached once (open), ro-c1 completed 5 Mar → due 2, completed 1, open 1, 0.5.
 */
const json = { 'content-type': 'application/json' };
const cst = (date: string, time: string) => `2026-${date}T${time}:00+08:00`;
const DEALER = 'd-sh-01';

describe('care tasks: callbacks and their success rate', () => {
  const clock = testClock('2026-04-10T02:00:00.000Z');
  let api: TestApp;
  let desk: Record<string, string>;
  let deskLi: Record<string, string>;
  let manager: Record<string, string>;
  let advisor: Record<string, string>;
  const sale = (prospect: string) => saleIdOf(prospect);

  const post = (url: string, payload: object, headers: Record<string, string>) =>
    api.request({ method: 'POST', url, headers: { ...json, ...headers }, payload });
  const get = (url: string, headers: Record<string, string> = {}) =>
    api.request({ method: 'GET', url, headers });
  const attempt = (taskId: string, outcome: string, at: string, headers = desk) =>
    post(`/care/tasks/${taskId}/attempts`, { outcome, occurredAt: at }, headers);

  const deliverOn = async (prospect: string, date: string) => {
    const sales = salesApi(api);
    const registered = await sales.register({
      ...prospectBody(prospect, `1390000${String(prospect.charCodeAt(1)).padStart(4, '0')}`),
      dealerId: DEALER,
      occurredAt: cst('02-20', '09:00'),
    });
    if (registered.status !== 201) throw new Error(JSON.stringify(registered.body));
    await sales.orderOn(prospect, (time) => cst('02-20', time), cst('03-31', '10:00'));
    await sales.deliver(sale(prospect), `LSVCARE0000000${String(prospect.charCodeAt(1)).padStart(3, '0')}`, {
      settled: cst('02-25', '10:00'),
      delivered: cst(date, '10:00'),
    });
  };

  beforeAll(async () => {
    api = await startTestApp({ clock });
    desk = await api.as({ role: 'customer-service', dealerId: DEALER, userId: 'cs-wang' });
    deskLi = await api.as({ role: 'customer-service', dealerId: DEALER, userId: 'cs-li' });
    manager = await api.as({ role: 'dealer-manager', dealerId: DEALER, userId: 'dm-zhou' });
    advisor = await api.as({ role: 'service-advisor', dealerId: DEALER, userId: 'sa-chen' });
    for (const [prospect, date] of [
      ['pa', '03-02'],
      ['pb', '03-20'],
      ['pc', '03-28'],
      ['pd', '03-05'],
      ['pe', '03-10'],
    ] as const)
      await deliverOn(prospect, date);
    await runRepairOrder(api, {
      id: 'ro-c1',
      vehicle: 'V1',
      checkInAt: cst('03-03', '09:00'),
      mileageKm: 5_000,
      labour: [['OIL-CHG', 0.5]],
      clocked: [['OIL-CHG', 't-zhao', 0.5]],
      settleAt: cst('03-03', '12:00'),
      roType: 'paid-maintenance',
      payer: 'customer',
      labourFen: 10_000,
      partsFen: 8_000,
    });
    await settleSales(api);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('shows the tasks as soon as the delivery and the settlement are known, before anyone works them', async () => {
    const list = await get(`/care/tasks?dealerId=${DEALER}&dueMonth=2026-03`);
    expect(list.statusCode).toBe(200);
    // Soonest due first: ro-c1 (6 Mar), A (9), D (12), E (17), B (27); C is due in April.
    expect(list.json().items.map((task: { taskId: string }) => task.taskId)).toEqual([
      'service-ro-c1',
      `delivery-${sale('pa')}`,
      `delivery-${sale('pd')}`,
      `delivery-${sale('pe')}`,
      `delivery-${sale('pb')}`,
    ]);
    const threeMonth = await get(`/care/tasks/3month-${sale('pa')}`);
    expect(threeMonth.statusCode).toBe(200);
    // Delivered 2 Mar 10:00 CST + 3 months = 2 Jun 10:00 CST = 02:00 UTC; the consultant's call.
    expect(threeMonth.json()).toMatchObject({
      kind: '3month',
      dueAt: '2026-06-02T02:00:00.000Z',
      dueMonth: '2026-06',
      role: 'sales-consultant',
      status: 'open',
      overdue: false,
      revision: -1,
    });
  });

  it('works the tasks: attempts on the task and on the record, an assignment, a cancellation', async () => {
    const a = `delivery-${sale('pa')}`;
    const b = `delivery-${sale('pb')}`;
    const d = `delivery-${sale('pd')}`;
    // A: not reached on the sale's own callback route, then on the task, then booked.
    const onSale = await post(
      `/vehicle-sales/${sale('pa')}/callback`,
      { reached: false, occurredAt: cst('03-09', '11:00') },
      desk,
    );
    expect(onSale.statusCode).toBe(200);
    expect((await attempt(a, 'not-reached', cst('03-10', '11:00'))).statusCode).toBe(200);
    expect((await attempt(a, 'booked', cst('03-11', '11:00'))).statusCode).toBe(200);
    // B: the manager gives it to cs-li, who does not reach the customer three times (synced out of order).
    const assigned = await post(
      `/care/tasks/${b}/assignment`,
      { assigneeId: 'cs-li', reason: 'desk rota', occurredAt: cst('03-21', '09:00') },
      manager,
    );
    expect(assigned.statusCode).toBe(200);
    for (const date of ['03-29', '03-27', '03-28'])
      expect((await attempt(b, 'not-reached', cst(date, '15:00'), deskLi)).statusCode).toBe(200);
    const fourth = await attempt(b, 'reached', cst('03-30', '15:00'), deskLi);
    expect(fourth.statusCode).toBe(422);
    expect(fourth.json()).toMatchObject({ code: 'CARE_TASK_CLOSED' });
    // D: cancelled by the manager.
    const cancelled = await post(
      `/care/tasks/${d}/cancellation`,
      { reason: 'customer asked not to be called', occurredAt: cst('03-06', '09:00') },
      manager,
    );
    expect(cancelled.statusCode).toBe(200);
    // ro-c1: the CSI survey of the 3-day callback, on the repair order.
    const survey = await post(
      '/repair-orders/ro-c1/csi-survey',
      {
        answers: {
          'service-quality': 9,
          'service-facility': 8,
          'vehicle-pick-up': 9,
          'service-initiation': 8,
          'service-advisor': 9,
        },
        wouldRecommend: 9,
        occurredAt: cst('03-05', '10:00'),
      },
      advisor,
    );
    expect(survey.statusCode).toBe(200);
    await api.settle();

    const taskA = (await get(`/care/tasks/${a}`)).json();
    expect(taskA).toMatchObject({
      status: 'completed',
      closedAt: '2026-03-11T03:00:00.000Z',
      callerId: 'cs-wang',
    });
    expect(taskA.attempts.map((x: { outcome: string; via: string }) => `${x.via}:${x.outcome}`)).toEqual([
      'record:not-reached',
      'task:not-reached',
      'task:booked',
    ]);
    const taskB = await get(`/care/tasks/${b}`);
    expect(taskB.json()).toMatchObject({
      status: 'not-reached',
      closedAt: '2026-03-29T07:00:00.000Z',
      callerId: 'cs-li',
    });
    expect(taskB.headers.etag).toBeUndefined();
    expect((await get(`/care/tasks/${d}`)).json()).toMatchObject({ status: 'cancelled' });
    expect((await get('/care/tasks/service-ro-c1')).json()).toMatchObject({
      status: 'completed',
      callerId: 'sa-chen',
    });
    expect((await get(`/care/tasks/delivery-${sale('pe')}`)).json()).toMatchObject({
      status: 'open',
      overdue: true,
      callerId: null,
    });
  });

  it('computes the callback success rate per dealer, kind and caller', async () => {
    const report = await get(`/care/callback-success?month=2026-03&dealerId=${DEALER}`, manager);
    expect(report.statusCode).toBe(200);
    const [row] = report.json().dealers;
    expect(row).toMatchObject({
      dealerId: DEALER,
      due: 4,
      completed: 2,
      notReached: 1,
      open: 1,
      successRate: 0.5,
    });
    expect(row.byKind.delivery).toEqual({
      due: 3,
      completed: 1,
      notReached: 1,
      open: 1,
      successRate: 0.3333,
    });
    expect(row.byKind.service).toEqual({ due: 1, completed: 1, notReached: 0, open: 0, successRate: 1 });
    expect(row.byKind['3month']).toEqual({ due: 0, completed: 0, notReached: 0, open: 0, successRate: null });
    expect(row.byCaller).toEqual([
      { callerId: 'cs-li', due: 1, completed: 0, notReached: 1, open: 0, successRate: 0 },
      { callerId: 'cs-wang', due: 1, completed: 1, notReached: 0, open: 0, successRate: 1 },
      { callerId: 'sa-chen', due: 1, completed: 1, notReached: 0, open: 0, successRate: 1 },
      { callerId: null, due: 1, completed: 0, notReached: 0, open: 1, successRate: 0 },
    ]);
    const early = await get(
      `/care/callback-success?month=2026-03&asOf=${encodeURIComponent(cst('03-10', '00:00'))}`,
    );
    expect(early.json().dealers[0]).toMatchObject({
      due: 2,
      completed: 1,
      notReached: 0,
      open: 1,
      successRate: 0.5,
    });
  });

  it('takes a late attempt dated before the closing: the outcome is read in business-time order', async () => {
    // E: not reached 18 Mar, then a reached call of 17 Mar synced late: completed on 17 Mar.
    const e = `delivery-${sale('pe')}`;
    expect((await attempt(e, 'not-reached', cst('03-18', '10:00'))).statusCode).toBe(200);
    expect((await attempt(e, 'reached', cst('03-17', '16:00'))).statusCode).toBe(200);
    await api.settle();
    expect((await get(`/care/tasks/${e}`)).json()).toMatchObject({
      status: 'completed',
      closedAt: '2026-03-17T08:00:00.000Z',
    });
  });

  it('refuses what it must, with clear codes', async () => {
    const a = `delivery-${sale('pa')}`;
    const other = await api.as({ role: 'customer-service', dealerId: 'd-bj-02', userId: 'cs-bj' });
    const foreign = await attempt(a, 'reached', cst('03-12', '10:00'), other);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json()).toMatchObject({ code: 'DEALER_FORBIDDEN' });
    const consultant = await api.as({ role: 'sales-consultant', dealerId: DEALER, userId: 'sc-zhang' });
    const notOwn = await attempt(`3month-${sale('pa')}`, 'reached', cst('04-01', '10:00'), consultant);
    expect(notOwn.statusCode).toBe(403);
    expect(notOwn.json()).toMatchObject({ code: 'OWNER_FORBIDDEN' });
    const unknown = await attempt('delivery-vs-nope', 'reached', cst('03-12', '10:00'));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'CARE_TASK_NOT_FOUND' });
    expect((await get('/care/tasks/birthday-cu-1')).statusCode).toBe(404);
    const bad = await post(`/care/tasks/${a}/attempts`, { outcome: 'maybe' }, desk);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'outcome' })]),
    );
    const early = await attempt(`3month-${sale('pc')}`, 'reached', cst('03-01', '10:00'), manager);
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'CARE_TASK_BEFORE_OPENING' });
    const deskAssigns = await post(`/care/tasks/${a}/assignment`, { assigneeId: 'cs-li' }, desk);
    expect(deskAssigns.statusCode).toBe(403);
  });

  it('appends nothing for a retried attempt with the same Idempotency-Key', async () => {
    const c = `delivery-${sale('pc')}`;
    const headers = { ...desk, 'idempotency-key': 'care-c-1' };
    const first = await attempt(c, 'not-reached', cst('04-04', '10:00'), headers);
    expect(first.statusCode).toBe(200);
    const head = await api.eventStore.headPosition();
    const again = await attempt(c, 'not-reached', cst('04-04', '10:00'), headers);
    expect(again.statusCode).toBe(200);
    expect(await api.eventStore.headPosition()).toBe(head);
  });

  it('opens a follow-up for a dissatisfied survey, and counts its coded unhappy reasons', async () => {
    // C: reached on 5 April 10:00 CST with an SSI survey whose delivery process is a 5 (≤ 6: dissatisfied),
    // reasons delivery-late and paperwork → its follow-up is due 7 April 10:00 CST (02:00 UTC).
    const survey = {
      answers: {
        'delivery-process': 5,
        'sales-initiation': 8,
        deal: 9,
        'dealer-facility': 9,
        salesperson: 8,
      },
      wouldRecommend: 6,
    };
    const unknown = await post(
      `/vehicle-sales/${sale('pc')}/callback`,
      { reached: true, survey, unhappyReasons: ['waiting-time'], occurredAt: cst('04-05', '10:00') },
      desk,
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'SURVEY_REASON_UNKNOWN' });
    const withoutSurvey = await post(
      `/vehicle-sales/${sale('pc')}/callback`,
      { reached: true, unhappyReasons: ['paperwork'], occurredAt: cst('04-05', '10:00') },
      desk,
    );
    expect(withoutSurvey.json()).toMatchObject({ code: 'SALE_REASONS_WITHOUT_SURVEY' });
    const recorded = await post(
      `/vehicle-sales/${sale('pc')}/callback`,
      {
        reached: true,
        survey,
        unhappyReasons: ['paperwork', 'delivery-late'],
        occurredAt: cst('04-05', '10:00'),
      },
      desk,
    );
    expect(recorded.statusCode).toBe(200);
    await api.settle();
    expect((await get(`/care/tasks/salesfollowup-${sale('pc')}`)).json()).toMatchObject({
      kind: 'salesfollowup',
      dueAt: '2026-04-07T02:00:00.000Z',
      status: 'open',
      overdue: true,
    });
    // No follow-up for a survey without a low answer (ro-c1's were 8 and 9).
    expect((await get('/care/tasks/servicefollowup-ro-c1')).statusCode).toBe(404);

    // April as of 10 April: C's 7-day call (due 4 April) completed by the call of 5 April → 1 of 1; the
    // follow-up is reported apart: due 1, open 1.
    const april = (await get(`/care/callback-success?month=2026-04&dealerId=${DEALER}`, manager)).json();
    expect(april.dealers[0]).toMatchObject({
      due: 1,
      completed: 1,
      successRate: 1,
      followUps: { due: 1, completed: 0, notReached: 0, open: 1, successRate: 0 },
    });

    const reasons = await get(`/care/unhappy-reasons?from=2026-03&to=2026-04&dealerId=${DEALER}`, manager);
    expect(reasons.statusCode).toBe(200);
    // March: no SSI survey; one CSI survey (ro-c1), not dissatisfied. April: one SSI survey, dissatisfied,
    // each reason named once (share 1 ÷ 1 = 1), tied counts in code order.
    expect(reasons.json().months).toEqual([
      expect.objectContaining({
        month: '2026-03',
        survey: 'ssi',
        surveys: 0,
        dissatisfied: 0,
        dissatisfiedRate: null,
        reasons: [],
      }),
      expect.objectContaining({
        month: '2026-03',
        survey: 'csi',
        surveys: 1,
        dissatisfied: 0,
        dissatisfiedRate: 0,
        reasons: [],
      }),
      expect.objectContaining({
        month: '2026-04',
        survey: 'ssi',
        dealerId: DEALER,
        surveys: 1,
        dissatisfied: 1,
        dissatisfiedRate: 1,
        catalogueVersions: ['unhappy-2026-1'],
        reasons: [
          { code: 'delivery-late', label: expect.stringContaining('delivery later'), count: 1, share: 1 },
          { code: 'paperwork', label: expect.stringContaining('paperwork'), count: 1, share: 1 },
        ],
      }),
      expect.objectContaining({ month: '2026-04', survey: 'csi', surveys: 0 }),
    ]);
    const tooLong = await get('/care/unhappy-reasons?from=2024-01&to=2026-04');
    expect(tooLong.statusCode).toBe(400);
  });
});
