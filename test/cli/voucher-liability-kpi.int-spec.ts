import { accepted, enrol } from '../support/loyalty-api';
import { runCrm } from '../support/compiled-cli';
import { tempDir } from '../support/projection-fixtures';
import { startTestApp, testClock } from '../support/test-app';

// Each command is a child process (test/support/compiled-cli.ts): slow on a busy machine.
jest.setTimeout(240_000);

const crm = (dataDir: string, args: readonly string[]) => runCrm(dataDir, args, { LOG_LEVEL: 'silent' });

/**
 * cu-1 of d-sh-01 enrols on 5 Jan 2026 (CST), is credited 2,000 points by hand on 1 Feb and buys V-1
 * (1,200 points, 12,000 fen, expires 1 Jun) and V-2 (500 points, 5,000 fen, expires 1 Jul) on 2 Feb; V-1 is
 * redeemed on 1 Mar. By hand: as of 15 Feb both are out, 2 and 12,000 + 5,000 = 17,000 fen; as of 15 Mar
 * V-2 only, 1 and 5,000 fen.
 */
describe('crm kpi voucher-liability', () => {
  const data = tempDir('crm-voucher-liability-');
  afterAll(() => data.remove());

  beforeAll(async () => {
    const api = await startTestApp({ clock: testClock('2026-04-01T10:00:00+08:00'), dataDir: data.dir });
    await enrol(api, 'cu-1', '2026-01-05T10:00:00+08:00');
    await accepted(api, '/memberships/cu-1/adjustments', {
      adjustmentId: 'adj-1',
      delta: 2_000,
      reason: 'welcome',
      occurredAt: '2026-02-01T10:00:00+08:00',
    });
    for (const [voucherCode, points, valueFen, expiresAt] of [
      ['V-1', 1_200, 12_000, '2026-06-01T00:00:00+08:00'],
      ['V-2', 500, 5_000, '2026-07-01T00:00:00+08:00'],
    ] as const)
      await accepted(api, '/memberships/cu-1/vouchers', {
        voucherCode,
        points,
        valueFen,
        expiresAt,
        occurredAt: '2026-02-02T10:00:00+08:00',
      });
    await accepted(api, '/memberships/cu-1/vouchers/V-1/redeem', {
      repairOrderId: 'ro-1',
      dealerId: 'd-sh-01',
      occurredAt: '2026-03-01T10:00:00+08:00',
    });
    await api.settle();
    await api.close();
  }, 120_000);

  it('rebuilds loyalty-vouchers and reads the liability at past instants through the API query', () => {
    const rebuilt = crm(data.dir, ['projections', 'rebuild', 'loyalty-vouchers', '--no-progress']);
    expect(rebuilt.status).toBe(0);
    const at = (asOf: string) => {
      const read = crm(data.dir, ['kpi', 'voucher-liability', '--dealer', 'd-sh-01', '--as-of', asOf]);
      expect([read.status, read.stderr]).toEqual([0, '']);
      return JSON.parse(read.stdout);
    };
    expect(at('2026-02-15T00:00:00+08:00')).toEqual([
      {
        dealerId: 'd-sh-01',
        asOf: '2026-02-14T16:00:00.000Z',
        outstandingVouchers: 2,
        outstandingValueFen: 17_000,
      },
    ]);
    expect(at('2026-03-15T00:00:00+08:00')).toEqual([
      expect.objectContaining({ outstandingVouchers: 1, outstandingValueFen: 5_000 }),
    ]);
  });
});
