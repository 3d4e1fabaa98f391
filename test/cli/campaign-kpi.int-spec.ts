import { rmSync } from 'node:fs';
import { runCrm } from '../support/compiled-cli';
import { prospectBody, salesApi, settleSales } from '../support/sales-api';
import { startTestApp, testClock } from '../support/test-app';

// Child processes (test/support/compiled-cli.ts): a deadline for a loaded machine, as the other CLI tests have.
jest.setTimeout(240_000);

const json = { 'content-type': 'application/json' };
const crm = (dataDir: string, args: readonly string[]) => runCrm(dataDir, args, { LOG_LEVEL: 'silent' });

/**
 * Campaign cmp-1 (period 2026-03-01..03-15 CST, dealer d-sh-01) with one cost line of 300,000 fen, and
 * prospects registered with it on 03-05 (inside) and 03-20 (outside): by hand, 1 prospect, 0 leads,
 * 0 orders, cost 300,000, cost per prospect 300,000 / 1 = 300,000, per lead and per sale null.
 * By channel over March (the span 03-01..03-31 overlaps cmp-1's period): the same figures, one row, social.
 */
describe('crm kpi campaign-effect', () => {
  it('reads the effect through the API’s own handler, and names the missing --campaign', async () => {
    const api = await startTestApp({ clock: testClock('2026-04-05T00:00:00.000Z') });
    const oem = { ...json, ...(await api.as({ role: 'oem-staff', userId: 'oem-zhao' })) };
    const post = (url: string, payload: object) =>
      api.request({ method: 'POST', url, headers: oem, payload });
    expect(
      (
        await post('/campaigns', {
          campaignId: 'cmp-1',
          title: 'Spring weekend',
          channel: 'social',
          period: { from: '2026-03-01', to: '2026-03-15' },
          dealerIds: ['d-sh-01'],
          budgetFen: 500_000,
          occurredAt: '2026-02-25T09:00:00+08:00',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await post('/campaigns/cmp-1/cost-lines', {
          amountFen: 300_000,
          dealerId: 'd-sh-01',
          note: 'ads',
          occurredAt: '2026-03-02T09:00:00+08:00',
        })
      ).statusCode,
    ).toBe(200);
    const sales = salesApi(api);
    for (const [id, phone, at] of [
      ['p-in', '13900000001', '2026-03-05T10:00:00+08:00'],
      ['p-out', '13900000002', '2026-03-20T10:00:00+08:00'],
    ] as const)
      expect(
        (await sales.register({ ...prospectBody(id, phone, { campaignId: 'cmp-1' }), occurredAt: at }))
          .status,
      ).toBe(201);
    await settleSales(api);
    await api.close({ keepData: true });

    const read = crm(api.dataDir, ['kpi', 'campaign-effect', '--campaign', 'cmp-1']);
    expect([read.status, read.stderr]).toEqual([0, '']);
    expect(JSON.parse(read.stdout)).toMatchObject({
      campaignId: 'cmp-1',
      leads: 0,
      prospects: 1,
      orders: 0,
      costFen: 300_000,
      costPerLeadFen: null,
      costPerProspectFen: 300_000,
      costPerSaleFen: null,
    });
    const byChannel = crm(api.dataDir, [
      'kpi',
      'campaign-effect-by-channel',
      '--from-month',
      '2026-03',
      '--to-month',
      '2026-03',
    ]);
    expect([byChannel.status, byChannel.stderr]).toEqual([0, '']);
    expect(JSON.parse(byChannel.stdout)).toMatchObject({
      span: { from: '2026-03-01', to: '2026-03-31' },
      campaigns: 1,
      prospects: 1,
      costFen: 300_000,
      byChannel: [{ channel: 'social', campaignIds: ['cmp-1'], prospects: 1, costPerProspectFen: 300_000 }],
    });
    const missing = crm(api.dataDir, ['kpi', 'campaign-effect']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--campaign/);
    rmSync(api.dataDir, { recursive: true, force: true });
  });
});
