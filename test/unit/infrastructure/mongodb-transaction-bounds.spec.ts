import type { DocWrite } from '../../../src/application/ports/read-store.port';
import {
  boundedChunks,
  estimatedBytes,
} from '../../../src/infrastructure/mongodb/mongodb-transaction-bounds';

const write = (id: string, text: string): DocWrite => ({
  collection: 'complaints_v2',
  id,
  value: { text },
  position: 1,
});

describe('MongoDB transactions bounded by documents and bytes', () => {
  it('estimates a document by its UTF-8 JSON, its id and a fixed overhead', () => {
    // {"text":"ab"} is 13 bytes, the id 2, the overhead 64.
    expect(estimatedBytes(write('c1', 'ab'))).toBe(79);
    // 王芳 is 6 bytes in UTF-8: {"text":"王芳"} is 17.
    expect(estimatedBytes(write('c1', '王芳'))).toBe(83);
  });

  it('cuts after maxDocs documents', () => {
    const docs = Array.from({ length: 7 }, (_, i) => write(`c${i}`, 'x'));
    const chunks = boundedChunks(docs, { maxDocs: 3, maxBytes: 1_000_000 });
    expect(chunks.map((chunk) => chunk.map((doc) => doc.id))).toEqual([
      ['c0', 'c1', 'c2'],
      ['c3', 'c4', 'c5'],
      ['c6'],
    ]);
  });

  it('cuts before the document that would pass maxBytes, and gives an oversized one its own', () => {
    // Each {"text":"x"} with a 2-byte id is 12 + 2 + 64 = 78 bytes; the big one 1011 + 2 + 64 = 1077.
    const docs = [write('c0', 'x'), write('c1', 'x'), write('c2', 'y'.repeat(1000)), write('c3', 'x')];
    const chunks = boundedChunks(docs, { maxDocs: 100, maxBytes: 200 });
    expect(chunks.map((chunk) => chunk.map((doc) => doc.id))).toEqual([['c0', 'c1'], ['c2'], ['c3']]);
  });

  it('keeps one (empty) transaction for a checkpoint with no documents', () => {
    expect(boundedChunks([], { maxDocs: 3, maxBytes: 100 })).toEqual([[]]);
  });
});
