/**
 * Appends three events to a stream at an expected revision, waiting for a go signal file first, so two
 * processes race for the same revision. Prints `landed` or `conflict`.
 * Usage: node -r ts-node/register append-child.ts <events.sqlite> <stream> <label> <go-file>
 */
import { existsSync } from 'node:fs';
import { WrongExpectedRevisionError } from '../../src/application/ports/event-store.port';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { newEvent } from '../contract/event-store.contract';

const [file, stream, label, goFile] = process.argv.slice(2);

const main = async () => {
  const store = SqliteEventStore.open(file);
  const events = [1, 2, 3].map((n) => newEvent(`${label}${n}`));
  while (!existsSync(goFile)) await new Promise((resolve) => setTimeout(resolve, 1));
  try {
    await store.appendToStream(stream, events, 0);
    process.stdout.write('landed');
  } catch (error) {
    if (!(error instanceof WrongExpectedRevisionError)) throw error;
    process.stdout.write('conflict');
  } finally {
    await store.close();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(String(error));
  process.exit(1);
});
