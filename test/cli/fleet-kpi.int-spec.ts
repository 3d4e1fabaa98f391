import { rmSync } from 'node:fs';
import { runCrm } from '../support/compiled-cli';
import { command, DEALER, runRepairOrder, VINS } from '../support/service-history';
import { startTestApp, testClock } from '../support/test-app';

// Child processes (test/support/compiled-cli.ts): a deadline for a loaded machine, as the other CLI tests have.
jest.setTimeout(240_000);

const crm = (dataDir: string, args: readonly string[]) => runCrm(dataDir, args, { LOG_LEVEL: 'silent' });

/**
 * Account fa-1 at d-sh-01 opened 03-01, V1 registered 03-03; ro-c1 on V1 settled 03-10 12:00 CST, paid by the
 * customer, 30 000 + 20 000 = 50 000 fen. By hand, for March: vehicles 1, repair orders 1, spend 50 000;
 * for February: the account had nothing, so vehicles 0 and repair orders 0.
 */
describe('crm kpi fleet-account', () => {
  it('reads the KPIs through the API’s own handler, and names the missing --account', async () => {
    const api = await startTestApp({ clock: testClock('2026-04-05T00:00:00.000Z') });
    await command(api, '/fleet/accounts', {
      accountId: 'fa-1',
      dealerId: DEALER,
      companyName: '申通物流',
      accountManagerId: 'sc-wang',
      occurredAt: '2026-03-01T09:00:00+08:00',
    });
    await command(api, '/fleet/accounts/fa-1/vehicles', {
      vin: VINS.V1,
      occurredAt: '2026-03-03T09:00:00+08:00',
    });
    await runRepairOrder(api, {
      id: 'ro-c1',
      vehicle: 'V1',
      checkInAt: '2026-03-10T09:00:00+08:00',
      mileageKm: 10_000,
      labour: [['OIL-CHG', 0.5]],
      clocked: [['OIL-CHG', 't-zhao', 0.5]],
      settleAt: '2026-03-10T12:00:00+08:00',
      roType: 'paid-repair',
      payer: 'customer',
      labourFen: 30_000,
      partsFen: 20_000,
    });
    await api.settle();
    await api.close({ keepData: true });

    const march = crm(api.dataDir, ['kpi', 'fleet-account', '--account', 'fa-1', '--month', '2026-03']);
    expect([march.status, march.stderr]).toEqual([0, '']);
    expect(JSON.parse(march.stdout)).toMatchObject({
      accountId: 'fa-1',
      month: '2026-03',
      vehicles: 1,
      repairOrders: 1,
      serviceSpendFen: 50_000,
      settledTotalFen: 50_000,
    });
    const february = crm(api.dataDir, ['kpi', 'fleet-account', '--account', 'fa-1', '--month', '2026-02']);
    expect(JSON.parse(february.stdout)).toMatchObject({ vehicles: 0, repairOrders: 0, serviceSpendFen: 0 });
    const missing = crm(api.dataDir, ['kpi', 'fleet-account']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--account/);
    rmSync(api.dataDir, { recursive: true, force: true });
  });
});
