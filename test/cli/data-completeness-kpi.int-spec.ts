import { rmSync } from 'node:fs';
import { runCrm } from '../support/compiled-cli';
import { prospectBody, salesApi } from '../support/sales-api';
import { startTestApp, testClock } from '../support/test-app';

// Child processes (test/support/compiled-cli.ts): a deadline for a loaded machine, as the other CLI tests have.
jest.setTimeout(240_000);

/**
 * Two prospects of d-sh-01, one with a model of interest of blanks: by hand, against the default set
 * (version 0), records 2, complete 1, rate 1 ÷ 2 = 0.5, modelOfInterest missing 1. A prospect of d-bj-02
 * is left out by --dealer.
 */
describe('crm kpi data-completeness', () => {
  it('reads the report through the API’s own function, for one dealer', async () => {
    const api = await startTestApp({ clock: testClock('2026-04-05T00:00:00.000Z') });
    const sales = salesApi(api);
    const at = '2026-04-01T10:00:00+08:00';
    for (const body of [
      prospectBody('p-k1', '13900000301'),
      prospectBody('p-k2', '13900000302', { modelOfInterest: '  ' }),
      prospectBody('p-k3', '13900000303', { dealerId: 'd-bj-02' }),
    ])
      expect((await sales.register({ ...body, occurredAt: at })).status).toBe(201);
    await api.settle();
    await api.close({ keepData: true });

    const read = runCrm(api.dataDir, ['kpi', 'data-completeness', '--dealer', 'd-sh-01'], {
      LOG_LEVEL: 'silent',
    });
    expect([read.status, read.stderr]).toEqual([0, '']);
    const prospects = JSON.parse(read.stdout).recordTypes.find(
      (block: { recordType: string }) => block.recordType === 'prospect',
    );
    expect(prospects.requiredFields).toMatchObject({ version: 0 });
    expect(prospects.dealers).toEqual([
      expect.objectContaining({
        dealerId: 'd-sh-01',
        records: 2,
        complete: 1,
        completenessRate: 0.5,
        missing: expect.arrayContaining([{ field: 'modelOfInterest', records: 1 }]),
      }),
    ]);
    rmSync(api.dataDir, { recursive: true, force: true });
  });
});
