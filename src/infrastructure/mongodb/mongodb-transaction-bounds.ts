import type { DocWrite } from '../../application/ports/read-store.port';

/**
 * What one MongoDB transaction may carry. A transaction must finish within the server's
 * `transactionLifetimeLimitSeconds` (60 s by default) and its changes must fit in the WiredTiger cache
 * ("transaction too large for cache"), so a batch of 10 000 live or 50 000 rebuild events cannot be one.
 */
export type TransactionBounds = Readonly<{ maxDocs: number; maxBytes: number }>;

/** A few hundred milliseconds of writes on a modest server, and a small share of any cache. */
export const DEFAULT_TRANSACTION_BOUNDS: TransactionBounds = { maxDocs: 1000, maxBytes: 4 * 1024 * 1024 };

/** Close to a document's BSON size: its JSON in UTF-8 (names in Chinese take 3 bytes a character) and keys. */
export const estimatedBytes = (write: DocWrite): number =>
  Buffer.byteLength(JSON.stringify(write.value)) + Buffer.byteLength(write.id) + 64;

/**
 * The batch cut into transactions within the bounds, in order; always at least one (possibly empty), the
 * last of which also carries the checkpoint. A document larger than `maxBytes` goes alone.
 */
export const boundedChunks = (
  docs: readonly DocWrite[],
  bounds: TransactionBounds = DEFAULT_TRANSACTION_BOUNDS,
): DocWrite[][] => {
  const chunks: DocWrite[][] = [[]];
  let bytes = 0;
  for (const write of docs) {
    const size = estimatedBytes(write);
    const current = chunks[chunks.length - 1];
    if (current.length > 0 && (current.length >= bounds.maxDocs || bytes + size > bounds.maxBytes)) {
      chunks.push([write]);
      bytes = size;
    } else {
      current.push(write);
      bytes += size;
    }
  }
  return chunks;
};
