import { rmSync } from 'node:fs';
import { saleIdOf } from '../../src/application/sales/order-prospect.handler';
import { runCrm } from '../support/compiled-cli';
import { prospectBody, salesApi, settleSales } from '../support/sales-api';
import { startTestApp, testClock } from '../support/test-app';

// Child processes (test/support/compiled-cli.ts): a deadline for a loaded machine, as the other CLI tests have.
jest.setTimeout(240_000);

const crm = (dataDir: string, args: readonly string[]) => runCrm(dataDir, args, { LOG_LEVEL: 'silent' });

/**
 * Two vehicles of d-sh-01 delivered on 2 and 3 March 2026 (CST): their 7-day calls are due on 9 and 10
 * March. The first is reached on the sale's callback route on 9 March, the second is not called. By hand,
 * as of 31 March: due 2, completed 1, open 1, success 1 ÷ 2 = 0.5; as of 9 March 12:00 CST only the first is
 * due (and reached at 10:00): 1 ÷ 1 = 1.
 */
describe('crm kpi callback-success', () => {
  it('reads the success rate through the API’s own handler, as of an instant, and names a missing --month', async () => {
    const api = await startTestApp({ clock: testClock('2026-04-05T00:00:00.000Z') });
    const sales = salesApi(api);
    const february = (time: string) => `2026-02-10T${time}:00+08:00`;
    for (const [n, day] of [
      [1, '02'],
      [2, '03'],
    ] as const) {
      const prospectId = `p-cb-${n}`;
      expect(
        (
          await sales.register({
            ...prospectBody(prospectId, `1390000000${n}`),
            occurredAt: february('08:00'),
          })
        ).status,
      ).toBe(201);
      await sales.orderOn(prospectId, february, '2026-03-31T10:00:00+08:00');
      await sales.deliver(saleIdOf(prospectId), `LSVCB000000000${n}00`, {
        settled: february('12:00'),
        delivered: `2026-03-${day}T10:00:00+08:00`,
      });
    }
    expect(
      (
        await sales.sale(saleIdOf('p-cb-1'), 'callback', {
          reached: true,
          occurredAt: '2026-03-09T10:00:00+08:00',
        })
      ).status,
    ).toBe(200);
    await settleSales(api);
    await api.close({ keepData: true });

    const read = crm(api.dataDir, [
      'kpi',
      'callback-success',
      '--month',
      '2026-03',
      '--as-of',
      '2026-03-31T23:00:00+08:00',
    ]);
    expect([read.status, read.stderr]).toEqual([0, '']);
    expect(JSON.parse(read.stdout).dealers).toEqual([
      expect.objectContaining({ dealerId: 'd-sh-01', due: 2, completed: 1, open: 1, successRate: 0.5 }),
    ]);
    const early = crm(api.dataDir, [
      'kpi',
      'callback-success',
      '--month',
      '2026-03',
      '--as-of',
      '2026-03-09T12:00:00+08:00',
    ]);
    expect(JSON.parse(early.stdout).dealers[0]).toMatchObject({ due: 1, completed: 1, successRate: 1 });
    const missing = crm(api.dataDir, ['kpi', 'callback-success']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--month/);
    rmSync(api.dataDir, { recursive: true, force: true });
  });
});
