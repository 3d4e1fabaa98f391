import { join } from 'node:path';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { runCrm } from '../support/compiled-cli';
import { complaintHistory, writeComplaintHistory } from '../support/complaint-history';
import { tempDir } from '../support/projection-fixtures';

// Each command is a child process (test/support/compiled-cli.ts): slow on a busy machine.
jest.setTimeout(240_000);

const crm = (dataDir: string, args: readonly string[]) => runCrm(dataDir, args, { LOG_LEVEL: 'silent' });

/** The 8 complaints of test/support/complaint-history.ts (14 events), with no read model built. */
describe('crm refuses what it cannot answer, and says when the read models are not current', () => {
  const data = tempDir('crm-checks-');
  afterAll(() => data.remove());

  beforeAll(async () => {
    const events = SqliteEventStore.open(join(data.dir, 'events.sqlite'));
    expect(await writeComplaintHistory(events, 8, 1)).toBe(14);
    await events.close();
  });

  it('refuses to export an unknown collection, naming the known ones', () => {
    const unknown = crm(data.dir, ['export', 'nope']);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^nope is neither a projection nor a collection: known projections are /);
    expect(unknown.stderr).toMatch(/complaint-details/);
    expect(unknown.stderr).not.toMatch(/rows/);
  });

  it('refuses a malformed month or instant, naming the option and the form, instead of reading zeros', () => {
    const month = crm(data.dir, ['kpi', 'complaint-compliance', '--dealer', 'd-0', '--month', '2024-1']);
    expect(month.status).toBe(2);
    expect(month.stdout).toBe('');
    expect(month.stderr).toMatch(/--month 2024-1 is not a month: use YYYY-MM/);
    const range = crm(data.dir, [
      'kpi',
      'retention',
      '--dealer',
      'd-0',
      '--from-month',
      '2026-3',
      '--to-month',
      '2026-04',
    ]);
    expect(range.status).toBe(2);
    expect(range.stderr).toMatch(/--from-month 2026-3 is not a month: use YYYY-MM/);
    const asOf = crm(data.dir, ['kpi', 'churn', '--dealer', 'd-0', '--as-of', '2024-1']);
    expect(asOf.status).toBe(2);
    expect(asOf.stderr).toMatch(/--as-of 2024-1 is not an ISO instant/);
  });

  it('warns on stderr when a KPI reads a read model never built or behind the events, and still prints it', async () => {
    // Never built: the 8 complaints are not in the read model yet, the figures are zeros.
    const never = crm(data.dir, ['kpi', 'complaint-compliance', '--dealer', 'd-0', '--month', '2026-03']);
    expect(never.status).toBe(0);
    expect(JSON.parse(never.stdout)).toEqual([]);
    expect(never.stderr).toBe(
      'warning: read model complaint-details was never built (14 events not read): run "crm projections rebuild complaint-details"\n',
    );

    expect(crm(data.dir, ['projections', 'rebuild', 'complaint-details', '--no-progress']).status).toBe(0);
    const current = crm(data.dir, ['kpi', 'complaint-compliance', '--dealer', 'd-0', '--month', '2026-03']);
    expect(current.stderr).toBe('');
    expect(JSON.parse(current.stdout)).toEqual([
      expect.objectContaining({ filed: 8, acknowledged: 6, acknowledgedOnTime: 4 }),
    ]);

    // Complaints 8 and 9 filed after the rebuild (positions 15 and 16): the read model is 2 behind.
    const events = SqliteEventStore.open(join(data.dir, 'events.sqlite'));
    for (const {
      streamId,
      events: [filed],
    } of complaintHistory(10, 1).slice(8))
      await events.appendToStream(streamId, [filed], 'no_stream');
    await events.close();
    const behind = crm(data.dir, ['kpi', 'complaint-compliance', '--dealer', 'd-0', '--month', '2026-03']);
    expect(behind.status).toBe(0);
    expect(behind.stderr).toMatch(
      /^warning: read model complaint-details is behind the event store \(2 events not read, the oldest unread is \d+ ms old\): run "crm projections rebuild complaint-details"/,
    );
    expect(JSON.parse(behind.stdout)).toEqual([expect.objectContaining({ filed: 8 })]);
  });
});
