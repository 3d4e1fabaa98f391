import { startTestApp, testClock, type TestApp } from '../support/test-app';

/**
 * 预约实施情况 over HTTP: a dealer's March appointments, each kept, late, missed or cancelled, with the
 * figures worked out by hand below. Times are China Standard Time; "now" is 20 March 12:00.
 */
describe('appointments kept (预约实施情况) over HTTP', () => {
  const DEALER = 'd-appt';
  const clock = testClock('2026-03-20T04:00:00.000Z');
  const json = { 'content-type': 'application/json' };
  const cst = (dayTime: string) => `2026-03-${dayTime}:00+08:00`;
  let api: TestApp;

  const post = async (url: string, payload: object) => {
    const response = await api.request({ method: 'POST', url, headers: json, payload });
    expect([url, response.statusCode]).toEqual([
      url,
      response.statusCode < 300 ? response.statusCode : 'accepted',
    ]);
  };
  const vehicle = (n: number) => ({
    dealerId: DEALER,
    vin: `LSVAB4BR5MN0000${String(n).padStart(2, '0')}`,
    plate: `沪B000${String(n).padStart(2, '0')}`,
    customerId: `cu-appt-${n}`,
  });
  const book = (n: number, requestedFor: string, bookedAt = cst('01T09:00')) =>
    post('/repair-orders/appointments', {
      ...vehicle(n),
      repairOrderId: `ro-appt-${n}`,
      requestedFor,
      occurredAt: bookedAt,
    });
  const checkIn = (n: number, at: string) =>
    post(`/repair-orders/ro-appt-${n}/check-in`, {
      ...vehicle(n),
      mileageKm: 12_000,
      customerDescription: 'scheduled service',
      serviceAdvisorId: 'u-sa-1',
      occurredAt: at,
    });
  const cancel = (n: number, at: string) =>
    post(`/repair-orders/ro-appt-${n}/cancel`, { reason: 'customer rescheduled', occurredAt: at });
  const march = async (asOf?: string) => {
    const query = asOf ? `&asOf=${encodeURIComponent(asOf)}` : '';
    const response = await api.request({
      method: 'GET',
      url: `/service/appointments/monthly?dealerId=${DEALER}&month=2026-03${query}`,
    });
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    api = await startTestApp({ clock });
    await book(1, cst('10T10:00'));
    await checkIn(1, cst('10T10:15')); // 15 min after the slot: on time (inclusive)
    await book(2, cst('10T10:00'));
    await checkIn(2, cst('10T09:40')); // early: on time
    await book(3, cst('11T14:00'));
    await checkIn(3, cst('11T14:16')); // 16 min after: late, same day
    await book(4, cst('12T09:00')); // never came: a no-show once 12 March is over
    await book(5, cst('12T09:00'));
    await checkIn(5, cst('13T09:00')); // came the next day: still a no-show for its slot
    await book(6, cst('13T11:00'));
    await cancel(6, cst('12T08:00')); // cancelled before its day: not due
    await book(7, cst('25T10:00'), cst('15T09:00')); // booked on the 15th, its day is still to come: pending
    await book(8, cst('14T10:00'));
    await cancel(8, cst('15T09:00')); // cancelled after its day had ended: the no-show stands
    await book(9, '2026-04-02T10:00:00+08:00'); // an April slot: not in March
    await api.settle();
  }, 60_000);
  afterAll(async () => {
    await api.close();
  });

  it('counts March as of now by hand: 2 on time, 1 late, 3 no-shows of 6 due', async () => {
    // booked 8 (1–8; 9 is April); on time 1, 2; late 3; no-show 4, 5, 8; cancelled 6; pending 7.
    // due = 2 + 1 + 3 = 6; no-show rate 3 ÷ 6 = 0.5; on-time rate 2 ÷ 6 = 0.3333.
    expect(await march()).toEqual({
      dealerId: DEALER,
      month: '2026-03',
      asOf: '2026-03-20T04:00:00.000Z',
      booked: 8,
      keptOnTime: 2,
      late: 1,
      noShow: 3,
      cancelled: 1,
      pending: 1,
      due: 6,
      noShowRate: 0.5,
      onTimeRate: 0.3333,
    });
  });

  it('gives the figures as they stood on 12 March 12:00: only the facts dated up to it', async () => {
    // booked 7 (7 was booked on the 15th); on time 1, 2; late 3; cancelled 6 (at 08:00); 4 and 5 pending
    // (their day is not over), 8 pending (14 March). due 3: no-show rate 0 ÷ 3 = 0, on time 2 ÷ 3 = 0.6667.
    expect(await march(cst('12T12:00'))).toMatchObject({
      booked: 7,
      keptOnTime: 2,
      late: 1,
      noShow: 0,
      cancelled: 1,
      pending: 3,
      due: 3,
      noShowRate: 0,
      onTimeRate: 0.6667,
    });
  });

  it('counts nothing for a month without appointments, and names a missing month', async () => {
    const response = await api.request({
      method: 'GET',
      url: `/service/appointments/monthly?dealerId=${DEALER}&month=2026-02`,
    });
    expect(response.json()).toMatchObject({ booked: 0, due: 0, noShowRate: null, onTimeRate: null });
    const missing = await api.request({
      method: 'GET',
      url: `/service/appointments/monthly?dealerId=${DEALER}`,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([expect.objectContaining({ field: 'month' })]);
  });

  it('shows a dealer manager only their own dealer', async () => {
    const other = await api.as({ role: 'dealer-manager', dealerId: 'd-other', userId: 'gm-other' });
    const response = await api.request({
      method: 'GET',
      url: `/service/appointments/monthly?dealerId=${DEALER}&month=2026-03`,
      headers: other,
    });
    expect([response.statusCode, response.json().code]).toEqual([403, 'DEALER_FORBIDDEN']);
  });
});
