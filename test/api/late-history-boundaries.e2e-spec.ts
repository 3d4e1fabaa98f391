import { ClockWatcherRunner } from '../../src/infrastructure/watchers/clock-watcher-runner';
import { paidVisit } from '../support/business-time-members';
import { enrol, get } from '../support/loyalty-api';
import { startTestApp, type TestApp, testClock } from '../support/test-app';

/*
 * Counterexamples the business-time property (business-time.property.e2e-spec.ts) found, shrunk and
 * replayed through the API: a fact dated exactly when something falls due, sent once before the sweep
 * that records the due decision and once after it, must end the same.
 */
const NOW = '2026-12-01T02:00:00.000Z';

describe('facts at the very instant something falls due end the same, sweep or no sweep (issue 13 §1)', () => {
  const clock = testClock(NOW);
  let api: TestApp;
  const sweep = async (name: string) => {
    await api.settle();
    await api.app.get(ClockWatcherRunner).sweep(name);
    await api.settle();
  };
  const visit = async (customerId: string, index: number, at: string, spendFen: number) => {
    expect(await paidVisit(customerId, index, 'd-1', spendFen, at)(api)).toBe('200');
  };

  beforeAll(async () => {
    api = await startTestApp({ clock });
  });
  afterAll(async () => {
    await api.close();
  });

  it('lists a visit on the day a lot expires after the expiry, whether the sweep recorded it first or not', async () => {
    // 100 RMB on 2024-03-01 earns lot-1 of 100, expiring 24 months on, 2026-03-01T02:00Z; the visit of
    // 2025-08-01 keeps the membership active (lapse due 2027-02-01); the third visit falls on lot-1's expiry.
    const ledgers: unknown[] = [];
    for (const [customerId, sweptFirst] of [
      ['cu-in-time', false],
      ['cu-swept', true],
    ] as const) {
      await enrol(api, customerId, '2024-01-01T02:00:00.000Z');
      await visit(customerId, 1, '2024-03-01T02:00:00.000Z', 10_000);
      await visit(customerId, 2, '2025-08-01T02:00:00.000Z', 10_000);
      if (sweptFirst) await sweep('loyalty expiry');
      await visit(customerId, 3, '2026-03-01T02:00:00.000Z', 5_000);
      await sweep('loyalty expiry');
      const ledger = await get(api, `/memberships/${customerId}/ledger`);
      ledgers.push(
        ledger.items.map((line: { kind: string; points: number; at: string; lotId: string }) => [
          line.kind,
          line.points,
          line.at,
          line.lotId,
        ]),
      );
    }
    // A lot cannot be spent at its expiry instant: it expired at that instant, before the visit there.
    const expected = [
      ['earned', 100, '2024-03-01T02:00:00.000Z', 'lot-1'],
      ['earned', 100, '2025-08-01T02:00:00.000Z', 'lot-2'],
      ['expired', -100, '2026-03-01T02:00:00.000Z', 'lot-1'],
      ['earned', 50, '2026-03-01T02:00:00.000Z', 'lot-3'],
    ];
    expect(ledgers).toEqual([expected, expected]);
  });
});
