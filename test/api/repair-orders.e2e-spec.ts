import { DEALER, VINS, driveServiceHistory } from '../support/service-history';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

/**
 * Nine months of one workshop through the HTTP API (test/support/service-history.ts has the table), and
 * every KPI checked against figures worked out by hand below. Months are China Standard Time.
 */
describe('repair orders over HTTP: nine months of a workshop', () => {
  const clock = testClock('2026-09-12T04:00:00.000Z');
  let api: TestApp;
  const get = async (url: string) => {
    const response = await api.request({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    api = await startTestApp({ clock });
    await driveServiceHistory(api);
  }, 60_000);
  afterAll(async () => {
    await api.close();
  });

  it('recognised ro-5 as rework automatically and kept ro-6 as marked by hand', async () => {
    const ro5 = await get('/repair-orders/ro-5');
    // V2 back on 20 Feb 20:00 with BRK-PAD-F; ro-2 settled it on 31 Jan 23:30: 19.9 days, within 30.
    expect(ro5.rework).toEqual({
      reason: 'same operation BRK-PAD-F within 30 days of RO ro-2',
      automatic: true,
      previousRepairOrderId: 'ro-2',
    });
    expect((await get('/repair-orders/ro-6')).rework).toMatchObject({ automatic: false });
    // ro-11 repeats ro-6's OIL-CHG 99 days later: not rework.
    expect((await get('/repair-orders/ro-11')).rework).toBeNull();
    const ro3 = await get('/repair-orders/ro-3');
    expect(ro3.inspections.map((inspection: { passed: boolean }) => inspection.passed)).toEqual([
      false,
      true,
    ]);
    expect((await get('/repair-orders/ro-9')).status).toBe('cancelled');
  });

  it('computes the workshop KPIs of every month by hand', async () => {
    const months = await get(`/service/workshop/monthly?dealerId=${DEALER}`);
    expect(months.map((month: { month: string }) => month.month)).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-07',
      '2026-08',
      '2026-09',
    ]);
    const zero = {
      'paid-maintenance': 0,
      'paid-repair': 0,
      'free-inspection': 0,
      'free-repair': 0,
      'warranty-claim': 0,
    };
    expect(months).toEqual([
      {
        // Opened: ro-1, ro-2, ro-3 (21:00 on 31 Jan), none booked. Settled: ro-1, ro-2 (23:30 on 31 Jan).
        dealerId: DEALER,
        month: '2026-01',
        opened: 3,
        openedFromAppointment: 0,
        appointmentRate: 0,
        settled: 2,
        byType: { ...zero, 'paid-maintenance': 1, 'paid-repair': 1 },
        paid: 2,
        free: 0,
        services: 2,
        warranty: 0,
        reworkSettled: 0,
        reworkRate: 0,
        // Standard 0.5 (ro-1, t-zhao) + 1.2 (ro-2, t-li) = 1.7; clocked 0.5 + 1.5 = 2.0; 1.7 / 2.0 = 0.85.
        standardHours: 1.7,
        actualHours: 2,
        technicianEfficiency: 0.85,
        technicians: [
          { technicianId: 't-li', standardHours: 1.2, actualHours: 1.5, efficiency: 0.8 },
          { technicianId: 't-zhao', standardHours: 0.5, actualHours: 0.5, efficiency: 1 },
        ],
        // (10,000 + 8,000) + (34,000 + 48,000) = 100,000 fen over 2 paid orders.
        paidRevenueFen: 100_000,
        averageTicketFen: 50_000,
        // Both callbacks came back with a survey (ro-2's on 3 Feb still counts for January's settlements).
        callbacksDue: 2,
        callbacksCompleted: 2,
        callbackSuccessRate: 1,
      },
      {
        // Opened: ro-5 only. Settled: ro-3 (00:30 on 1 Feb in Shanghai) and ro-5, the rework.
        dealerId: DEALER,
        month: '2026-02',
        opened: 1,
        openedFromAppointment: 0,
        appointmentRate: 0,
        settled: 2,
        byType: { ...zero, 'free-inspection': 1, 'free-repair': 1 },
        paid: 0,
        free: 2,
        services: 2,
        warranty: 0,
        reworkSettled: 1,
        reworkRate: 0.5,
        // ro-3: 1.0 standard, clocked 0.8 + 0.4 after the failed inspection; ro-5: 1.2 standard, 1.0 clocked.
        standardHours: 2.2,
        actualHours: 2.2,
        technicianEfficiency: 1,
        technicians: [
          { technicianId: 't-li', standardHours: 1.2, actualHours: 1, efficiency: 1.2 },
          { technicianId: 't-zhao', standardHours: 1, actualHours: 1.2, efficiency: 0.8333 },
        ],
        paidRevenueFen: 0,
        averageTicketFen: null,
        callbacksDue: 2,
        callbacksCompleted: 0,
        callbackSuccessRate: 0,
      },
      {
        // Opened: ro-4 (booked on 25 Feb) and ro-7. Settled: both.
        dealerId: DEALER,
        month: '2026-03',
        opened: 2,
        openedFromAppointment: 1,
        appointmentRate: 0.5,
        settled: 2,
        byType: { ...zero, 'paid-maintenance': 1, 'paid-repair': 1 },
        paid: 2,
        free: 0,
        services: 2,
        warranty: 0,
        reworkSettled: 0,
        reworkRate: 0,
        // t-li: 2.0 (BRK-DISC-R) + 0.4 (TYRE-ROT) = 2.4 standard, 1.6 + 0.5 = 2.1 clocked: 1.142857 → 1.1429.
        // t-zhao: 0.5 + 0.5 both ways. Overall 3.4 / 3.1 = 1.096774 → 1.0968.
        standardHours: 3.4,
        actualHours: 3.1,
        technicianEfficiency: 1.0968,
        technicians: [
          { technicianId: 't-li', standardHours: 2.4, actualHours: 2.1, efficiency: 1.1429 },
          { technicianId: 't-zhao', standardHours: 1, actualHours: 1, efficiency: 1 },
        ],
        // 175,000 (ro-4) + 23,000 (ro-7) = 198,000 over 2.
        paidRevenueFen: 198_000,
        averageTicketFen: 99_000,
        callbacksDue: 2,
        callbacksCompleted: 2,
        callbackSuccessRate: 1,
      },
      {
        // ro-6: booked, marked rework by hand; 0.5 standard over 0.6 clocked = 0.8333.
        dealerId: DEALER,
        month: '2026-04',
        opened: 1,
        openedFromAppointment: 1,
        appointmentRate: 1,
        settled: 1,
        byType: { ...zero, 'paid-maintenance': 1 },
        paid: 1,
        free: 0,
        services: 1,
        warranty: 0,
        reworkSettled: 1,
        reworkRate: 1,
        standardHours: 0.5,
        actualHours: 0.6,
        technicianEfficiency: 0.8333,
        technicians: [{ technicianId: 't-zhao', standardHours: 0.5, actualHours: 0.6, efficiency: 0.8333 }],
        paidRevenueFen: 18_000,
        averageTicketFen: 18_000,
        callbacksDue: 1,
        callbacksCompleted: 0,
        callbackSuccessRate: 0,
      },
      {
        // ro-9 was opened and cancelled: it counts as opened, never as settled.
        dealerId: DEALER,
        month: '2026-05',
        opened: 1,
        openedFromAppointment: 0,
        appointmentRate: 0,
        settled: 0,
        byType: zero,
        paid: 0,
        free: 0,
        services: 0,
        warranty: 0,
        reworkSettled: 0,
        reworkRate: null,
        standardHours: 0,
        actualHours: 0,
        technicianEfficiency: null,
        technicians: [],
        paidRevenueFen: 0,
        averageTicketFen: null,
        callbacksDue: 0,
        callbacksCompleted: 0,
        callbackSuccessRate: null,
      },
      {
        // ro-11: 0.5 standard over 0.4 clocked = 1.25.
        dealerId: DEALER,
        month: '2026-07',
        opened: 1,
        openedFromAppointment: 0,
        appointmentRate: 0,
        settled: 1,
        byType: { ...zero, 'paid-maintenance': 1 },
        paid: 1,
        free: 0,
        services: 1,
        warranty: 0,
        reworkSettled: 0,
        reworkRate: 0,
        standardHours: 0.5,
        actualHours: 0.4,
        technicianEfficiency: 1.25,
        technicians: [{ technicianId: 't-zhao', standardHours: 0.5, actualHours: 0.4, efficiency: 1.25 }],
        paidRevenueFen: 18_000,
        averageTicketFen: 18_000,
        callbacksDue: 1,
        callbacksCompleted: 1,
        callbackSuccessRate: 1,
      },
      {
        // ro-8, a warranty claim: not a service in the seed's totals, and no paid revenue.
        dealerId: DEALER,
        month: '2026-08',
        opened: 1,
        openedFromAppointment: 0,
        appointmentRate: 0,
        settled: 1,
        byType: { ...zero, 'warranty-claim': 1 },
        paid: 0,
        free: 0,
        services: 0,
        warranty: 1,
        reworkSettled: 0,
        reworkRate: 0,
        // 3.0 / 3.5 = 0.857142 → 0.8571.
        standardHours: 3,
        actualHours: 3.5,
        technicianEfficiency: 0.8571,
        technicians: [{ technicianId: 't-li', standardHours: 3, actualHours: 3.5, efficiency: 0.8571 }],
        paidRevenueFen: 0,
        averageTicketFen: null,
        callbacksDue: 1,
        callbacksCompleted: 0,
        callbackSuccessRate: 0,
      },
      {
        dealerId: DEALER,
        month: '2026-09',
        opened: 1,
        openedFromAppointment: 1,
        appointmentRate: 1,
        settled: 1,
        byType: { ...zero, 'paid-maintenance': 1 },
        paid: 1,
        free: 0,
        services: 1,
        warranty: 0,
        reworkSettled: 0,
        reworkRate: 0,
        standardHours: 0.5,
        actualHours: 0.5,
        technicianEfficiency: 1,
        technicians: [{ technicianId: 't-zhao', standardHours: 0.5, actualHours: 0.5, efficiency: 1 }],
        paidRevenueFen: 18_000,
        averageTicketFen: 18_000,
        callbacksDue: 1,
        callbacksCompleted: 0,
        callbackSuccessRate: 0,
      },
    ]);
  });

  it("shows a vehicle's service history and the lists for integrators", async () => {
    const history = await get(`/service/vehicles/${VINS.V1}/history`);
    expect(history.repairOrders.map((order: { repairOrderId: string }) => order.repairOrderId)).toEqual([
      'ro-1',
      'ro-6',
      'ro-11',
    ]);
    expect(history.dealers).toEqual([
      expect.objectContaining({
        dealerId: DEALER,
        vin: VINS.V1,
        settledMonths: ['2026-01', '2026-04', '2026-07'],
        visits: 3,
      }),
    ]);
    const settled = await get(`/repair-orders?dealerId=${DEALER}&status=settled&limit=3`);
    expect(settled.total).toBe(10);
    expect(settled.items.map((order: { repairOrderId: string }) => order.repairOrderId)).toEqual([
      'ro-10',
      'ro-8',
      'ro-11',
    ]);
    const byVin = await get(`/repair-orders?vin=${VINS.V4}`);
    expect(
      byVin.items.map((order: { repairOrderId: string; status: string }) => [
        order.repairOrderId,
        order.status,
      ]),
    ).toEqual([
      ['ro-10', 'settled'],
      ['ro-9', 'cancelled'],
      ['ro-4', 'settled'],
    ]);
    const one = await api.request({ method: 'GET', url: '/repair-orders/ro-4' });
    expect(one.headers.etag).toBe(`"${one.json().revision}"`);
    expect(one.json()).toMatchObject({
      fromAppointment: true,
      roType: 'paid-repair',
      totalFen: 175_000,
      settledMonth: '2026-03',
    });
  });
});
