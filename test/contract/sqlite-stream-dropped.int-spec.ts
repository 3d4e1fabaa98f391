import { ReadModelDroppedError } from '../../src/application/ports/read-store.port';
import { SqliteReadStore } from '../../src/infrastructure/sqlite/sqlite-read-store';
import { tempDir } from '../support/projection-fixtures';

describe('a read model dropped while it is streamed (SQLite)', () => {
  const temp = tempDir('crm-dropped-');
  afterAll(() => temp.remove());

  it('fails loudly after the documents it gave, instead of ending as if that were all', async () => {
    const store = SqliteReadStore.open(temp.file('read.sqlite'));
    await store.ensureCollection('exported_v1', []);
    // 2500 documents: the stream reads them in chunks of 1000.
    await store.commitBatch({
      docs: Array.from({ length: 2500 }, (_, i) => ({
        collection: 'exported_v1',
        id: `d-${String(i).padStart(4, '0')}`,
        value: { n: i },
        position: 1,
      })),
      checkpoint: { name: 'exported', position: 1, status: 'running', error: null, updatedAt: 'x' },
    });
    const seen: unknown[] = [];
    const read = async () => {
      for await (const doc of store.stream('exported_v1', {})) {
        seen.push(doc);
        // The old generation's grace passes after the first chunk.
        if (seen.length === 1000) await store.dropCollection('exported_v1');
      }
    };
    await expect(read()).rejects.toThrow(ReadModelDroppedError);
    await expect(read()).resolves.toBeUndefined();
    // The first read got one chunk; the second, of a collection that no longer exists, nothing.
    expect(seen).toHaveLength(1000);
    await store.close();
  });

  it('names the read model and how far it got', () => {
    expect(new ReadModelDroppedError('exported_v1', 1000).message).toBe(
      'read model exported_v1 was dropped while it was being read, after 1000 documents (a rebuild switched to a new generation): run the read again',
    );
  });
});
