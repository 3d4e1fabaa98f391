import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { tempDir } from '../support/projection-fixtures';
import { newEvent } from './event-store.contract';

/**
 * The reads of a rebuild worker (`readAllOfTypes`): the next `limit` events of the log, of which only
 * those of the types asked for come back, decoded; the position read up to and the count of events
 * gone over tell the reader where to go on. And the counts by type the workers are split by.
 */
describe('SQLite event store: reads of some types only', () => {
  const temp = tempDir('crm-typed-reads-');
  afterAll(() => temp.remove());

  it('returns the events of the types asked for among the next events, and how far it read', async () => {
    const store = SqliteEventStore.open(temp.file('events.sqlite'));
    // Positions 1..9: A B C A B C A B C.
    for (let index = 0; index < 9; index += 1)
      await store.appendToStream(
        `s-${index}`,
        [newEvent(['A', 'B', 'C'][index % 3], { index })],
        'no_stream',
      );

    const first = await store.readAllOfTypes({ after: 0, limit: 4, types: ['B', 'C'] });
    expect(first.events.map((event) => [event.globalPosition, event.type, event.data])).toEqual([
      [2, 'B', { index: 1 }],
      [3, 'C', { index: 2 }],
    ]);
    expect(first).toMatchObject({ scanned: 4, lastPosition: 4 });
    // Each event as readAll gives it.
    const [second] = await store.readAll({ after: 1, limit: 1 });
    expect(first.events[0]).toEqual(second);

    const rest = await store.readAllOfTypes({ after: 4, limit: 100, types: ['A'], upTo: 8 });
    expect(rest.events.map((event) => event.globalPosition)).toEqual([7]);
    expect(rest).toMatchObject({ scanned: 4, lastPosition: 8 });
    const none = await store.readAllOfTypes({ after: 9, limit: 100, types: ['A'] });
    expect(none).toEqual({ events: [], scanned: 0, lastPosition: 9 });

    expect(await store.countByType()).toEqual({ A: 3, B: 3, C: 3 });
    await store.close();
  });
});
