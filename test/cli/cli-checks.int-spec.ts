import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { writeComplaintHistory } from '../support/complaint-history';
import { tempDir } from '../support/projection-fixtures';

// Each command is a child process started with ts-node: slow on a busy machine.
jest.setTimeout(240_000);

const CLI = join(__dirname, '..', '..', 'src', 'cli', 'main.ts');
const crm = (dataDir: string, args: readonly string[]) =>
  spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', CLI, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 60_000,
  });

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
});
