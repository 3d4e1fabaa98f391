import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ProjectionRunner } from '../../src/infrastructure/projections/projection-runner';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { COMPLAINT_PROJECTIONS } from '../support/projection-fixtures';
import { writeComplaintHistory } from '../support/complaint-history';
import { runnerDeps, snapshotReadModels, tempDir } from '../support/projection-fixtures';

const CHILD = join(__dirname, '..', 'support', 'projector-child.ts');

/** A real process, killed with SIGKILL by itself at the fault point when `fault` is given. */
const runProjector = (eventsFile: string, readFile: string, mode: string, fault?: string) =>
  spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', CHILD, eventsFile, readFile, mode, '10'],
    {
      env: { ...process.env, ...(fault ? { CRM_FAULT_INJECT: fault } : {}) },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );

/**
 * Document positions and checkpoints as the killed process left them on disk, per projection: the two
 * runners commit in turn (they share their reads of the log), so the kill lands in one of them.
 */
const onDisk = (readFile: string) => {
  const db = new Database(readFile, { readonly: true });
  try {
    return COMPLAINT_PROJECTIONS.map((projection) => {
      const checkpoint = db
        .prepare<[string], { position: number }>('SELECT position FROM _checkpoints WHERE name = ?')
        .get(`projection:${projection.name}@v${projection.version}`);
      const newestDoc = db
        .prepare<[], { position: number | null }>(
          `SELECT MAX(position) AS position FROM rm_${projection.collection}_v${projection.version}`,
        )
        .get();
      return { checkpoint: checkpoint?.position ?? 0, newestDoc: newestDoc?.position ?? 0 };
    });
  } finally {
    db.close();
  }
};

describe('a projector killed between the read-model write and the checkpoint', () => {
  const temp = tempDir('crm-crash-');
  const eventsFile = temp.file('events.sqlite');
  let expected: Record<string, unknown[]>;

  beforeAll(async () => {
    const eventStore = SqliteEventStore.open(eventsFile);
    await writeComplaintHistory(eventStore, 40, 2);
    const clean = SqliteReadStore.open(temp.file('clean.sqlite'));
    const deps = runnerDeps(eventStore, clean);
    const events = await eventStore.readAll({ after: 0, limit: 10_000 });
    for (const projection of COMPLAINT_PROJECTIONS) {
      const runner = new ProjectionRunner(deps, projection);
      await clean.ensureCollection(`${projection.collection}_v${projection.version}`, projection.indexes);
      await runner.handleBatch(events);
    }
    expected = await snapshotReadModels(clean, COMPLAINT_PROJECTIONS);
    await Promise.all([eventStore.close(), clean.close()]);
  });
  afterAll(() => temp.remove());

  it.each([
    ['transaction', 'documents and checkpoint commit together: the kill rolls both back'],
    ['position-guard', 'documents commit first: the guard skips them when the batch is replayed'],
  ])('recovers with no double count when checkpoints are kept by %s (%s)', async (mode) => {
    const readFile = temp.file(`read-${mode}.sqlite`);
    const killed = runProjector(eventsFile, readFile, mode, 'read-store:after-docs-before-checkpoint@4');
    expect(killed.signal).toBe('SIGKILL');

    const left = onDisk(readFile);
    if (mode === 'position-guard') {
      // The crash left documents newer than their checkpoint: the case that would count twice without the guard.
      expect(left.some(({ newestDoc, checkpoint }) => newestDoc > checkpoint)).toBe(true);
    } else {
      expect(left.every(({ newestDoc, checkpoint }) => newestDoc <= checkpoint)).toBe(true);
    }

    const restarted = runProjector(eventsFile, readFile, mode);
    expect(restarted.stderr).toBe('');
    expect(restarted.status).toBe(0);

    const readStore = SqliteReadStore.open(readFile);
    expect(await snapshotReadModels(readStore, COMPLAINT_PROJECTIONS)).toEqual(expected);
    const sla = await readStore.find('complaint_sla_monthly_v1', {}, { sort: [['dealerId', 1]] });
    expect(sla.map((doc) => [doc.dealerId, doc.filed, doc.acknowledged, doc.acknowledgedOnTime])).toEqual([
      ['d-0', 20, 20, 10],
      ['d-1', 20, 10, 10],
    ]);
    await readStore.close();
  });
});
