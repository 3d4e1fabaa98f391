import { cst, DEALER, marchScenario } from '../support/sales-month-scenario';
import { startTestApp, testClock, type TestApp } from '../support/test-app';

/**
 * March 2026 at dealer d-sh-01 (the table is in test/support/sales-month-scenario.ts), driven through the
 * HTTP API in the order it happened. Every funnel, worklist and SSI figure below is worked out by hand.
 */
type WorklistItem = { prospectId: string; consultantId: string; nextContactDue: string; overdue: boolean };
type Worklist = {
  consultants: { consultantId: string; due: number; overdue: number }[];
  items: WorklistItem[];
};
/** The follow-up worklist's page, its items under each consultant's counts. */
const byConsultant = ({ consultants, items }: Worklist) =>
  consultants.map((counts) => ({
    ...counts,
    prospects: items.filter((item) => item.consultantId === counts.consultantId),
  }));

describe('a month on the sales floor over HTTP', () => {
  const clock = testClock('2026-04-02T00:00:00.000Z');
  let api: TestApp;
  let scenario: ReturnType<typeof marchScenario>;
  const sales = () => scenario.sales;
  const saleOf = (id: string) => scenario.saleOf[id];
  const runUntil = (until: string) => scenario.runUntil(until);
  /** A worklist is today's (an earlier day is refused): read it with the wall clock on that day, as live. */
  const onTheDay = async <T>(at: string, read: () => Promise<T>): Promise<T> => {
    clock.set(at);
    try {
      return await read();
    } finally {
      clock.set('2026-04-02T00:00:00.000Z');
    }
  };

  beforeAll(async () => {
    api = await startTestApp({ clock });
    scenario = marchScenario(api);
  });
  afterAll(async () => {
    await api.close();
  });

  it('lists mid-month each consultant’s overdue follow-ups (as of 15 March 09:00)', async () => {
    await runUntil(cst('03-15 09:00'));
    // Open then: p03 (C, due 2 Apr), p05 (A: follow-up 8 Mar + 5 days = 13 Mar 10:00, sooner than the planned
    // 25 Mar), p08 (H: registered 7 Mar + 2 days = 9 Mar 10:00), p09 (B: needs analysis 9 Mar 10:30 + 7 =
    // 16 Mar 10:30, after today), p10 (C, 9 Apr), p12 (A: test drive 14 Mar 11:00 + 5 = 19 Mar, planned
    // 17 Mar 10:00). Due by the end of 15 March: p05 and p08, both overdue.
    const worklist = await onTheDay(cst('03-15 09:00'), () =>
      sales().get(`/prospects/worklist?dealerId=${DEALER}&asOf=${encodeURIComponent(cst('03-15 09:00'))}`),
    );
    expect(worklist.status).toBe(200);
    expect(worklist.body).toMatchObject({
      asOf: '2026-03-15T01:00:00.000Z',
      dueBefore: '2026-03-15T16:00:00.000Z',
    });
    expect(
      byConsultant(worklist.body).map(
        (c: {
          consultantId: string;
          due: number;
          overdue: number;
          prospects: Array<{ prospectId: string; nextContactDue: string }>;
        }) => [c.consultantId, c.due, c.overdue, c.prospects.map((p) => [p.prospectId, p.nextContactDue])],
      ),
    ).toEqual([
      ['sc-wu', 1, 1, [['p08', '2026-03-09T02:00:00.000Z']]],
      ['sc-zhou', 1, 1, [['p05', '2026-03-13T02:00:00.000Z']]],
    ]);
  });

  it('lists the 7-day callbacks due (as of 27 March 09:00)', async () => {
    await runUntil(cst('03-27 09:00'));
    // p01's callback was done 18 Mar and p04's on 21 Mar (after a miss on 20 Mar); p07, delivered 20 Mar 10:00,
    // is due 27 Mar 10:00 (02:00 UTC): due today, not yet overdue. p11's order was cancelled, never delivered.
    const callbacks = await onTheDay(cst('03-27 09:00'), () =>
      sales().get(
        `/vehicle-sales/callbacks?dealerId=${DEALER}&asOf=${encodeURIComponent(cst('03-27 09:00'))}`,
      ),
    );
    expect(callbacks.body.items).toEqual([
      expect.objectContaining({
        saleId: saleOf('p07'),
        callbackDueAt: '2026-03-27T02:00:00.000Z',
        overdue: false,
        callbackAttempts: 0,
      }),
    ]);
  });

  it('computes the March funnel of the dealer as worked out by hand', async () => {
    await runUntil('2026-04-02T00:00:00.000Z');
    // Furthest stages of the 15 March prospects: delivered p01 p04 p07; quoted p02 p11 (p11's order was
    // cancelled: a cancelled order is not a sale, docs/sales.md); test-driven p06 p12; presented p14;
    // needs-analysed p05 p09; registered p03 p08 p10 p13 p15.
    // reached: registered 15, needs 15 − 5 = 10, presented 10 − 2 = 8, test-driven 8 − 1 = 7 (p02, p04, p11
    // skipped it and count as passed), quoted 7 − 2 = 5, ordered 5 − 2 = 3, delivered 3.
    const funnel = await sales().get(`/sales/funnel?dealerId=${DEALER}&month=2026-03`);
    expect(funnel.status).toBe(200);
    expect(funnel.body).toEqual({
      dealerId: DEALER,
      month: '2026-03',
      filters: {},
      registered: 15,
      reached: {
        registered: 15,
        'needs-analysed': 10,
        presented: 8,
        'test-driven': 7,
        quoted: 5,
        ordered: 3,
        delivered: 3,
      },
      conversion: [
        { from: 'registered', to: 'needs-analysed', rate: 0.6667 }, // 10/15
        { from: 'needs-analysed', to: 'presented', rate: 0.8 }, // 8/10
        { from: 'presented', to: 'test-driven', rate: 0.875 }, // 7/8
        { from: 'test-driven', to: 'quoted', rate: 0.7143 }, // 5/7
        { from: 'quoted', to: 'ordered', rate: 0.6 }, // 3/5
        { from: 'ordered', to: 'delivered', rate: 1 }, // 3/3
      ],
      ordered: 3,
      delivered: 3,
      testDriven: 4, // p01, p06, p07, p12 drove
      closingRate: 0.2, // 3/15
      testDriveRate: 0.2667, // 4/15
      recordRate: 0.35, // walk-ins registered p01 p03 p06 p09 p11 p13 p14 = 7, over 20 groups
      walkInProspects: 7,
      walkInGroups: 20,
      lost: {
        total: 3, // p02, p06, p10 (p09 was reactivated)
        byReason: {
          price: 1,
          'bought-competitor-brand': 1,
          'bought-at-other-dealer': 0,
          'financing-declined': 0,
          postponed: 0,
          unreachable: 1,
          other: 0,
        },
        byStage: {
          registered: 1,
          'needs-analysed': 0,
          presented: 0,
          'test-driven': 1,
          quoted: 1,
          ordered: 0,
          delivered: 0,
        },
      },
      // H p08 p14; A p05 p11 (re-opened at its grade before the order) p12; B p13 p15; C p03 p09.
      openPipeline: { H: 2, A: 3, B: 2, C: 2, total: 9 },
      cancelledOrders: 1, // p11
      touches: 1, // p12 walked in again
    });
  });

  it('filters the funnel by consultant, model and channel', async () => {
    // sc-li holds p01 p02 p07 p09 p12 p13 (reassigned to sc-li) p15 = 7; ordered p01 p07; drove p01 p07 p12.
    const li = (await sales().get(`/sales/funnel?dealerId=${DEALER}&month=2026-03&consultantId=sc-li`)).body;
    expect(li).toMatchObject({
      filters: { consultantId: 'sc-li' },
      registered: 7,
      reached: { 'needs-analysed': 5, presented: 4, 'test-driven': 4, quoted: 3, ordered: 2, delivered: 2 },
      closingRate: 0.2857, // 2/7
      testDriveRate: 0.4286, // 3/7
      recordRate: null, // walk-in groups are not attributed to consultants
      lost: { total: 1, byReason: { price: 1 } },
      openPipeline: { H: 0, A: 1, B: 2, C: 1, total: 4 },
    });
    // Lavida: p01 p03 p04 p07 p09 p12 p14 p15 = 8; ordered p01 p04 p07.
    const lavida = (await sales().get(`/sales/funnel?dealerId=${DEALER}&month=2026-03&model=Lavida`)).body;
    expect(lavida).toMatchObject({
      registered: 8,
      ordered: 3,
      delivered: 3,
      closingRate: 0.375,
      recordRate: null,
    });
    // Walk-in: p01 p03 p06 p09 p11 p13 p14 = 7; ordered p01 (p11's order was cancelled); the record rate
    // still applies.
    const walkIn = (await sales().get(`/sales/funnel?dealerId=${DEALER}&month=2026-03&channel=walk-in`)).body;
    expect(walkIn).toMatchObject({ registered: 7, ordered: 1, closingRate: 0.1429, recordRate: 0.35 });
    // sc-wu's walk-ins: p03 p11 p14 = 3; none ordered (p11's order was cancelled).
    const wuWalkIn = (
      await sales().get(`/sales/funnel?dealerId=${DEALER}&month=2026-03&consultantId=sc-wu&channel=walk-in`)
    ).body;
    expect(wuWalkIn).toMatchObject({ registered: 3, ordered: 0, closingRate: 0, lost: { total: 0 } });
    // p16 registered 1 April 00:30 in Shanghai (31 March 16:30 UTC) belongs to April; no traffic logged then.
    const april = (await sales().get(`/sales/funnel?dealerId=${DEALER}&month=2026-04`)).body;
    expect(april).toMatchObject({ registered: 1, walkInProspects: 1, walkInGroups: 0, recordRate: null });
  });

  it('lists each consultant’s follow-ups due at the end of the month (as of 31 March 09:00)', async () => {
    // Open: p03 C (3 Mar + 30 = 2 Apr: not due), p05 A (13 Mar), p08 H (9 Mar), p09 C (reactivated 25 Mar + 30:
    // not due), p12 A (follow-up 27 Mar + 5 = 1 Apr, planned 31 Mar 15:00: due today, not overdue), p13 B
    // (16 Mar + 7 = 23 Mar), p14 H (presentation 20 Mar 11:00 + 2 = 22 Mar 11:00), p15 B (23 Mar + 7 = 30 Mar),
    // p11 A (re-opened when its sale was cancelled 18 Mar 10:00: a contact due then).
    const asOf = encodeURIComponent(cst('03-31 09:00'));
    const worklist = (
      await onTheDay(cst('03-31 09:00'), () =>
        sales().get(`/prospects/worklist?dealerId=${DEALER}&asOf=${asOf}`),
      )
    ).body;
    const rows = byConsultant(worklist).map(
      (c: {
        consultantId: string;
        due: number;
        overdue: number;
        prospects: Array<{ prospectId: string; nextContactDue: string; overdue: boolean }>;
      }) => [
        c.consultantId,
        c.due,
        c.overdue,
        c.prospects.map((p) => [p.prospectId, p.nextContactDue, p.overdue]),
      ],
    );
    expect(rows).toEqual([
      [
        'sc-li',
        3,
        2,
        [
          ['p13', '2026-03-23T02:00:00.000Z', true],
          ['p15', '2026-03-30T02:00:00.000Z', true],
          ['p12', '2026-03-31T07:00:00.000Z', false],
        ],
      ],
      [
        'sc-wu',
        3,
        3,
        [
          ['p08', '2026-03-09T02:00:00.000Z', true],
          ['p11', '2026-03-18T02:00:00.000Z', true],
          ['p14', '2026-03-22T03:00:00.000Z', true],
        ],
      ],
      ['sc-zhou', 1, 1, [['p05', '2026-03-13T02:00:00.000Z', true]]],
    ]);
    const li = (
      await onTheDay(cst('03-31 09:00'), () =>
        sales().get(`/prospects/worklist?dealerId=${DEALER}&consultantId=sc-li&asOf=${asOf}`),
      )
    ).body;
    expect(li.consultants.map((c: { consultantId: string }) => c.consultantId)).toEqual(['sc-li']);
    // Two at a time: the page holds the next two contacts; the counts stay those of the whole list.
    const page = (
      await onTheDay(cst('03-31 09:00'), () =>
        sales().get(`/prospects/worklist?dealerId=${DEALER}&asOf=${asOf}&limit=2&offset=2`),
      )
    ).body;
    expect([
      page.total,
      page.items.map((p: { prospectId: string }) => p.prospectId),
      page.consultants.map((c: { due: number }) => c.due),
    ]).toEqual([7, ['p12', 'p08'], [3, 3, 1]]);
  });

  it('computes SSI for March with its weight set and NPS as worked out by hand', async () => {
    // Surveys: p01 (10, 9, 8, 9, 10; recommend 10), p04 (8, 7, 6, 8, 9; recommend 6), p07 (9, 8, 7, 10, 9; 9).
    // Sums 27, 24, 21, 27, 28 over 3: factor indices 900, 800, 700, 900, 933.33 (2800 / 3, to two decimals).
    // Weighted: (23×27 + 21×24 + 20×21 + 19×27 + 17×28) / 3 = (621 + 504 + 420 + 513 + 476) / 3 = 2534 / 3
    // = 844.67 → 845. NPS: 2 promoters, 1 detractor of 3 = 33.333… → 33.33.
    const ssi = await sales().get(`/sales/ssi/monthly?dealerId=${DEALER}&month=2026-03`);
    expect(ssi.body).toEqual([
      {
        dealerId: DEALER,
        month: '2026-03',
        weightSetVersion: 'ssi-jdp-cn-2015',
        weights: {
          'delivery-process': 23,
          'sales-initiation': 21,
          deal: 20,
          'dealer-facility': 19,
          salesperson: 17,
        },
        surveys: 3,
        answerSums: {
          'delivery-process': 27,
          'sales-initiation': 24,
          deal: 21,
          'dealer-facility': 27,
          salesperson: 28,
        },
        factorIndex: {
          'delivery-process': 900,
          'sales-initiation': 800,
          deal: 700,
          'dealer-facility': 900,
          salesperson: 933.33,
        },
        weightedIndex: 845,
        promoters: 2,
        passives: 0,
        detractors: 1,
        nps: 33.33,
      },
    ]);
    const callbacks = await onTheDay(cst('03-31 09:00'), () =>
      sales().get(
        `/vehicle-sales/callbacks?dealerId=${DEALER}&asOf=${encodeURIComponent(cst('03-31 09:00'))}`,
      ),
    );
    expect(callbacks.body.items).toEqual([]);
  });

  it('shows traffic, prospects and sales to integrators, newest first, with filters and paging', async () => {
    const traffic = (await sales().get(`/showroom-traffic?dealerId=${DEALER}&month=2026-03`)).body;
    expect(traffic).toEqual([
      {
        dealerId: DEALER,
        month: '2026-03',
        groups: 20,
        days: {
          '2026-03-02': 5,
          '2026-03-03': 3,
          '2026-03-05': 2,
          '2026-03-09': 2,
          '2026-03-11': 3,
          '2026-03-16': 2,
          '2026-03-20': 3,
        },
      },
    ]);

    const page = (await sales().get(`/prospects?dealerId=${DEALER}&month=2026-03&limit=5`)).body;
    expect([page.total, page.items.map((p: { prospectId: string }) => p.prospectId)]).toEqual([
      15,
      ['p15', 'p14', 'p13', 'p12', 'p11'],
    ]);
    // `cohortMonth`, the former name of `month`, still reads the same; nobody registered in December 2025.
    expect((await sales().get(`/prospects?dealerId=${DEALER}&cohortMonth=2026-03&limit=5`)).body).toEqual(
      page,
    );
    expect((await sales().get(`/prospects?dealerId=${DEALER}&month=2025-12`)).body.total).toBe(0);
    const lost = (await sales().get(`/prospects?dealerId=${DEALER}&status=lost`)).body;
    expect(lost.items.map((p: { prospectId: string }) => p.prospectId)).toEqual(['p10', 'p06', 'p02']);
    const p12 = await sales().get('/prospects/p12');
    // registered, touched, presented, test drive booked and done, follow-up planned, two follow-ups: revision 7.
    expect(p12.headers.etag).toBe('"7"');
    expect(p12.body).toMatchObject({
      touches: 1,
      followUps: 2,
      channel: 'phone',
      testDrive: { drivenAt: '2026-03-14T03:00:00.000Z' },
    });

    const all = (await sales().get(`/vehicle-sales?dealerId=${DEALER}`)).body;
    expect(all.items.map((s: { prospectId: string }) => s.prospectId)).toEqual(['p11', 'p07', 'p01', 'p04']);
    const p04 = await sales().get(`/vehicle-sales/${saleOf('p04')}`);
    expect(p04.body).toMatchObject({
      status: 'delivered',
      priceFen: 14_400_000,
      vin: 'LSVAA4182E2100004',
      deliveredOnTime: false, // promised 14 Mar 18:00, delivered 15 Mar 10:00
      callbackAttempts: 2,
      callbackOnTime: true, // due 22 Mar 10:00, reached 21 Mar
      customer: { name: '客户 p04', phone: '13912340004' },
    });
    const delivered = (await sales().get(`/vehicle-sales?dealerId=${DEALER}&status=delivered`)).body;
    expect(delivered.total).toBe(3);
    const byVin = (await sales().get('/vehicle-sales?vin=LSVAA4182E2100007')).body;
    expect(byVin.items.map((s: { prospectId: string }) => s.prospectId)).toEqual(['p07']);
  });
});
