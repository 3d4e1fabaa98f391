import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCrm } from '../support/compiled-cli';
import { tempDir } from '../support/projection-fixtures';
import { startTestApp } from '../support/test-app';

const EXAMPLES = join(__dirname, '..', '..', 'docs', 'examples');
const crm = (dataDir: string, ...args: string[]) => runCrm(dataDir, args, { LOG_LEVEL: 'silent' }, 120_000);
const eventCount = (dataDir: string): number => {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  const { count } = db.prepare('SELECT COUNT(*) AS count FROM events').get() as { count: number };
  db.close();
  return count;
};

describe('crm import', () => {
  jest.setTimeout(240_000);
  it('imports the example files, appends nothing the second time, exits 3 naming a refused row', async () => {
    const data = tempDir('crm-import-');
    try {
      const first = crm(data.dir, 'import', join(EXAMPLES, 'import.jsonl'), '--as', 'ops-li');
      expect(first.stderr).toMatch(/^import: 27 rows in [\d.]+ s: 27 appended/m);
      expect(first.status).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({ rows: 27, appended: 27, skipped: 0, refused: 0 });
      const events = eventCount(data.dir);

      const again = crm(data.dir, 'import', join(EXAMPLES, 'import.jsonl'));
      expect(again.status).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ rows: 27, appended: 0, skipped: 27, refused: 0 });
      expect(eventCount(data.dir)).toBe(events);

      // CSV, one row a line: an enrolment and 1,200 points carried over.
      const csv = crm(data.dir, 'import', join(EXAMPLES, 'import-members.csv'));
      expect(csv.status).toBe(0);
      expect(JSON.parse(csv.stdout)).toMatchObject({ rows: 2, appended: 2, refused: 0 });

      const bad = join(data.dir, 'bad.jsonl');
      writeFileSync(
        bad,
        [
          '{"type":"membership.AdjustPoints","customerId":"cu-imp-4","adjustmentId":"adj-x","delta":50,"reason":"fix","occurredAt":"2025-03-01T10:00:00+08:00"}',
          'not json',
        ].join('\n'),
      );
      const refused = crm(data.dir, 'import', bad);
      expect(refused.status).toBe(3);
      const report = JSON.parse(refused.stdout) as { appended: number; refusedRows: unknown[] };
      expect(report.appended).toBe(1);
      expect(report.refusedRows).toEqual([expect.objectContaining({ line: 2, code: 'ROW_UNREADABLE' })]);

      const usage = crm(data.dir, 'import', join(data.dir, 'missing.jsonl'));
      expect(usage.status).toBe(2);
      expect(usage.stderr).toMatch(/cannot read/);
      expect(crm(data.dir, 'import', '--help').stdout).toMatch(/3 some rows\s+refused/);

      // The API process projects what the CLI imported: 5,000 − 1,000 = 4,000 points; 1,200 + 50 = 1,250.
      const api = await startTestApp({ dataDir: data.dir });
      try {
        await api.settle();
        const member = await api.request({ method: 'GET', url: '/memberships/cu-imp-3' });
        expect(member.json()).toMatchObject({ outstandingPoints: 4000 });
        const csvMember = await api.request({ method: 'GET', url: '/memberships/cu-imp-4' });
        expect(csvMember.json()).toMatchObject({ outstandingPoints: 1250 });
        const prospect = await api.request({ method: 'GET', url: '/prospects/p-imp-1' });
        expect(prospect.json()).toMatchObject({ registeredBy: 'import:ops-li', status: 'ordered' });
      } finally {
        await api.close({ keepData: true });
      }
    } finally {
      data.remove();
    }
  });
});
