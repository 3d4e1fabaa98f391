import { ClockWatcherRunner } from '../../src/infrastructure/watchers/clock-watcher-runner';
import { accepted, enrol, get, post, settleLoyalty, settleRepairOrder } from '../support/loyalty-api';
import { startTestApp, type TestApp, testClock } from '../support/test-app';

/*
 * Issue 13's two reproductions through the API: history synced on 2026-12-01, long after it happened,
 * with a sweep of the clock watchers before it arrives. Each must end as the same history sent in time.
 */
const NOW = '2026-12-01T02:00:00.000Z';
const PAID = { roType: 'paid-maintenance', payer: 'customer' };

describe('late history around a sweep ends as the history sent in time (issue 13 §1)', () => {
  const clock = testClock(NOW);
  let api: TestApp;
  const sweep = async (name: string) => {
    await settleLoyalty(api);
    await api.app.get(ClockWatcherRunner).sweep(name);
    await settleLoyalty(api);
  };

  beforeAll(async () => {
    api = await startTestApp({ clock });
  });
  afterAll(async () => {
    await api.close();
  });

  it('a complaint acknowledged, resolved and closed in October, synced after the sweep escalated it, stays at L1', async () => {
    await accepted(api, '/complaints', {
      complaintId: 'c-oct',
      dealerId: 'd-1',
      channel: 'hotline',
      category: 'service',
      severity: 'general',
      customer: { customerId: 'cu-oct', name: 'Wang Fang', phone: '13812345678' },
      description: 'brake noise',
      remedySought: 'free re-repair',
      occurredAt: '2026-10-08T09:00:00+08:00',
    });
    await sweep('complaint deadline');
    expect((await get(api, '/complaints/c-oct')).level).toBe('L3');

    const steps: Array<[string, object, string]> = [
      ['acknowledge', {}, '2026-10-08T14:00:00+08:00'],
      ['proposals', { remedyOffered: 'free re-repair' }, '2026-10-09T10:00:00+08:00'],
      ['proposals/response', { accepted: true }, '2026-10-09T11:00:00+08:00'],
      ['resolve', {}, '2026-10-10T10:00:00+08:00'],
      ['callback', { reached: true, satisfaction: 'satisfied' }, '2026-10-10T16:00:00+08:00'],
      ['close', {}, '2026-10-10T17:00:00+08:00'],
    ];
    for (const [step, body, occurredAt] of steps)
      await accepted(api, `/complaints/c-oct/${step}`, { ...body, occurredAt });
    await sweep('complaint deadline');

    const complaint = await get(api, '/complaints/c-oct');
    // Every step came before its deadline (ack by 10-09 09:00, resolve by 10-11 09:00, callback 24 h).
    expect(complaint).toMatchObject({ status: 'closed', level: 'L1', escalations: 0, breaches: [] });
    expect(complaint.firstAcknowledgement).toEqual({ at: '2026-10-08T06:00:00.000Z', onTime: true });
    const trail = await get(api, `/complaints/c-oct/trail?asOf=${NOW}`);
    expect(trail.levelChanges).toEqual([]);
    // No clock started on the day of the sync, and none stopped before it started.
    for (const entry of trail.clocks as Array<{ startedAt: string; stoppedAt: string | null }>) {
      expect(entry.startedAt < '2026-10-12').toBe(true);
      expect(entry.stoppedAt === null || entry.stoppedAt >= entry.startedAt).toBe(true);
    }
    // The auditor still sees that the sweep decided, and that the late acknowledgement withdrew it.
    const types = (trail.entries as Array<{ type: string; withdrawn: boolean }>).map((e) => [
      e.type,
      e.withdrawn,
    ]);
    expect(types.slice(0, 2)).toEqual([
      ['ComplaintFiled', false],
      ['ComplaintDeadlineMissed', true],
    ]);
    expect(types).toContainEqual(['ComplaintDecisionsWithdrawn', false]);
  });

  it('a member whose paid visit of 2025-12-08 is synced after a sweep lapsed them is active with 500 points', async () => {
    // Vehicle V1 belongs to cu-v1 (test/support/service-history.ts).
    await enrol(api, 'cu-v1', '2024-09-01T10:00:00+08:00');
    await settleRepairOrder(api, 'ro-2024', 'V1', '2024-10-05T12:00:00+08:00', {
      ...PAID,
      labourFen: 30_000,
      partsFen: 20_000,
    });
    await settleLoyalty(api);
    await sweep('loyalty expiry');
    // 18 months without a paid visit after 2024-10-05: lapsed on 2026-04-05, its 500 points forfeited.
    expect(await get(api, '/memberships/cu-v1')).toMatchObject({ status: 'lapsed', outstandingPoints: 0 });

    await settleRepairOrder(api, 'ro-2025', 'V1', '2025-12-08T12:00:00+08:00', {
      ...PAID,
      labourFen: 30_000,
      partsFen: 20_000,
    });
    await settleLoyalty(api);
    await sweep('loyalty expiry');
    // Active until 18 months after 2025-12-08; the 2024 lot (expired 2026-10-05) gone, the 2025 lot of 500 left.
    expect(await get(api, '/memberships/cu-v1')).toMatchObject({
      status: 'active',
      lapseDueAt: '2027-06-08T04:00:00.000Z',
      outstandingPoints: 500,
      spendablePoints: 500,
    });
    const ledger = await get(api, '/memberships/cu-v1/ledger');
    expect(
      ledger.items.map((line: { kind: string; points: number; at: string }) => [
        line.kind,
        line.points,
        line.at,
      ]),
    ).toEqual([
      ['earned', 500, '2024-10-05T04:00:00.000Z'],
      ['earned', 500, '2025-12-08T04:00:00.000Z'],
      ['expired', -500, '2026-10-05T04:00:00.000Z'],
    ]);
  });

  it('refuses a step dated before the last one with 422 and appends nothing', async () => {
    const head = await api.eventStore.headPosition();
    const response = await post(api, '/complaints/c-oct/reopen', {
      reason: 'noise is back',
      occurredAt: '2026-10-09T12:00:00+08:00',
    });
    expect([response.statusCode, response.json().code]).toEqual([422, 'COMPLAINT_FACT_OUT_OF_ORDER']);
    expect(await api.eventStore.headPosition()).toBe(head);
  });
});
