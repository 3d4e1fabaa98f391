import { runRepairOrder, VINS } from '../support/service-history';
import { settleSales } from '../support/sales-api';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

/**
 * Issue 19 §1, care reminders as tasks, at dealer d-sh-01; times are CST (+08:00), reports read on
 * 10 April 2026. Every figure is worked out by hand from the scenario:
 *
 * V1 (LSVAB4BR5MN000001), dates recorded 1 Feb 10:00:
 *   insurance expires 15 Apr → due 30 days before: 16 Mar 00:00 CST (15 Mar 16:00 UTC), a March task.
 *     Booked on 17 Mar 10:00, naming the appointment's repair order ro-b1 → completed, booked, linked.
 *   inspection due 25 Apr → due 26 Mar 00:00 CST (25 Mar 16:00 UTC). Not reached 26, 27, 28 Mar 15:00,
 *     sent in the order 28, 26, 27 (business time decides) → closed as not reached on 28 Mar.
 * V2 insurance: 10 Apr recorded 1 Feb, revised on 1 Mar to 10 Apr 2027 → the old task (due 11 Mar 00:00
 *   CST) is superseded on 1 Mar: cancelled, not due; the new one is due 11 Mar 2027.
 * V3 maintenance: ro-m1 settled 20 Sep 2025 12:00 at 6,000 km; ro-m0 settled 1 Jun 2025 12:00 at 5,000 km
 *   synced afterwards. In business-time order ro-m0 came first, so ro-m1 supersedes its reminder (cancelled
 *   from 20 Sep 2025). ro-m1: 1,000 km in 111 days ≈ 9 km a day, so 7,500 km take ≈ 833 days: the time
 *   rule comes first, settlement + 6 months = 20 Mar 2026 12:00 CST (04:00 UTC). Nobody calls: open.
 *
 * March reminders as of 10 April: due = V1 insurance, V1 inspection, ro-m1 = 3 (V2's old task cancelled,
 * ro-m0's superseded and due in 2025); completed 1 (booked 1), not reached 1, open 1; 1 ÷ 3 = 0.3333.
 * No callback is due in March 2026 (the settlements' 3-day calls are of 2025): callbacks due 0, rate null.
 */
const json = { 'content-type': 'application/json' };
const cst = (date: string, time: string) => `${date}T${time}:00+08:00`;
const DEALER = 'd-sh-01';
const V1 = VINS.V1;
const V2 = VINS.V2;
const V3 = VINS.V3;

describe('care reminders: vehicle dates, reminder tasks and their figures', () => {
  const clock = testClock('2026-04-10T02:00:00.000Z');
  let api: TestApp;
  let desk: Record<string, string>;
  let manager: Record<string, string>;
  let otherDealer: Record<string, string>;

  const post = (url: string, payload: object, headers: Record<string, string>) =>
    api.request({ method: 'POST', url, headers: { ...json, ...headers }, payload });
  const get = (url: string, headers: Record<string, string> = {}) =>
    api.request({ method: 'GET', url, headers });
  const dates = (vin: string, body: object, headers = desk) =>
    post(`/care/vehicles/${vin}/dates`, { dealerId: DEALER, ...body }, headers);
  const attempt = (taskId: string, body: object) => post(`/care/tasks/${taskId}/attempts`, body, desk);
  const settleRo = (id: string, checkInAt: string, settleAt: string, mileageKm: number) =>
    runRepairOrder(api, {
      id,
      vehicle: 'V3',
      checkInAt,
      mileageKm,
      labour: [['OIL-CHG', 0.5]],
      clocked: [['OIL-CHG', 't-zhao', 0.5]],
      settleAt,
      roType: 'paid-maintenance',
      payer: 'customer',
      labourFen: 10_000,
      partsFen: 8_000,
    });

  beforeAll(async () => {
    api = await startTestApp({ clock });
    desk = await api.as({ role: 'customer-service', dealerId: DEALER, userId: 'cs-wang' });
    manager = await api.as({ role: 'dealer-manager', dealerId: DEALER, userId: 'dm-zhou' });
    otherDealer = await api.as({ role: 'customer-service', dealerId: 'd-bj-02', userId: 'cs-bj' });
    await settleRo('ro-m1', cst('2025-09-20', '09:00'), cst('2025-09-20', '12:00'), 6_000);
    await settleSales(api);
    await settleRo('ro-m0', cst('2025-06-01', '09:00'), cst('2025-06-01', '12:00'), 5_000);
    await settleSales(api);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
  });

  it('records the dates with the vehicle, and refuses bad ones', async () => {
    const recorded = await dates(V1, {
      customerId: 'cu-v1',
      insuranceExpiresOn: '2026-04-15',
      inspectionDueOn: '2026-04-25',
      occurredAt: cst('2026-02-01', '10:00'),
    });
    expect(recorded.statusCode).toBe(200);
    for (const [at, expiresOn] of [
      [cst('2026-02-01', '10:00'), '2026-04-10'],
      [cst('2026-03-01', '10:00'), '2027-04-10'],
    ])
      expect(
        (await dates(V2, { customerId: 'cu-v2', insuranceExpiresOn: expiresOn, occurredAt: at })).statusCode,
      ).toBe(200);

    const badVin = await dates('NOT-A-VIN', { customerId: 'cu-v1', insuranceExpiresOn: '2026-04-15' });
    expect(badVin.statusCode).toBe(400);
    expect(badVin.json().errors).toEqual([{ field: 'vin', reason: 'must be a 17-character VIN' }]);
    const badDate = await dates(V1, { customerId: 'cu-v1', insuranceExpiresOn: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(JSON.stringify(badDate.json())).toContain('insuranceExpiresOn');
    const none = await dates(V1, { customerId: 'cu-v1' });
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({ code: 'VEHICLE_DATES_MISSING' });
    // Another dealer's user cannot revise this dealer's vehicle dates, nor record them in its name.
    const foreign = await dates(V1, { customerId: 'cu-v1', insuranceExpiresOn: '2026-05-01' }, otherDealer);
    expect(foreign.statusCode).toBe(403);
    const foreignOwn = await post(
      `/care/vehicles/${V1}/dates`,
      { dealerId: 'd-bj-02', customerId: 'cu-v1', insuranceExpiresOn: '2026-05-01' },
      otherDealer,
    );
    expect(foreignOwn.statusCode).toBe(403);
    await api.settle();
  });

  it('makes a task per date, due 30 days before it; a revised date supersedes the old task', async () => {
    const insurance = await get(`/care/tasks/insurance-${V1}-20260415`);
    expect(insurance.statusCode).toBe(200);
    expect(insurance.json()).toMatchObject({
      kind: 'insurance',
      recordId: `${V1}-20260415`,
      vin: V1,
      customerId: 'cu-v1',
      role: 'customer-service',
      openedAt: '2026-02-01T02:00:00.000Z',
      dueAt: '2026-03-15T16:00:00.000Z',
      dueMonth: '2026-03',
      status: 'open',
      overdue: true,
    });
    expect((await get(`/care/tasks/inspection-${V1}-20260425`)).json()).toMatchObject({
      dueAt: '2026-03-25T16:00:00.000Z',
    });
    expect((await get(`/care/tasks/insurance-${V2}-20260410`)).json()).toMatchObject({
      status: 'cancelled',
      supersededAt: '2026-03-01T02:00:00.000Z',
      closedAt: '2026-03-01T02:00:00.000Z',
    });
    // 10 April 2027 − 30 days = 11 March 2027 00:00 CST.
    expect((await get(`/care/tasks/insurance-${V2}-20270410`)).json()).toMatchObject({
      status: 'open',
      dueAt: '2027-03-10T16:00:00.000Z',
    });
    const unknown = await get(`/care/tasks/insurance-${V1}-20260501`);
    expect(unknown.statusCode).toBe(404);
  });

  it('makes the maintenance task of the last settlement; the earlier one synced late is superseded', async () => {
    expect((await get('/care/tasks/maintenance-ro-m1')).json()).toMatchObject({
      kind: 'maintenance',
      role: 'service-advisor',
      vin: V3,
      openedAt: '2025-09-20T04:00:00.000Z',
      dueAt: '2026-03-20T04:00:00.000Z',
      status: 'open',
      supersededAt: null,
    });
    expect((await get('/care/tasks/maintenance-ro-m0')).json()).toMatchObject({
      status: 'cancelled',
      supersededAt: '2025-09-20T04:00:00.000Z',
    });
    const late = await attempt('maintenance-ro-m0', {
      outcome: 'reached',
      occurredAt: cst('2026-03-01', '10:00'),
    });
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'CARE_TASK_CLOSED' });
    const list = await get(`/care/tasks?dealerId=${DEALER}&kind=maintenance&status=open`);
    expect(list.json().items.map((task: { taskId: string }) => task.taskId)).toEqual(['maintenance-ro-m1']);
  });

  it('works the reminders: a booked call links the appointment, three not-reached calls close one', async () => {
    const insurance = `insurance-${V1}-20260415`;
    const booking = await post(
      '/repair-orders/appointments',
      {
        dealerId: DEALER,
        vin: V1,
        plate: '沪A00001',
        customerId: 'cu-v1',
        repairOrderId: 'ro-b1',
        requestedFor: cst('2026-03-20', '09:30'),
        occurredAt: cst('2026-03-17', '10:00'),
      },
      await api.as({ role: 'service-advisor', dealerId: DEALER, userId: 'sa-chen' }),
    );
    expect(booking.statusCode).toBe(201);
    const notBooked = await attempt(insurance, {
      outcome: 'reached',
      repairOrderId: 'ro-b1',
      occurredAt: cst('2026-03-17', '10:05'),
    });
    expect(notBooked.statusCode).toBe(422);
    expect(notBooked.json()).toMatchObject({ code: 'CARE_TASK_LINK_NOT_BOOKED' });
    const unknownRo = await attempt(insurance, {
      outcome: 'booked',
      repairOrderId: 'ro-none',
      occurredAt: cst('2026-03-17', '10:05'),
    });
    expect(unknownRo.statusCode).toBe(422);
    expect(unknownRo.json()).toMatchObject({ code: 'CARE_TASK_LINK_UNKNOWN' });
    const booked = await attempt(insurance, {
      outcome: 'booked',
      repairOrderId: 'ro-b1',
      occurredAt: cst('2026-03-17', '10:05'),
    });
    expect(booked.statusCode).toBe(200);
    const inspection = `inspection-${V1}-20260425`;
    for (const day of ['2026-03-28', '2026-03-26', '2026-03-27'])
      expect(
        (await attempt(inspection, { outcome: 'not-reached', occurredAt: cst(day, '15:00') })).statusCode,
      ).toBe(200);
    await api.settle();
    expect((await get(`/care/tasks/${insurance}`)).json()).toMatchObject({
      status: 'completed',
      closedAt: '2026-03-17T02:05:00.000Z',
      repairOrderId: 'ro-b1',
      callerId: 'cs-wang',
      attempts: [{ outcome: 'booked', repairOrderId: 'ro-b1', via: 'task' }],
    });
    expect((await get(`/care/tasks/${inspection}`)).json()).toMatchObject({
      status: 'not-reached',
      closedAt: '2026-03-28T07:00:00.000Z',
    });
  });

  it('reports the reminders of the month apart from the callbacks', async () => {
    const report = await get(`/care/callback-success?month=2026-03&dealerId=${DEALER}`, manager);
    expect(report.statusCode).toBe(200);
    const [row] = report.json().dealers;
    expect(row).toMatchObject({ dealerId: DEALER, due: 0, completed: 0, successRate: null });
    expect(row.reminders).toEqual({
      due: 3,
      completed: 1,
      booked: 1,
      notReached: 1,
      open: 1,
      successRate: 0.3333,
      byKind: {
        insurance: { due: 1, completed: 1, booked: 1, notReached: 0, open: 0, successRate: 1 },
        inspection: { due: 1, completed: 0, booked: 0, notReached: 1, open: 0, successRate: 0 },
        maintenance: { due: 1, completed: 0, booked: 0, notReached: 0, open: 1, successRate: 0 },
        pointsexpiry: { due: 0, completed: 0, booked: 0, notReached: 0, open: 0, successRate: null },
        lapsewarning: { due: 0, completed: 0, booked: 0, notReached: 0, open: 0, successRate: null },
        birthday: { due: 0, completed: 0, booked: 0, notReached: 0, open: 0, successRate: null },
      },
    });
    // As of 20 March 00:00 CST only the insurance task (due 16 Mar) is due, and it was booked on the 17th.
    const early = await get(
      `/care/callback-success?month=2026-03&dealerId=${DEALER}&asOf=2026-03-20T00:00:00%2B08:00`,
      manager,
    );
    expect(early.json().dealers[0].reminders).toMatchObject({
      due: 1,
      completed: 1,
      booked: 1,
      successRate: 1,
    });
  });

  describe('messages through the outbox', () => {
    // V3's maintenance task (open, due 20 Mar) is messaged on 9 April:
    //   at 22:30 CST by SMS → in the quiet hours: sendAt 10 April 08:00 CST (00:00 UTC);
    //   at 10:00 CST by WeChat → sendAt at once (02:00 UTC).
    // Customer cu-v2 opts out of SMS on 1 April: an SMS on V2's current insurance task on 9 April is
    // refused; one dated 31 March (synced late) and a WeChat message are not.
    // Customer cu-v3 is then forgotten: a message on V3's task afterwards is refused.
    const task = 'maintenance-ro-m1';
    const v2Task = `insurance-${V2}-20270410`;
    const message = (taskId: string, channel: string, at: string) =>
      post(
        `/care/tasks/${taskId}/messages`,
        { channel, templateId: 'care-reminder-1', occurredAt: at },
        desk,
      );

    it('queues a message in the quiet hours until 08:00, and one in the day at once', async () => {
      expect((await message(task, 'sms', cst('2026-04-09', '22:30'))).statusCode).toBe(200);
      expect((await message(task, 'wechat', cst('2026-04-09', '10:00'))).statusCode).toBe(200);
      await settleSales(api);
      const outbox = await get(`/care/outbox?dealerId=${DEALER}&status=pending`, desk);
      expect(outbox.statusCode).toBe(200);
      // Soonest to send first: the WeChat message (9 Apr 02:00 UTC), then the SMS (10 Apr 00:00 UTC).
      expect(outbox.json()).toMatchObject({
        total: 2,
        items: [
          {
            taskId: task,
            recipient: { customerId: 'cu-v3', channel: 'wechat' },
            templateId: 'care-reminder-1',
            queuedAt: '2026-04-09T02:00:00.000Z',
            sendAt: '2026-04-09T02:00:00.000Z',
            status: 'pending',
            reason: null,
          },
          {
            recipient: { customerId: 'cu-v3', channel: 'sms' },
            queuedAt: '2026-04-09T14:30:00.000Z',
            sendAt: '2026-04-10T00:00:00.000Z',
            status: 'pending',
          },
        ],
      });
      // The outbox holds a reference (customer id and channel), never the customer's phone or account.
      const [first] = outbox.json().items;
      expect(Object.keys(first.recipient).sort()).toEqual(['channel', 'customerId']);
      expect(Object.keys(first).sort()).toEqual([
        'dealerId',
        'messageId',
        'queuedAt',
        'reason',
        'recipient',
        'sendAt',
        'status',
        'taskId',
        'templateId',
      ]);
      expect((await get(`/care/tasks/${task}`)).json().messages).toHaveLength(2);
      // Another dealer's desk sees none of them.
      const foreign = await get('/care/outbox', otherDealer);
      expect(foreign.json()).toMatchObject({ total: 0, items: [] });
    });

    it('refuses a message to a customer who opted out on the channel, with a clear 422', async () => {
      const consent = await post(
        '/care/consents/cu-v2',
        { dealerId: DEALER, channel: 'sms', optedIn: false, occurredAt: cst('2026-04-01', '10:00') },
        desk,
      );
      expect(consent.statusCode).toBe(200);
      const refused = await message(v2Task, 'sms', cst('2026-04-09', '11:00'));
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'CARE_MESSAGE_OPTED_OUT' });
      // Business time: a message dated before the opt-out (synced late) was allowed then.
      expect((await message(v2Task, 'sms', cst('2026-03-31', '11:00'))).statusCode).toBe(200);
      expect((await message(v2Task, 'wechat', cst('2026-04-09', '11:00'))).statusCode).toBe(200);
    });

    it('sends nothing to a forgotten customer', async () => {
      const admin = await api.as({ role: 'admin', userId: 'ad-1' });
      const forgot = await post(
        '/customers/cu-v3/forget',
        { reason: 'erasure request', requestReference: 'DSR-19' },
        admin,
      );
      expect(forgot.statusCode).toBe(200);
      const refused = await message(task, 'sms', cst('2026-04-10', '09:00'));
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'CARE_MESSAGE_CUSTOMER_FORGOTTEN' });
    });
  });
});
