import { runCrm } from '../support/compiled-cli';
import { tempDir } from '../support/projection-fixtures';
import { DEALER, driveServiceHistory } from '../support/service-history';
import { startTestApp, testClock } from '../support/test-app';

// Each command is a child process (test/support/compiled-cli.ts): slow on a busy machine.
jest.setTimeout(240_000);

const crm = (dataDir: string, args: readonly string[]) => runCrm(dataDir, args, { LOG_LEVEL: 'silent' });

/**
 * The nine months of test/support/service-history.ts, driven through the API into a data directory, read
 * back by `crm kpi workshop`. March 2026, by hand from its table: ro-4 and ro-7 opened, ro-4 from an
 * appointment (1 of 2); standard hours 3.4 against 3.1 clocked (3.4 / 3.1 = 1.0968); paid revenue
 * 50,000 + 125,000 (ro-4) + 15,000 + 8,000 (ro-7) = 198,000 fen over 2 paid orders, 99,000 fen a ticket.
 * February: ro-3 (settled 00:30 on 1 February in Shanghai) and ro-5 settled, ro-5 a rework of ro-2: 1 of 2.
 */
describe('crm kpi workshop', () => {
  const data = tempDir('crm-workshop-');
  afterAll(() => data.remove());

  beforeAll(async () => {
    const api = await startTestApp({ clock: testClock('2026-09-12T04:00:00.000Z'), dataDir: data.dir });
    await driveServiceHistory(api);
    await api.close();
  }, 120_000);

  it('reads the workshop month through the API query: rework, efficiency, appointments, ticket', () => {
    const rebuilt = crm(data.dir, ['projections', 'rebuild', 'service-workshop-monthly', '--no-progress']);
    expect(rebuilt.status).toBe(0);
    const march = crm(data.dir, ['kpi', 'workshop', '--dealer', DEALER, '--month', '2026-03']);
    expect(march.stderr).toBe('');
    expect(march.status).toBe(0);
    expect(JSON.parse(march.stdout)).toEqual([
      expect.objectContaining({
        dealerId: DEALER,
        month: '2026-03',
        opened: 2,
        openedFromAppointment: 1,
        appointmentRate: 0.5,
        standardHours: 3.4,
        actualHours: 3.1,
        technicianEfficiency: 1.0968,
        paidRevenueFen: 198_000,
        averageTicketFen: 99_000,
      }),
    ]);

    const february = crm(data.dir, [
      'kpi',
      'workshop',
      '--dealer',
      DEALER,
      '--month',
      '2026-02',
      '--format',
      'csv',
    ]);
    expect(february.status).toBe(0);
    const [header, row, ...rest] = february.stdout.split('\r\n');
    expect(rest).toEqual(['']);
    const cells = Object.fromEntries(header.split(',').map((name, index) => [name, row.split(',')[index]]));
    expect(cells).toMatchObject({ month: '2026-02', settled: '2', reworkSettled: '1', reworkRate: '0.5' });

    expect(crm(data.dir, ['kpi', '--help']).stdout).toMatch(
      /workshop\s+service workshop per dealer and month/,
    );
  });
});
