import type { StoredEvent } from '../../src/application/ports/event-store.port';
import { LogFollower } from '../../src/infrastructure/event-store/log-follower';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { faultyEventStore, StoreFaults } from '../support/faulty-stores';
import { tempDir } from '../support/projection-fixtures';
import { newEvent } from './event-store.contract';

const until = async (check: () => boolean, what: string, timeoutMs = 10_000) => {
  for (const started = Date.now(); !check();) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/**
 * The follower of the log that the key cache's eviction and the credential service's pushed revocations
 * share (issue 14 §4, §5), over the real SQLite store whose reads fail when told: from the head at start,
 * only the types asked for, each once and in order, again with backoff after a store error from where it
 * stood, and nothing after `stop`.
 */
describe('LogFollower', () => {
  const temp = tempDir('crm-log-follower-');
  afterAll(() => temp.remove());

  it('follows from the head, only its types, resumes after store errors without a gap or a repeat, and stops', async () => {
    const inner = SqliteEventStore.open(temp.file('events.sqlite'));
    const faults = new StoreFaults();
    const store = faultyEventStore(inner, faults);
    await inner.appendToStream('s-before', [newEvent('Wanted', { n: 0 })], 'no_stream');

    const seen: StoredEvent[] = [];
    const errors: number[] = [];
    const follower = new LogFollower({
      eventStore: store,
      types: new Set(['Wanted']),
      onEvent: (event) => seen.push(event),
      onError: (_error, retryInMs) => errors.push(retryInMs),
      retryMs: { first: 10, max: 40 },
    });
    expect([follower.followingSince, follower.atHeadAt]).toEqual([null, null]);
    follower.start();
    try {
      await until(() => follower.atHeadAt !== null, 'the head');
      expect(follower.followingSince).not.toBeNull();
      expect(follower.atHeadAt!).toBeGreaterThanOrEqual(follower.followingSince!);

      await inner.appendToStream(
        's-1',
        [newEvent('Wanted', { n: 1 }), newEvent('Other', { n: 2 })],
        'no_stream',
      );
      await until(() => seen.length === 1, 'the first event');

      // The store fails its next reads: the follower retries with backoff, then carries on where it stood.
      faults.fail('read', 4);
      await until(() => errors.length >= 1, 'the first error');
      await inner.appendToStream('s-2', [newEvent('Wanted', { n: 3 })], 'no_stream');
      await until(() => seen.length === 2, 'the event stored during the outage');
      expect(errors).toEqual([10, 20, 40, 40]);
      expect(seen.map((event) => event.data.n)).toEqual([1, 3]);
      const atHead = follower.atHeadAt!;
      await until(() => follower.atHeadAt! > atHead, 'the head again');
    } finally {
      await follower.stop();
    }
    await inner.appendToStream('s-3', [newEvent('Wanted', { n: 4 })], 'no_stream');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen.map((event) => event.data.n)).toEqual([1, 3]);
    await inner.close();
  });
});
