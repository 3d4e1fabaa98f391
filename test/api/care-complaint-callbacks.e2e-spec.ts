import { startTestApp, testClock, type TestApp } from '../support/test-app';

/**
 * Issue 19 §2: the complaint's closing callback (闭环回访) is a care task the callback success rate counts.
 * Dealer d-cc-01, times CST (+08:00); the SLA policy gives 24 h from a resolution to its callback. Every
 * figure below is worked out by hand; the report is read on 10 April 2026.
 *
 *   k1  resolved 3 Mar 10:00 → call due 4 Mar 10:00 (task complaint-k1-20260304100000). Not reached on the
 *       complaint's callback route 3 Mar 15:00 (cs-wang), not reached on the task 3 Mar 17:00 (cs-wang),
 *       reached on the complaint's route 4 Mar 09:00 (cs-li) → completed 4 Mar 09:00; caller cs-wang (the
 *       first attempt; nobody assigned). The complaint then closes.
 *   k2  resolved 5 Mar 10:00 → call due 6 Mar 10:00. Not reached 5 Mar 11:00 (cs-wang); the complaint is
 *       reopened 5 Mar 14:00 → that task is cancelled from then (not due); an attempt dated 5 Mar 15:00 is
 *       refused. Resolved again 6 Mar 10:00 (within the 72 h the reopening gave) → a second task due 7 Mar
 *       10:00, nobody calls → open, overdue.
 *   k3  resolved 31 Mar 18:00 → due 1 Apr 18:00: an April task.
 *
 * March, kind `complaint`: due = k1 and k2's second = 2 (k2's first cancelled, k3 in April); completed 1
 * (k1); open 1; not reached 0; success 1 ÷ 2 = 0.5. The dealer has no other task, so the dealer's callback
 * rate is the same 0.5 over 2 due; by caller: cs-wang 1 of 1 (k1), none 0 of 1 (k2's second).
 */
const json = { 'content-type': 'application/json' };
const cst = (date: string, time: string) => `2026-${date}T${time}:00+08:00`;
const DEALER = 'd-cc-01';
const K1 = 'complaint-k1-20260304100000';
const K2_FIRST = 'complaint-k2-20260306100000';
const K2_SECOND = 'complaint-k2-20260307100000';
const K3 = 'complaint-k3-20260401180000';

describe('care tasks: the complaint closing callback', () => {
  const clock = testClock('2026-04-10T02:00:00.000Z');
  let api: TestApp;
  let desk: Record<string, string>;
  let deskLi: Record<string, string>;
  let manager: Record<string, string>;

  const post = (url: string, payload: object, headers: Record<string, string> = desk) =>
    api.request({ method: 'POST', url, headers: { ...json, ...headers }, payload });
  const get = (url: string, headers: Record<string, string> = manager) =>
    api.request({ method: 'GET', url, headers });
  const step = async (id: string, path: string, at: string, payload: object = {}, as = desk) => {
    const response = await post(`/complaints/${id}/${path}`, { ...payload, occurredAt: at }, as);
    if (response.statusCode >= 300) throw new Error(`${id} ${path}: ${response.body}`);
  };
  const fileAndResolve = async (id: string, date: string) => {
    const filed = await post('/complaints', {
      complaintId: id,
      dealerId: DEALER,
      channel: 'dealer',
      category: 'service',
      severity: 'general',
      customer: { customerId: `cu-${id}`, name: `Customer ${id}`, phone: '13812345678' },
      description: 'brake noise after the service',
      remedySought: 'free re-repair',
      occurredAt: cst(date, '08:00'),
    });
    if (filed.statusCode !== 201) throw new Error(filed.body);
    await step(id, 'acknowledge', cst(date, '08:30'));
    await step(id, 'proposals', cst(date, '09:00'), { remedyOffered: 'free re-repair' });
    await step(id, 'proposals/response', cst(date, '09:10'), { accepted: true });
  };

  beforeAll(async () => {
    api = await startTestApp({ clock });
    desk = await api.as({ role: 'customer-service', dealerId: DEALER, userId: 'cs-wang' });
    deskLi = await api.as({ role: 'customer-service', dealerId: DEALER, userId: 'cs-li' });
    manager = await api.as({ role: 'dealer-manager', dealerId: DEALER, userId: 'dm-zhou' });
    await fileAndResolve('k1', '03-03');
    await step('k1', 'resolve', cst('03-03', '10:00'));
    await fileAndResolve('k2', '03-05');
    await step('k2', 'resolve', cst('03-05', '10:00'));
    await fileAndResolve('k3', '03-31');
    await step('k3', 'resolve', cst('03-31', '18:00'));
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('opens a task at each resolution, due by its callback deadline, for the customer-service desk', async () => {
    await api.settle();
    const task = await get(`/care/tasks/${K1}`);
    expect(task.statusCode).toBe(200);
    // Resolved 3 Mar 10:00 CST = 02:00Z; due 24 h later.
    expect(task.json()).toMatchObject({
      taskId: K1,
      kind: 'complaint',
      recordId: 'k1-20260304100000',
      dealerId: DEALER,
      customerId: 'cu-k1',
      role: 'customer-service',
      openedAt: '2026-03-03T02:00:00.000Z',
      dueAt: '2026-03-04T02:00:00.000Z',
      dueMonth: '2026-03',
      status: 'open',
      revision: -1,
    });
    const april = await get(`/care/tasks?dealerId=${DEALER}&dueMonth=2026-04&kind=complaint`);
    expect(april.json().items.map((item: { taskId: string }) => item.taskId)).toEqual([K3]);
  });

  it('is worked by the callbacks on the complaint and attempts on the task; a reopening ends it', async () => {
    await step('k1', 'callback', cst('03-03', '15:00'), { reached: false });
    const onTask = await post(`/care/tasks/${K1}/attempts`, {
      outcome: 'not-reached',
      occurredAt: cst('03-03', '17:00'),
    });
    expect(onTask.statusCode).toBe(200);
    await step('k1', 'callback', cst('03-04', '09:00'), { reached: true, satisfaction: 'satisfied' }, deskLi);
    await step('k1', 'close', cst('03-04', '09:30'));

    await step('k2', 'callback', cst('03-05', '11:00'), { reached: false });
    await step('k2', 'reopen', cst('03-05', '14:00'), { reason: 'the noise came back' });
    const late = await post(`/care/tasks/${K2_FIRST}/attempts`, {
      outcome: 'reached',
      occurredAt: cst('03-05', '15:00'),
    });
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'CARE_TASK_CLOSED' });
    await step('k2', 'proposals', cst('03-06', '09:00'), { remedyOffered: 'replace the pads' });
    await step('k2', 'proposals/response', cst('03-06', '09:10'), { accepted: true });
    await step('k2', 'resolve', cst('03-06', '10:00'));
    await api.settle();

    const k1 = (await get(`/care/tasks/${K1}`)).json();
    expect(k1).toMatchObject({
      status: 'completed',
      closedAt: '2026-03-04T01:00:00.000Z',
      callerId: 'cs-wang',
    });
    expect(k1.attempts.map((a: { via: string; outcome: string }) => `${a.via}:${a.outcome}`)).toEqual([
      'record:not-reached',
      'task:not-reached',
      'record:reached',
    ]);
    expect((await get(`/care/tasks/${K2_FIRST}`)).json()).toMatchObject({
      status: 'cancelled',
      closedAt: '2026-03-05T06:00:00.000Z',
    });
    expect((await get(`/care/tasks/${K2_SECOND}`)).json()).toMatchObject({
      status: 'open',
      dueAt: '2026-03-07T02:00:00.000Z',
      overdue: true,
      callerId: null,
    });
    // No resolution of k2 has its callback due at that time.
    const unknown = await post('/care/tasks/complaint-k2-20260311100000/attempts', {
      outcome: 'reached',
      occurredAt: cst('03-11', '10:00'),
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('counts in the callback success rate, by kind and by caller', async () => {
    const report = await get(`/care/callback-success?month=2026-03&dealerId=${DEALER}`);
    expect(report.statusCode).toBe(200);
    const [row] = report.json().dealers;
    expect(row).toMatchObject({
      dealerId: DEALER,
      due: 2,
      completed: 1,
      notReached: 0,
      open: 1,
      successRate: 0.5,
    });
    expect(row.byKind.complaint).toEqual({ due: 2, completed: 1, notReached: 0, open: 1, successRate: 0.5 });
    expect(row.byKind.delivery).toEqual({ due: 0, completed: 0, notReached: 0, open: 0, successRate: null });
    expect(row.byCaller).toEqual([
      { callerId: 'cs-wang', due: 1, completed: 1, notReached: 0, open: 0, successRate: 1 },
      { callerId: null, due: 1, completed: 0, notReached: 0, open: 1, successRate: 0 },
    ]);
  });
});
