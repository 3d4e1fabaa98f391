import { DEALER, VINS, driveServiceHistory } from '../support/service-history';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

/**
 * The nine months of test/support/service-history.ts through the HTTP API; CSI, retention and churn, the
 * lost list, the callback list and maintenance due checked against figures worked out by hand below.
 */
describe('service KPIs over HTTP: CSI, retention, lost vehicles, callbacks and maintenance over nine months', () => {
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

  it('computes CSI per month of the survey with the 2015 weight set', async () => {
    const weights = {
      'service-quality': 22,
      'service-facility': 20,
      'vehicle-pick-up': 20,
      'service-initiation': 19,
      'service-advisor': 19,
    };
    const csi = await get(`/service/csi/monthly?dealerId=${DEALER}`);
    const common = { dealerId: DEALER, weightSetVersion: 'csi-jdp-cn-2015', weights };
    expect(csi).toEqual([
      {
        // ro-1: 9, 8, 10, 7, 9; 22×9 + 20×8 + 20×10 + 19×7 + 19×9 = 198 + 160 + 200 + 133 + 171 = 862. 9 → promoter.
        ...common,
        month: '2026-01',
        surveys: 1,
        answerSums: {
          'service-quality': 9,
          'service-facility': 8,
          'vehicle-pick-up': 10,
          'service-initiation': 7,
          'service-advisor': 9,
        },
        factorIndex: {
          'service-quality': 900,
          'service-facility': 800,
          'vehicle-pick-up': 1000,
          'service-initiation': 700,
          'service-advisor': 900,
        },
        csi: 862,
        promoters: 1,
        passives: 0,
        detractors: 0,
        nps: 100,
      },
      {
        // ro-2, surveyed 3 Feb: 6, 7, 8, 5, 6; 132 + 140 + 160 + 95 + 114 = 641. 5 → detractor.
        ...common,
        month: '2026-02',
        surveys: 1,
        answerSums: {
          'service-quality': 6,
          'service-facility': 7,
          'vehicle-pick-up': 8,
          'service-initiation': 5,
          'service-advisor': 6,
        },
        factorIndex: {
          'service-quality': 600,
          'service-facility': 700,
          'vehicle-pick-up': 800,
          'service-initiation': 500,
          'service-advisor': 600,
        },
        csi: 641,
        promoters: 0,
        passives: 0,
        detractors: 1,
        nps: -100,
      },
      {
        // ro-4 (10, 9, 9, 8, 10) and ro-7 (8, 8, 7, 9, 8): sums 18, 17, 16, 17, 18; indices = sum × 100 / 2.
        // 22×900 + 20×850 + 20×800 + 19×850 + 19×900 = 19800 + 17000 + 16000 + 16150 + 17100 = 86050 / 100 = 860.5 → 861.
        // 10 → promoter, 7 → passive: (1 − 0) / 2 = 50.
        ...common,
        month: '2026-03',
        surveys: 2,
        answerSums: {
          'service-quality': 18,
          'service-facility': 17,
          'vehicle-pick-up': 16,
          'service-initiation': 17,
          'service-advisor': 18,
        },
        factorIndex: {
          'service-quality': 900,
          'service-facility': 850,
          'vehicle-pick-up': 800,
          'service-initiation': 850,
          'service-advisor': 900,
        },
        csi: 861,
        promoters: 1,
        passives: 1,
        detractors: 0,
        nps: 50,
      },
      {
        // ro-11: 7, 9, 8, 8, 10; 154 + 180 + 160 + 152 + 190 = 836. 6 → detractor.
        ...common,
        month: '2026-07',
        surveys: 1,
        answerSums: {
          'service-quality': 7,
          'service-facility': 9,
          'vehicle-pick-up': 8,
          'service-initiation': 8,
          'service-advisor': 10,
        },
        factorIndex: {
          'service-quality': 700,
          'service-facility': 900,
          'vehicle-pick-up': 800,
          'service-initiation': 800,
          'service-advisor': 1000,
        },
        csi: 836,
        promoters: 0,
        passives: 0,
        detractors: 1,
        nps: -100,
      },
    ]);
  });

  it('computes retention and churn for several months, with the default window and with W = 3', async () => {
    // Settled months: V1 Jan, Apr, Jul; V2 Jan, Feb; V3 Feb, Aug; V4 Mar, Sep; V5 Mar.
    const six = await get(`/service/retention?dealerId=${DEALER}&from=2026-07&to=2026-10`);
    expect(six).toEqual({
      dealerId: DEALER,
      windowMonths: 6,
      window: 6,
      months: [
        // Base Jan: V1, V2. V1 back in Apr, V2 in Feb: 2 of 2.
        {
          month: '2026-07',
          windowMonths: 6,
          window: 6,
          baseMonth: '2026-01',
          base: 2,
          returned: 2,
          retention: 1,
          churn: 0,
        },
        // Base Feb: V2, V3 (ro-3, 1 Feb in Shanghai). Only V3 is back (Aug): 1 of 2.
        {
          month: '2026-08',
          windowMonths: 6,
          window: 6,
          baseMonth: '2026-02',
          base: 2,
          returned: 1,
          retention: 0.5,
          churn: 0.5,
        },
        // Base Mar: V4, V5. V4 back in Sep, V5 never: 1 of 2.
        {
          month: '2026-09',
          windowMonths: 6,
          window: 6,
          baseMonth: '2026-03',
          base: 2,
          returned: 1,
          retention: 0.5,
          churn: 0.5,
        },
        // Base Apr: V1, back in Jul.
        {
          month: '2026-10',
          windowMonths: 6,
          window: 6,
          baseMonth: '2026-04',
          base: 1,
          returned: 1,
          retention: 1,
          churn: 0,
        },
      ],
    });
    const three = await get(`/service/retention?dealerId=${DEALER}&from=2026-04&to=2026-06&windowMonths=3`);
    // `window`, the former name, still reads the same; both names with different values are refused.
    expect(await get(`/service/retention?dealerId=${DEALER}&from=2026-04&to=2026-06&window=3`)).toEqual(
      three,
    );
    const both = await api.request({
      method: 'GET',
      url: `/service/retention?dealerId=${DEALER}&from=2026-04&to=2026-06&windowMonths=3&window=6`,
    });
    expect([both.statusCode, both.json().errors[0].field]).toEqual([400, 'window']);
    expect(three.months.map((m: { windowMonths: number }) => m.windowMonths)).toEqual([3, 3, 3]);
    expect(three.months.map(({ windowMonths: _, ...m }: { windowMonths: number }) => m)).toEqual([
      // Base Jan: V1 (Apr), V2 (Feb) both back within Feb–Apr.
      { month: '2026-04', window: 3, baseMonth: '2026-01', base: 2, returned: 2, retention: 1, churn: 0 },
      // Base Feb: V2, V3; neither settles anything in Mar–May.
      { month: '2026-05', window: 3, baseMonth: '2026-02', base: 2, returned: 0, retention: 0, churn: 1 },
      // Base Mar: V4, V5; nothing in Apr–Jun.
      { month: '2026-06', window: 3, baseMonth: '2026-03', base: 2, returned: 0, retention: 0, churn: 1 },
    ]);
  });

  it('lists the lost vehicles as of a date for the callers', async () => {
    // As of 15 Sep 12:00, W = 6: lost when the last visit is before 15 Mar 12:00. V2 (20 Feb) only; V5's 25 Mar is after.
    const september = await get(`/service/lost-vehicles?dealerId=${DEALER}&asOf=2026-09-15T12:00:00%2B08:00`);
    expect(september).toEqual({
      asOf: '2026-09-15T04:00:00.000Z',
      windowMonths: 6,
      window: 6,
      cutoff: '2026-03-15T04:00:00.000Z',
      total: 1,
      limit: 50,
      offset: 0,
      items: [
        {
          dealerId: DEALER,
          vin: VINS.V2,
          plate: '沪A00002',
          customerId: 'cu-v2',
          lastSettledAt: '2026-02-20T15:00:00.000Z',
          visits: 2,
        },
      ],
    });
    // As of 5 Sep (cutoff 5 Mar): V4's visit of 10 Sep has not happened yet, its last is 3 Mar: lost too.
    const early = await get(`/service/lost-vehicles?dealerId=${DEALER}&asOf=2026-09-05T12:00:00%2B08:00`);
    expect(
      early.items.map((vehicle: { vin: string; lastSettledAt: string }) => [
        vehicle.vin,
        vehicle.lastSettledAt,
      ]),
    ).toEqual([
      [VINS.V2, '2026-02-20T15:00:00.000Z'],
      [VINS.V4, '2026-03-03T09:00:00.000Z'],
    ]);
    // As of 1 Oct (cutoff 1 Apr): V2 and V5.
    const october = await get(`/service/lost-vehicles?dealerId=${DEALER}&asOf=2026-10-01T12:00:00%2B08:00`);
    expect(october.items.map((vehicle: { vin: string }) => vehicle.vin)).toEqual([VINS.V2, VINS.V5]);
    // One page at a time, with the total of the whole list.
    const second = await get(
      `/service/lost-vehicles?dealerId=${DEALER}&asOf=2026-10-01T12:00:00%2B08:00&limit=1&offset=1`,
    );
    expect([
      second.total,
      second.limit,
      second.offset,
      second.items.map((v: { vin: string }) => v.vin),
    ]).toEqual([2, 1, 1, [VINS.V5]]);
  });

  it('lists the 3-day callbacks as due, overdue or completed', async () => {
    // Now is 12 Sep 12:00 in Shanghai. ro-10 settled 10 Sep 12:00 is due 13 Sep 12:00.
    const byState = async (state: string) =>
      (await get(`/service/callbacks?dealerId=${DEALER}&state=${state}`)).items.map(
        (item: { repairOrderId: string }) => item.repairOrderId,
      );
    expect(await byState('due')).toEqual(['ro-10']);
    expect(await byState('overdue')).toEqual(['ro-3', 'ro-5', 'ro-6', 'ro-8']);
    expect(await byState('completed')).toEqual(['ro-1', 'ro-2', 'ro-4', 'ro-7', 'ro-11']);
    // Overdue, two at a time: the third and fourth of ro-3, ro-5, ro-6, ro-8.
    const page = await get(`/service/callbacks?dealerId=${DEALER}&state=overdue&limit=2&offset=2`);
    expect([page.total, page.items.map((item: { repairOrderId: string }) => item.repairOrderId)]).toEqual([
      4,
      ['ro-6', 'ro-8'],
    ]);
    const {
      items: [ro10],
      ...due
    } = await get(`/service/callbacks?dealerId=${DEALER}&state=due`);
    expect(due).toEqual({ dealerId: DEALER, asOf: expect.any(String), total: 1, limit: 50, offset: 0 });
    expect(ro10).toMatchObject({
      settledAt: '2026-09-10T04:00:00.000Z',
      callbackDueAt: '2026-09-13T04:00:00.000Z',
    });
  });

  it('lists the vehicles due for maintenance by time or by mileage, whichever first', async () => {
    // V2: 20,000 km at 31 Jan 20:00, 21,000 km at 20 Feb 20:00: 50 km a day, so 7,500 km take 150 days:
    // 20 Feb + 150 days = 20 Jul 20:00 (12:00 UTC), before 20 Aug by time. On 15 Sep 12:00, 206⅔ days after the
    // last reading: 21,000 + 10,333 = 31,333 km. The others are due later (V5 by time on 25 Sep 11:00).
    const september = await get(
      `/service/maintenance-due?dealerId=${DEALER}&asOf=2026-09-15T12:00:00%2B08:00`,
    );
    expect(september).toEqual({
      asOf: '2026-09-15T04:00:00.000Z',
      intervalMonths: 6,
      intervalKm: 7500,
      months: 6,
      km: 7500,
      total: 1,
      limit: 50,
      offset: 0,
      items: [
        {
          dealerId: DEALER,
          vin: VINS.V2,
          plate: '沪A00002',
          customerId: 'cu-v2',
          lastServiceAt: '2026-02-20T15:00:00.000Z',
          lastMileageKm: 21_000,
          dueAt: '2026-07-20T12:00:00.000Z',
          dueBy: 'mileage',
          estimatedMileageKm: 31_333,
        },
      ],
    });
    // V5 has one reading only: due by time, 25 Sep 11:00 (03:00 UTC).
    const end = await get(`/service/maintenance-due?dealerId=${DEALER}&asOf=2026-09-30T12:00:00%2B08:00`);
    expect(
      end.items.map((v: { vin: string; dueAt: string; dueBy: string }) => [v.vin, v.dueAt, v.dueBy]),
    ).toEqual([
      [VINS.V2, '2026-07-20T12:00:00.000Z', 'mileage'],
      [VINS.V5, '2026-09-25T03:00:00.000Z', 'time'],
    ]);
    // 3 months or 20,000 km: V2 by time on 20 May 23:00 (mileage would take 400 days), V5 on 25 Jun 11:00.
    const custom = await get(
      `/service/maintenance-due?dealerId=${DEALER}&asOf=2026-09-15T12:00:00%2B08:00&intervalMonths=3&intervalKm=20000`,
    );
    expect(custom).toMatchObject({ intervalMonths: 3, intervalKm: 20_000, months: 3, km: 20_000 });
    // The former names `months` and `km` still read the same.
    expect(
      await get(
        `/service/maintenance-due?dealerId=${DEALER}&asOf=2026-09-15T12:00:00%2B08:00&months=3&km=20000`,
      ),
    ).toEqual(custom);
    expect(
      custom.items.map((v: { vin: string; dueAt: string; dueBy: string }) => [v.vin, v.dueAt, v.dueBy]),
    ).toEqual([
      [VINS.V2, '2026-05-20T15:00:00.000Z', 'time'],
      [VINS.V5, '2026-06-25T03:00:00.000Z', 'time'],
    ]);
  });
});
