import { join } from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { WrongExpectedRevisionError } from '../../src/application/ports/event-store.port';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { ForwardedAppends, serveAppends } from '../../src/infrastructure/workers/forwarded-appends';
import { tempDir } from '../support/projection-fixtures';
import { newEvent } from './event-store.contract';

/**
 * Appends by another store on the same file, in this thread or another of the process (the projection
 * worker), wake a follower at once: its poll is set to ten minutes here, so without the channel between
 * the stores nothing would arrive within the test's time.
 */
const temp = tempDir('crm-sqlite-threads-');
afterAll(() => temp.remove());
const NO_POLL = { pollIntervalMs: 600_000 };

const within = <T>(promise: Promise<T>, ms: number, what: () => string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(what())), ms);
    }),
  ]).finally(() => clearTimeout(timer));
};

describe('SQLite event store: appends of other threads', () => {
  it('wakes a follower of another store on the same file, whose own poll is ten minutes', async () => {
    const file = temp.file('same-thread.sqlite');
    const writer = SqliteEventStore.open(file);
    const follower = SqliteEventStore.open(file, NO_POLL);
    await writer.appendToStream('s-0', [newEvent('Before')], 'no_stream');
    const seen: string[] = [];
    let arrived: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (arrived = resolve));
    const subscription = follower.subscribeToAll({
      after: await follower.headPosition(),
      batchSize: 10,
      onBatch: async (batch) => {
        seen.push(...batch.map((event) => event.type));
        if (seen.includes('After')) arrived();
      },
      onError: (error) => {
        throw error;
      },
    });
    // The follower has read the head and waits for an append.
    await new Promise((resolve) => setTimeout(resolve, 100));
    await writer.appendToStream('s-1', [newEvent('After')], 'no_stream');
    await within(done, 5000, () => `the follower saw ${JSON.stringify(seen)}`);
    await subscription.stop();
    expect(seen).toEqual(['After']);
    await Promise.all([writer.close(), follower.close()]);
  });

  it('wakes a follower in a worker thread on an append of the main thread', async () => {
    const file = temp.file('worker.sqlite');
    const writer = SqliteEventStore.open(file);
    await writer.appendToStream('s-0', [newEvent('Before')], 'no_stream');
    const storeModule = join(__dirname, '../../src/infrastructure/sqlite/sqlite-event-store.ts');
    const worker = new Worker(
      `require('ts-node/register/transpile-only');
       const { parentPort, workerData } = require('node:worker_threads');
       const { SqliteEventStore } = require(workerData.storeModule);
       const store = SqliteEventStore.open(workerData.file, { pollIntervalMs: 600000 });
       store.headPosition().then((after) => {
         const subscription = store.subscribeToAll({
           after, batchSize: 10,
           onBatch: async (batch) => parentPort.postMessage(batch.map((event) => event.type)),
           onError: (error) => parentPort.postMessage({ error: String(error) }),
           onCaughtUp: () => parentPort.postMessage('waiting'),
         });
         parentPort.on('message', async () => { await subscription.stop(); await store.close(); parentPort.close(); });
       });`,
      { eval: true, workerData: { file, storeModule } },
    );
    const messages: unknown[] = [];
    const waitFor = (test: (message: unknown) => boolean) =>
      new Promise<void>((resolve) => {
        const check = (message: unknown) => {
          messages.push(message);
          if (test(message)) {
            worker.off('message', check);
            resolve();
          }
        };
        worker.on('message', check);
      });
    await within(
      waitFor((message) => message === 'waiting'),
      30_000,
      () => `the worker did not start: ${JSON.stringify(messages)}`,
    );
    const after = waitFor((message) => Array.isArray(message) && message.includes('After'));
    await writer.appendToStream('s-1', [newEvent('After')], 'no_stream');
    await within(after, 5000, () => `the worker saw ${JSON.stringify(messages)}`);
    expect(messages.filter(Array.isArray)).toEqual([['After']]);
    const ended = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    await ended;
    await writer.close();
  });
});

describe("the projection worker's appends, committed by the API's store", () => {
  it('appends through the other store, answers after the commit, and gives a lost race as the same error', async () => {
    const file = temp.file('forwarded.sqlite');
    const writer = SqliteEventStore.open(file, { groupCommit: true });
    const commits: number[] = [];
    const channel = new MessageChannel();
    // serveAppends uses the store's appendToStream alone: counted on the way.
    serveAppends(channel.port1, {
      appendToStream: (...args: Parameters<SqliteEventStore['appendToStream']>) => {
        commits.push(1);
        return writer.appendToStream(...args);
      },
    } as unknown as SqliteEventStore);
    const forwarded = new ForwardedAppends(SqliteEventStore.open(file), channel.port2);
    const first = await forwarded.appendToStream('s-1', [newEvent('One')], 'no_stream');
    expect(first.nextExpectedRevision).toBe(0);
    // Answered after the commit: the worker's own connection reads it at once.
    expect((await forwarded.readStream('s-1')).map((event) => event.type)).toEqual(['One']);
    const lost = forwarded.appendToStream('s-1', [newEvent('Two')], 'no_stream');
    await expect(lost).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await expect(lost).rejects.toMatchObject({ streamId: 's-1', expected: 'no_stream', actual: 0 });
    expect(commits).toHaveLength(2);
    expect((await writer.readStream('s-1')).map((event) => event.type)).toEqual(['One']);
    await forwarded.close();
    channel.port1.close();
    await writer.close();
  });
});
