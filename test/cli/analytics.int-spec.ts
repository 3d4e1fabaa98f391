import Database from 'better-sqlite3';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { ALL_PROJECTIONS } from '../../src/application/features';
import { physicalCollection } from '../../src/projections/shared/projection';
import { runCrm } from '../support/compiled-cli';
import { writeComplaintHistory } from '../support/complaint-history';
import { tempDir } from '../support/projection-fixtures';

// Each command is a child process (test/support/compiled-cli.ts): slow on a busy machine.
jest.setTimeout(240_000);

const crm = (dataDir: string, args: readonly string[], env: Record<string, string> = {}) =>
  runCrm(dataDir, args, { LOG_LEVEL: 'silent', ...env });

/** RFC 4180 rows: quoted cells may hold commas, doubled quotes and line breaks. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
};

/** Every document of every projection, in id order, as the readers see them. */
const readModels = async (file: string) => {
  const store = SqliteReadStore.open(file);
  const all: Record<string, unknown[]> = {};
  for (const projection of ALL_PROJECTIONS) {
    const docs: unknown[] = [];
    for await (const doc of store.stream(physicalCollection(projection), {})) docs.push(doc);
    all[projection.name] = docs;
  }
  await store.close();
  return all;
};

/*
 * The scenario (test/support/complaint-history.ts) with 8 complaints at one dealer d-0: complaint i is filed
 * on March (1 + i) 2026 at 02:00 UTC; all filings are appended first (positions 1-8), then the
 * acknowledgements (positions 9-14) of i = 0, 1, 2, 4, 5, 6: 2 hours after filing (on time) except i = 2
 * and 6, acknowledged 30 hours after filing (late).
 *
 * Live: filed 8, acknowledged 6, on time 4 (i = 0, 1, 4, 5).
 * As of 2026-03-04 (before 2026-03-04T16:00Z, the end of that day in UTC+8): filed i = 0..3 (4);
 * acknowledged i = 0 (Mar 1 04:00Z), 1 (Mar 2 04:00Z), 2 (Mar 4 08:00Z, late): 3, on time 2.
 * Up to position 8: the 8 filings and no acknowledgement.
 */
describe('crm projections, replay, export and kpi', () => {
  const data = tempDir('crm-analytics-');
  afterAll(() => data.remove());

  beforeAll(async () => {
    const events = SqliteEventStore.open(join(data.dir, 'events.sqlite'));
    expect(await writeComplaintHistory(events, 8, 1)).toBe(14);
    await events.close();
  });

  it('rebuilds blue/green, lists the new live generation and reads the KPI', () => {
    const rebuilt = crm(data.dir, ['projections', 'rebuild', '--all', '--no-progress']);
    expect(rebuilt.stderr).toBe('');
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout).toMatch(/done: 14\/14 events/);
    expect(rebuilt.stdout).toMatch(/switched: complaint-details, complaint-sla-monthly/);

    const listed = crm(data.dir, ['projections', 'list', '--json']);
    expect(listed.status).toBe(0);
    const details = JSON.parse(listed.stdout).find(
      (row: { name: string }) => row.name === 'complaint-details',
    );
    expect(details).toMatchObject({
      state: 'running',
      live: { version: 3, generation: 1, collection: 'complaints_v3_g1', checkpoint: 14 },
      building: null,
      lag: { events: 0 },
    });
    expect(crm(data.dir, ['projections', 'list']).stdout).toMatch(
      /complaint-details\s+3\s+running\s+v3\/g1@14/,
    );

    const kpi = crm(data.dir, ['kpi', 'complaint-compliance', '--dealer', 'd-0', '--month', '2026-03']);
    expect(kpi.status).toBe(0);
    expect(JSON.parse(kpi.stdout)).toEqual([
      expect.objectContaining({
        dealerId: 'd-0',
        month: '2026-03',
        filed: 8,
        acknowledged: 6,
        acknowledgedOnTime: 4,
      }),
    ]);

    // All 8 complaints of d-0 came in on the hotline, in March.
    const channels = crm(data.dir, ['kpi', 'complaint-channels', '--dealer', 'd-0']);
    expect(channels.status).toBe(0);
    expect(JSON.parse(channels.stdout)).toEqual([
      { dealerId: 'd-0', month: '2026-03', channel: 'hotline', filed: 8 },
    ]);
  });

  it('replays as of a date into a scratch directory without touching the live read models', async () => {
    const liveFile = join(data.dir, 'read-models.sqlite');
    const before = await readModels(liveFile);
    const scratch = join(data.dir, 'march-4');
    const replay = crm(data.dir, ['replay', '--as-of', '2026-03-04', '--out', scratch, '--no-progress']);
    expect(replay.stderr).toBe('');
    expect(replay.status).toBe(0);
    expect(JSON.parse(readFileSync(join(scratch, 'replay.json'), 'utf8'))).toMatchObject({
      asOf: '2026-03-04',
      included: 'occurredAt before 2026-03-04T16:00:00.000Z (end of 2026-03-04, UTC+8)',
    });
    const asOf = crm(data.dir, [
      'kpi',
      'complaint-compliance',
      '--from',
      scratch,
      '--dealer',
      'd-0',
      '--month',
      '2026-03',
    ]);
    expect(JSON.parse(asOf.stdout)).toEqual([
      expect.objectContaining({ filed: 4, acknowledged: 3, acknowledgedOnTime: 2 }),
    ]);
    expect(await readModels(liveFile)).toEqual(before);

    const upTo = join(data.dir, 'position-8');
    expect(crm(data.dir, ['replay', '--up-to-position', '8', '--out', upTo, '--no-progress']).status).toBe(0);
    const filingsOnly = crm(data.dir, ['kpi', 'complaint-compliance', '--from', upTo, '--format', 'csv']);
    const [header, row, ...rest] = parseCsv(filingsOnly.stdout);
    expect(rest).toEqual([]);
    const cells = Object.fromEntries(header.map((name, index) => [name, row[index]]));
    expect(cells).toMatchObject({ dealerId: 'd-0', month: '2026-03', filed: '8', acknowledged: '0' });
  });

  it('exports a scratch read model as CSV and a live one as JSON, filtered', () => {
    const scratch = join(data.dir, 'march-4');
    const out = join(data.dir, 'complaints.csv');
    const exported = crm(data.dir, [
      'export',
      'complaint-details',
      '--from',
      scratch,
      '--format',
      'csv',
      '--where',
      'dealerId=d-0',
      '--out',
      out,
    ]);
    expect(exported.status).toBe(0);
    expect(exported.stderr).toBe('4 rows of complaints_v3\n');
    const [columns, ...rows] = parseCsv(readFileSync(out, 'utf8'));
    const id = columns.indexOf('complaintId');
    const acknowledgedAt = columns.indexOf('firstAcknowledgement.at');
    expect(rows.map((row) => row[id])).toEqual(['c-00000', 'c-00001', 'c-00002', 'c-00003']);
    expect(acknowledgedAt).toBeGreaterThan(-1);
    expect(rows.map((row) => row[acknowledgedAt])).toEqual([
      '2026-03-01T04:00:00.000Z',
      '2026-03-02T04:00:00.000Z',
      '2026-03-04T08:00:00.000Z',
      '',
    ]);

    const json = crm(data.dir, ['export', 'complaints', '--format', 'json', '--where', 'level=L3']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).map((doc: { complaintId: string }) => doc.complaintId)).toEqual([
      'c-00000',
    ]);

    const wrong = crm(data.dir, ['export', 'complaint-details', '--format', 'xml']);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/--format xml is not csv or json/);
    const noReplay = crm(data.dir, ['kpi', 'ssi', '--from', join(data.dir, 'nowhere')]);
    expect(noReplay.status).toBe(1);
    expect(noReplay.stderr).toMatch(/holds no replay/);
  });

  it('resumes a rebuild killed part-way, and the result equals an uninterrupted one', async () => {
    const crashed = tempDir('crm-crashed-');
    const clean = tempDir('crm-clean-');
    try {
      for (const dir of [crashed.dir, clean.dir])
        cpSync(join(data.dir, 'events.sqlite'), join(dir, 'events.sqlite'));
      const small = ['projections', 'rebuild', 'complaint-details', 'complaint-sla-monthly', '--no-progress'];
      // In one thread, so the fifth commit of the process is the one killed (each worker thread would
      // count its own); the rerun resumes over two worker threads.
      const killed = crm(crashed.dir, [...small, '--batch-size', '2', '--commit-every', '2'], {
        CRM_FAULT_INJECT: 'read-store:after-docs-before-checkpoint@5',
        REBUILD_WORKERS: '1',
      });
      expect(killed.signal).toBe('SIGKILL');
      const listed = JSON.parse(crm(crashed.dir, ['projections', 'list', '--json']).stdout);
      const details = listed.find((row: { name: string }) => row.name === 'complaint-details');
      expect(details.state).toBe('rebuilding');
      expect(details.live).toMatchObject({ generation: 0 });
      expect(details.building).toMatchObject({ generation: 1 });
      expect(details.building.checkpoint).toBeGreaterThan(0);
      expect(details.building.checkpoint).toBeLessThan(14);

      const resumed = crm(crashed.dir, [...small, '--batch-size', '2', '--commit-every', '2'], {
        REBUILD_WORKERS: '2',
      });
      expect(resumed.status).toBe(0);
      // Resumed from the building generation's checkpoint, not from the first event.
      expect(resumed.stdout).toMatch(/done: (\d+)\/\1 events/);
      expect(resumed.stdout).not.toMatch(/done: 14\/14 events/);
      expect(crm(clean.dir, small).status).toBe(0);

      const [afterCrash, uninterrupted] = await Promise.all([
        readModels(join(crashed.dir, 'read-models.sqlite')),
        readModels(join(clean.dir, 'read-models.sqlite')),
      ]);
      expect(afterCrash['complaint-details']).toHaveLength(8);
      expect(afterCrash).toEqual(uninterrupted);
      // The grace passed inside the command: the generation the rebuild replaced is gone.
      const db = new Database(join(crashed.dir, 'read-models.sqlite'), { readonly: true });
      const tables = db
        .prepare<[], { name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm_complaints%'",
        )
        .all()
        .map((table) => table.name);
      db.close();
      expect(tables).toEqual(['rm_complaints_v3_g1']);
    } finally {
      crashed.remove();
      clean.remove();
    }
  });

  it('explains every command with --help', () => {
    for (const command of [
      ['projections', 'list'],
      ['projections', 'rebuild'],
      ['replay'],
      ['export'],
      ['kpi'],
    ]) {
      const help = crm(data.dir, [...command, '--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/^Usage: crm /);
    }
    const kpiHelp = crm(data.dir, ['kpi', '--help']).stdout;
    expect(kpiHelp).toMatch(/complaint-compliance\s+SLA compliance/);
    expect(kpiHelp).toMatch(/complaint-channels\s+complaints filed in a month per channel/);
  });
});
