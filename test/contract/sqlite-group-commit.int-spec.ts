import { WrongExpectedRevisionError } from '../../src/application/ports/event-store.port';
import { allowEveryCommand } from '../../src/application/access/command-authoriser';
import { complaintFeature } from '../../src/application/complaint/complaint.feature';
import { ALL_EVENT_TYPES } from '../../src/application/features';
import { CommandPipeline } from '../../src/application/shared/command-pipeline';
import { EventCatalog } from '../../src/application/shared/event-catalog';
import {
  SqliteEventStore,
  type SqliteEventStoreOptions,
  type StoreCommit,
} from '../../src/infrastructure/sqlite/sqlite-event-store';
import { tempDir } from '../support/projection-fixtures';
import { newEvent } from './event-store.contract';

const temp = tempDir('crm-group-commit-');
afterAll(() => temp.remove());
let files = 0;

/** A store on a fresh file that records every commit of its write transaction. */
const openCounting = (options: SqliteEventStoreOptions = {}) => {
  const commits: StoreCommit[] = [];
  const store = SqliteEventStore.open(temp.file(`events-${(files += 1)}.sqlite`), {
    ...options,
    onCommit: (commit) => commits.push(commit),
  });
  return { store, commits };
};

const positionsOf = async (store: SqliteEventStore) =>
  (await store.readAll({ after: 0, limit: 1000 })).map((event) => event.globalPosition);

describe('SQLite event store: group commit', () => {
  it('commits K concurrent appends in one transaction, at contiguous positions in the order they came', async () => {
    const { store, commits } = openCounting();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        store.appendToStream(`s-${n}`, [newEvent(`S${n}a`), newEvent(`S${n}b`)], 'no_stream'),
      ),
    );
    expect(commits).toEqual([{ appends: 10, landed: 10, events: 20 }]);
    // Append n holds positions 2n+1 and 2n+2.
    expect(results.map((result) => result.lastPosition)).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(await positionsOf(store)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    await store.close();
  });

  it('commits them one transaction each when group commit is off', async () => {
    const { store, commits } = openCounting({ groupCommit: false });
    await Promise.all(
      Array.from({ length: 4 }, (_, n) => store.appendToStream(`s-${n}`, [newEvent('A')], 'no_stream')),
    );
    expect(commits).toEqual(Array.from({ length: 4 }, () => ({ appends: 1, landed: 1, events: 1 })));
    await store.close();
  });

  it('fails only the append at a wrong revision, and the positions it would have taken go to the next append', async () => {
    const { store, commits } = openCounting();
    await store.appendToStream('stale', [newEvent('Opened')], 'no_stream'); // position 1
    const outcomes = await Promise.allSettled([
      store.appendToStream('left', [newEvent('L1'), newEvent('L2')], 'no_stream'),
      store.appendToStream('stale', [newEvent('X1'), newEvent('X2'), newEvent('X3')], 4),
      store.appendToStream('right', [newEvent('R1')], 'no_stream'),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(commits.slice(1)).toEqual([{ appends: 3, landed: 2, events: 3 }]);
    // left takes 2 and 3; the stale append takes nothing, so right is at 4: no gap.
    expect((outcomes[2] as PromiseFulfilledResult<unknown>).value).toEqual({
      nextExpectedRevision: 0,
      lastPosition: 4,
    });
    expect(await positionsOf(store)).toEqual([1, 2, 3, 4]);
    expect(await store.headPosition()).toBe(4);
    await store.close();
  });

  it('lets a second append to the same stream in the group see the first one: chained revisions land, a repeat of the same revision fails', async () => {
    const { store, commits } = openCounting();
    const outcomes = await Promise.allSettled([
      store.appendToStream('order-1', [newEvent('Opened')], 'no_stream'),
      store.appendToStream('order-1', [newEvent('Paid')], 0),
      store.appendToStream('order-1', [newEvent('PaidTwice')], 0),
      store.appendToStream('order-1', [newEvent('Shipped')], 1),
    ]);
    expect(commits).toEqual([{ appends: 4, landed: 3, events: 3 }]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    // The repeat at revision 0 came after Paid had made it 1, exactly as if they had run one by one.
    expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ expected: 0, actual: 1 });
    expect((await store.readStream('order-1')).map((event) => [event.type, event.revision])).toEqual([
      ['Opened', 0],
      ['Paid', 1],
      ['Shipped', 2],
    ]);
    await store.close();
  });

  it('commits the waiting group at once when a stream with an append waiting is read, so nothing decides without it', async () => {
    const { store, commits } = openCounting();
    const opened = store.appendToStream('order-1', [newEvent('Opened')], 'no_stream');
    const other = store.appendToStream('order-2', [newEvent('Opened')], 'no_stream');
    // A stream nothing waits for is read as committed, and the group keeps waiting.
    expect(await store.readStream('order-3')).toEqual([]);
    expect(commits).toEqual([]);
    expect((await store.readStream('order-1')).map((event) => event.type)).toEqual(['Opened']);
    expect(commits).toEqual([{ appends: 2, landed: 2, events: 2 }]);
    // Decided on what it read, the next append lands at revision 0, in a group of its own.
    const paid = store.appendToStream('order-1', [newEvent('Paid')], 0);
    await expect(Promise.all([opened, other, paid])).resolves.toEqual([
      { nextExpectedRevision: 0, lastPosition: 1 },
      { nextExpectedRevision: 0, lastPosition: 2 },
      { nextExpectedRevision: 1, lastPosition: 3 },
    ]);
    expect(commits).toEqual([
      { appends: 2, landed: 2, events: 2 },
      { appends: 1, landed: 1, events: 1 },
    ]);
    await store.close();
  });

  it('leaves nothing of an append whose events fail half-way, and commits the rest of its group', async () => {
    const { store, commits } = openCounting();
    const taken = newEvent('Taken');
    await store.appendToStream('first', [taken], 'no_stream'); // position 1
    const outcomes = await Promise.allSettled([
      store.appendToStream('left', [newEvent('L1')], 'no_stream'),
      // Its second event reuses a stored event id: the insert fails after the first went in.
      store.appendToStream(
        'broken',
        [newEvent('B1'), { ...newEvent('B2'), eventId: taken.eventId }],
        'no_stream',
      ),
      store.appendToStream('right', [newEvent('R1')], 'no_stream'),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(
      /UNIQUE constraint failed: events.event_id/,
    );
    expect(await store.readStream('broken')).toEqual([]);
    expect(commits.slice(1)).toEqual([{ appends: 3, landed: 2, events: 2 }]);
    expect(await positionsOf(store)).toEqual([1, 2, 3]);
    await store.close();
  });

  it('commits what is waiting when the store closes, and answers every caller', async () => {
    const { store, commits } = openCounting();
    const pending = [
      store.appendToStream('a', [newEvent('A')], 'no_stream'),
      store.appendToStream('b', [newEvent('B')], 'no_stream'),
    ];
    await store.close();
    await expect(Promise.all(pending)).resolves.toEqual([
      { nextExpectedRevision: 0, lastPosition: 1 },
      { nextExpectedRevision: 0, lastPosition: 2 },
    ]);
    expect(commits).toEqual([{ appends: 2, landed: 2, events: 2 }]);
  });

  it('gives a retry of the same Idempotency-Key in the same group the first outcome, appending nothing more', async () => {
    const { store, commits } = openCounting();
    const pipeline = new CommandPipeline(store, new EventCatalog(ALL_EVENT_TYPES), allowEveryCommand);
    const file = {
      type: 'FileComplaint' as const,
      data: {
        complaintId: 'c-42',
        dealerId: 'd-1',
        channel: 'dealer' as const,
        category: 'service' as const,
        severity: 'general' as const,
        customer: { customerId: 'cu-1', name: 'Wang Fang', phone: '13900000001' },
        description: 'Car was not ready at the promised time.',
        remedySought: 'apology',
      },
    };
    const context = {
      now: '2026-03-02T09:00:00.000Z',
      correlationId: 'corr-1',
      causationId: null,
      actor: { userId: 'u-1', role: 'customer-service', dealerId: 'd-1' },
      idempotencyKey: 'key-1',
      requestHash: 'hash-1',
    };
    const [first, retry] = await Promise.all([
      pipeline.execute(complaintFeature, file, context),
      pipeline.execute(complaintFeature, file, context),
    ]);
    // Both read the empty stream and decided; their appends met in one group, where the retry's lost on
    // the revision; it re-read the stream and found the key.
    expect(commits[0]).toEqual({ appends: 2, landed: 1, events: 1 });
    expect(first.replayed).toBe(false);
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await store.readStream('complaint-c-42')).toHaveLength(1);
    await store.close();
  });
});
