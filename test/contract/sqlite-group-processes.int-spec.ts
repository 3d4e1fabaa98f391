import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { tempDir } from '../support/projection-fixtures';
import { newEvent } from './event-store.contract';

const CHILD = join(__dirname, '..', 'support', 'group-append-child.ts');

type Exit = Readonly<{ out: string; err: string; code: number | null; signal: NodeJS.Signals | null }>;

const runChild = (args: readonly string[]) =>
  new Promise<Exit>((resolve) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', CHILD, ...args]);
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code, signal) => resolve({ out, err, code, signal }));
  });

describe('SQLite group commit across processes', () => {
  const temp = tempDir('crm-group-processes-');
  afterAll(() => temp.remove());

  it('keeps the write lock for a whole group: two processes racing for the same streams each commit their group as one, one wins every shared stream', async () => {
    const file = temp.file('race.sqlite');
    const store = SqliteEventStore.open(file);
    for (const n of [0, 1, 2, 3, 4])
      await store.appendToStream(`shared-${n}`, [newEvent('Opened')], 'no_stream');
    const goFile = temp.file('go');
    const racers = [runChild(['race', file, 'L', goFile]), runChild(['race', file, 'R', goFile])];
    // Both children are started and polling; release them together.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    writeFileSync(goFile, 'go');
    const exits = await Promise.all(racers);
    for (const exit of exits) expect(exit).toMatchObject({ code: 0, err: '' });
    const [left, right] = exits.map(
      (exit) => JSON.parse(exit.out) as { outcomes: string[]; commits: Array<Record<string, number>> },
    );
    // Each process's ten appends were one transaction. The one that took the lock first landed all ten
    // (5 own events + 5 x 2 shared = 15 events); the other then found every shared stream at revision 2.
    const winner = left.commits[0].landed === 10 ? 'L' : 'R';
    const [won, lost] = winner === 'L' ? [left, right] : [right, left];
    expect(won.commits).toEqual([{ appends: 10, landed: 10, events: 15 }]);
    expect(lost.commits).toEqual([{ appends: 10, landed: 5, events: 5 }]);
    expect(lost.outcomes).toEqual([...Array(5).fill('landed'), ...Array(5).fill('conflict')]);
    for (const n of [0, 1, 2, 3, 4])
      expect((await store.readStream(`shared-${n}`)).map((event) => event.type)).toEqual([
        'Opened',
        `${winner}1`,
        `${winner}2`,
      ]);
    // 5 opened + 15 + 5 = 25 events at positions 1..25, each process's group in one block.
    const log = await store.readAll({ after: 0, limit: 100 });
    expect(log.map((event) => event.globalPosition)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    const loser = winner === 'L' ? 'R' : 'L';
    const blocks = log.slice(5).map((event) => (event.type.startsWith(winner) ? winner : loser));
    expect([
      [...Array(15).fill(winner), ...Array(5).fill(loser)],
      [...Array(5).fill(loser), ...Array(15).fill(winner)],
    ]).toContainEqual(blocks);
    await store.close();
  });

  it('keeps nothing of a group whose process is killed before its commit, and everything of the group acknowledged before', async () => {
    const file = temp.file('crash.sqlite');
    const exit = await runChild(['crash', file]);
    expect(exit).toMatchObject({ out: 'acked\n', signal: 'SIGKILL' });
    const check = new Database(file, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
    const store = SqliteEventStore.open(file);
    const log = await store.readAll({ after: 0, limit: 100 });
    expect(log.map((event) => [event.streamId, event.globalPosition])).toEqual([
      ['acked-a', 1],
      ['acked-b', 2],
      ['acked-c', 3],
    ]);
    // The killed group left no position behind: the next append takes 4.
    await expect(store.appendToStream('after-crash', [newEvent('Next')], 'no_stream')).resolves.toEqual({
      nextExpectedRevision: 0,
      lastPosition: 4,
    });
    await store.close();
  });
});
