/**
 * Group commit in a process of its own (test/contract/sqlite-group-processes.int-spec.ts).
 * - `race <events.sqlite> <label> <go-file>`: once the go file exists, submits in one turn ten appends: one
 *   event to each of five streams of its own (`<label>-0`…), two events to each of `shared-0`…`shared-4` at
 *   revision 0. Prints `{ outcomes, commits }`: each append's `landed`/`conflict`, and the store's commits.
 * - `crash <events.sqlite>`: commits a group of three appends and prints `acked`, then submits a group of
 *   four whose third append kills the process (SIGKILL) while its events are being written, before the
 *   group's commit.
 * Usage: node -r ts-node/register/transpile-only group-append-child.ts <mode> <events.sqlite> [label go-file]
 */
import { existsSync } from 'node:fs';
import { WrongExpectedRevisionError } from '../../src/application/ports/event-store.port';
import { SqliteEventStore, type StoreCommit } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { newEvent } from '../contract/event-store.contract';

const [mode, file, label, goFile] = process.argv.slice(2);

const race = async () => {
  const commits: StoreCommit[] = [];
  const store = SqliteEventStore.open(file, { onCommit: (commit) => commits.push(commit) });
  while (!existsSync(goFile)) await new Promise((resolve) => setTimeout(resolve, 1));
  const appends = [
    ...[0, 1, 2, 3, 4].map((n) => store.appendToStream(`${label}-${n}`, [newEvent(`${label}`)], 'no_stream')),
    ...[0, 1, 2, 3, 4].map((n) =>
      store.appendToStream(`shared-${n}`, [newEvent(`${label}1`), newEvent(`${label}2`)], 0),
    ),
  ];
  const outcomes = (await Promise.allSettled(appends)).map((outcome) => {
    if (outcome.status === 'fulfilled') return 'landed';
    if (outcome.reason instanceof WrongExpectedRevisionError) return 'conflict';
    throw outcome.reason;
  });
  await store.close();
  process.stdout.write(JSON.stringify({ outcomes, commits }));
};

const crash = async () => {
  const store = SqliteEventStore.open(file);
  await Promise.all(
    ['a', 'b', 'c'].map((stream) =>
      store.appendToStream(`acked-${stream}`, [newEvent('Acked')], 'no_stream'),
    ),
  );
  process.stdout.write('acked\n');
  const dying = { ...newEvent('Dying'), data: { toJSON: () => process.kill(process.pid, 'SIGKILL') } };
  await Promise.all([
    store.appendToStream('lost-1', [newEvent('Lost')], 'no_stream'),
    store.appendToStream('lost-2', [newEvent('Lost'), newEvent('Lost')], 'no_stream'),
    store.appendToStream('lost-3', [newEvent('Lost'), dying], 'no_stream'),
    store.appendToStream('lost-4', [newEvent('Lost')], 'no_stream'),
  ]);
  process.stdout.write('the group was committed: the kill did not happen\n');
};

(mode === 'race' ? race() : crash()).catch((error: unknown) => {
  process.stderr.write(String(error));
  process.exit(1);
});
