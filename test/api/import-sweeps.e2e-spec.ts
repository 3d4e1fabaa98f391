import { ClockWatcherRunner } from '../../src/infrastructure/watchers/clock-watcher-runner';
import { startTestApp, type TestApp, testClock } from '../support/test-app';
import { business } from '../support/business-view';

/*
 * Issue 16 §4: "an import mixed with live sweeps gives the in-order result". The project withdraws late
 * automatic decisions by compensation instead of holding the clocks back by a business-time watermark
 * (docs/architecture.md, "Business time decides"), so there is no watermark for the import to advance:
 * what it must show is that the same file, imported in parts with the deadline and loyalty watchers sweeping
 * between them at a wall clock later than the facts, ends in the same records and KPIs as the whole file
 * imported in business-time order with one sweep at the end, and that every row gets the same outcome.
 */
const NOW = '2026-12-01T02:00:00.000Z';
const clock = testClock(NOW);
const json = { 'content-type': 'application/json' };
const DEALER = 'd-imp-sw';

/** A complaint closed late in its clocks, one left open, a member whose late redemption undoes a lapse. */
const ROWS: Record<string, unknown>[] = [
  {
    type: 'membership.EnrollMember',
    customerId: 'cu-sw1',
    cardNumber: 'C-SW1',
    homeDealerId: DEALER,
    occurredAt: '2025-01-05T02:00:00Z',
  },
  {
    type: 'membership.AdjustPoints',
    customerId: 'cu-sw1',
    adjustmentId: 'adj-sw1',
    delta: 800,
    reason: 'carried over',
    occurredAt: '2025-01-05T03:00:00Z',
  },
  {
    type: 'membership.RedeemPoints',
    customerId: 'cu-sw1',
    redemptionId: 'rd-sw1',
    points: 300,
    gift: 'car wash',
    occurredAt: '2025-11-01T02:00:00Z',
  },
  // No paid visit since enrolment: the member lapses 18 months after it, on 2026-07-05 (a sweep after
  // that forfeits the points); this redemption, dated before, arrives after such a sweep in the late run.
  {
    type: 'membership.RedeemPoints',
    customerId: 'cu-sw1',
    redemptionId: 'rd-sw2',
    points: 200,
    gift: 'floor mats',
    occurredAt: '2026-07-01T02:00:00Z',
  },
  {
    type: 'membership.AdjustPoints',
    customerId: 'cu-sw1',
    adjustmentId: 'adj-sw2',
    delta: 100,
    reason: 'goodwill',
    occurredAt: '2026-08-01T02:00:00Z',
  },
  {
    type: 'complaint.FileComplaint',
    complaintId: 'c-sw1',
    dealerId: DEALER,
    channel: 'hotline',
    category: 'service',
    severity: 'general',
    customer: { customerId: 'cu-sw2', name: 'Wang Fang', phone: '13812345678' },
    description: 'brake noise',
    remedySought: 'free re-repair',
    occurredAt: '2026-09-01T01:00:00Z',
  },
  {
    type: 'complaint.AcknowledgeComplaint',
    complaintId: 'c-sw1',
    note: 'called back',
    occurredAt: '2026-09-02T12:00:00Z',
  },
  {
    type: 'complaint.ProposeResolution',
    complaintId: 'c-sw1',
    remedyOffered: 'free re-repair',
    occurredAt: '2026-09-04T01:00:00Z',
  },
  {
    type: 'complaint.RecordResolutionResponse',
    complaintId: 'c-sw1',
    accepted: true,
    occurredAt: '2026-09-04T05:00:00Z',
  },
  { type: 'complaint.ResolveComplaint', complaintId: 'c-sw1', occurredAt: '2026-09-05T01:00:00Z' },
  {
    type: 'complaint.RecordCallback',
    complaintId: 'c-sw1',
    reached: true,
    satisfaction: 'satisfied',
    occurredAt: '2026-09-20T01:00:00Z',
  },
  { type: 'complaint.CloseComplaint', complaintId: 'c-sw1', occurredAt: '2026-09-20T02:00:00Z' },
  {
    type: 'complaint.FileComplaint',
    complaintId: 'c-sw2',
    dealerId: DEALER,
    channel: 'web',
    category: 'product',
    severity: 'major',
    customer: { customerId: 'cu-sw3', name: 'Li Lei', phone: '13812345679' },
    description: 'rattle',
    remedySought: 'repair',
    occurredAt: '2026-10-01T01:00:00Z',
  },
  { type: 'complaint.AcknowledgeComplaint', complaintId: 'c-sw2', occurredAt: '2026-10-01T03:00:00Z' },
];

/** The file split by business time, and the wall clock of the sweep after each part (later than its facts). */
const PARTS: ReadonlyArray<{ until: string; sweepAt: string }> = [
  { until: '2025-12-31T00:00:00Z', sweepAt: '2026-09-01T00:00:00Z' },
  { until: '2026-09-02T00:00:00Z', sweepAt: NOW },
  { until: NOW, sweepAt: NOW },
];

const sweep = async (api: TestApp, at: string) => {
  await api.settle();
  clock.set(at);
  const runner = api.app.get(ClockWatcherRunner);
  await runner.sweep('complaint deadline');
  await runner.sweep('loyalty expiry');
  clock.set(NOW);
  await api.settle();
};

type Refused = { type: string; recordId: string; occurredAt: string; code: string };
const importRows = async (api: TestApp, rows: unknown[]) => {
  const response = await api.request({
    method: 'POST',
    url: '/admin/imports',
    headers: json,
    payload: { rows },
  });
  expect(response.statusCode).toBe(200);
  const { refusedRows } = response.json() as { refusedRows: Refused[] };
  return refusedRows.map(
    ({ type, recordId, occurredAt, code }) => `${type} ${recordId} ${occurredAt} ${code}`,
  );
};

const observe = async (api: TestApp) => {
  const seen: Record<string, unknown> = {};
  const urls = [
    '/complaints/c-sw1',
    '/complaints/c-sw2',
    `/complaints/c-sw1/trail?asOf=${NOW}`,
    `/complaints/c-sw2/trail?asOf=${NOW}`,
    '/memberships/cu-sw1',
    '/memberships/cu-sw1/ledger?limit=200',
    `/complaints/compliance?dealerId=${DEALER}&month=2026-09`,
    `/complaints/compliance?dealerId=${DEALER}&month=2026-10`,
    `/complaints/worklist?dealerId=${DEALER}&limit=200`,
    `/complaints/sla/monthly?dealerId=${DEALER}`,
    `/loyalty/liability?dealerId=${DEALER}`,
    `/loyalty/tiers?dealerId=${DEALER}`,
  ];
  for (const url of urls) {
    const response = await api.request({ method: 'GET', url });
    seen[url] = { status: response.statusCode, body: business(response.json()) };
  }
  return seen;
};

describe('an import mixed with live sweeps gives the in-order result (issue 16 §4)', () => {
  let inOrder: TestApp;
  let late: TestApp;
  beforeAll(async () => {
    [inOrder, late] = await Promise.all([startTestApp({ clock }), startTestApp({ clock })]);
  });
  afterAll(async () => {
    await Promise.all([inOrder.close(), late.close()]);
  });

  it('gives the same complaints, memberships, ledgers, KPIs and row outcomes', async () => {
    const refusedInOrder = await importRows(inOrder, ROWS);
    await sweep(inOrder, NOW);

    const refusedLate: string[] = [];
    let from = -Infinity;
    for (const { until, sweepAt } of PARTS) {
      const part = ROWS.filter((row) => {
        const at = Date.parse(String(row.occurredAt));
        return at > from && at <= Date.parse(until);
      });
      from = Date.parse(until);
      refusedLate.push(...(await importRows(late, part)));
      await sweep(late, sweepAt);
    }

    expect(refusedLate.sort()).toEqual(refusedInOrder.sort());
    const [expected, actual] = [await observe(inOrder), await observe(late)];
    expect(actual).toEqual(expected);

    // And the sweeps did decide something the late facts had to withdraw, so the comparison is not empty:
    // the late run's member stream holds a withdrawal (the lapse of 2026-07-05, undone by the redemption
    // dated 2026-07-01 that arrived after it was swept).
    const stream = await late.eventStore.readStream('membership-cu-sw1');
    expect(stream.map((event) => event.type)).toContain('MembershipDecisionsWithdrawn');
    expect(stream.map((event) => event.type)).toEqual([
      'MembershipEnrolled',
      'PointsAdjusted',
      'PointsRedeemed',
      'MembershipLapsed', // the sweep at 2026-09-01, dated when it fell due
      'MembershipDecisionsWithdrawn', // the redemption of 2026-07-01, late for it
      'PointsRedeemed',
      'MembershipLapsed', // the next sweep records the lapse again
    ]);
    // Both redemptions stand and the lapse forfeits the rest: 800 − 300 − 200 = 300 forfeited, 0 left; the
    // goodwill adjustment dated after the lapse is refused (MEMBERSHIP_LAPSED) in both runs.
    const ledger = await late.request({ method: 'GET', url: '/memberships/cu-sw1/ledger?limit=200' });
    const lines = (ledger.json() as { items: Array<{ kind: string; points: number; at: string }> }).items;
    expect(lines.map(({ kind, points }) => [kind, points])).toEqual([
      ['adjusted', 800],
      ['redeemed', -300],
      ['redeemed', -200],
      ['forfeited', -300],
    ]);
    expect(refusedInOrder).toEqual([
      'membership.AdjustPoints cu-sw1 2026-08-01T02:00:00.000Z MEMBERSHIP_LAPSED',
    ]);
  });
});
