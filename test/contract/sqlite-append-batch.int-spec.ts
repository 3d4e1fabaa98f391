import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WrongExpectedRevisionError } from '../../src/application/ports/event-store.port';
import { SqliteEventStore } from '../../src/infrastructure/sqlite/sqlite-event-store';
import { newEvent } from './event-store.contract';

const dir = mkdtempSync(join(tmpdir(), 'crm-batch-'));
let files = 0;
const open = () => SqliteEventStore.open(join(dir, `events-${(files += 1)}.sqlite`));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// `appendBatch` is optional on the port: SQLite has it (one transaction), EventStoreDB does not.
describe('SQLite event store: appendBatch', () => {
  it('appends to several streams in one call, each at its expected revision, in the order given', async () => {
    const store = open();
    await store.appendToStream('order-1', [newEvent('Opened')], 'no_stream');
    const results = await store.appendBatch([
      { streamId: 'order-2', events: [newEvent('Opened'), newEvent('Paid')], expected: 'no_stream' },
      { streamId: 'order-1', events: [newEvent('Paid')], expected: 0 },
      { streamId: 'order-2', events: [newEvent('Shipped')], expected: 1 },
    ]);
    expect(results).toEqual([
      { nextExpectedRevision: 1, lastPosition: 3 },
      { nextExpectedRevision: 1, lastPosition: 4 },
      { nextExpectedRevision: 2, lastPosition: 5 },
    ]);
    expect((await store.readStream('order-2')).map((event) => [event.type, event.revision])).toEqual([
      ['Opened', 0],
      ['Paid', 1],
      ['Shipped', 2],
    ]);
    await store.close();
  });

  it('appends nothing of the batch when one append is at a stale revision', async () => {
    const store = open();
    await store.appendToStream('order-1', [newEvent('Opened')], 'no_stream');
    const batch = store.appendBatch([
      { streamId: 'order-2', events: [newEvent('Opened')], expected: 'no_stream' },
      { streamId: 'order-1', events: [newEvent('Paid')], expected: 5 },
    ]);
    await expect(batch).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.headPosition()).toBe(1);
    expect(await store.readStream('order-2')).toEqual([]);
    await store.close();
  });

  it('refuses an append without events before touching the store', async () => {
    const store = open();
    await expect(
      store.appendBatch([{ streamId: 'order-1', events: [], expected: 'no_stream' }]),
    ).rejects.toThrow(/at least one event/);
    expect(await store.headPosition()).toBe(0);
    await store.close();
  });
});
