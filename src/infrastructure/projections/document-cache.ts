import type { PositionedDoc } from '../../application/ports/read-store.port';

/**
 * The documents a projection runner holds between batches, so hot documents (KPI counters) are not read
 * again, with null for an id known to have no document. Its order is least recently written first.
 */
export class DocumentCache {
  private readonly docs = new Map<string, PositionedDoc | null>();
  /**
   * True in a build into an empty collection: every document of it was written by this runner, so one
   * that is neither cached nor in `evicted` does not exist, and nothing is read back for it.
   */
  private complete = false;
  /** While `complete`: ids written and then evicted, the only ones that must be read back. */
  private readonly evicted = new Set<string>();

  get size(): number {
    return this.docs.size;
  }

  get(id: string): PositionedDoc | null | undefined {
    return this.docs.get(id);
  }

  written(doc: PositionedDoc): void {
    // Deleted and set again: the Map's order is then least recently written first, for `evict`.
    this.docs.delete(doc.id);
    this.docs.set(doc.id, doc);
  }

  /** Forgets everything; `complete`: the collection was empty and only this runner writes it. */
  clear(complete = false): void {
    this.docs.clear();
    this.evicted.clear();
    this.complete = complete;
  }

  /** Makes sure every id is cached, reading the missing ones (those that may exist) with `read`. */
  async load(
    ids: Iterable<string>,
    read: (ids: string[]) => Promise<Map<string, PositionedDoc>>,
  ): Promise<void> {
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      if (this.docs.has(id)) continue;
      if (this.complete && !this.evicted.has(id)) this.docs.set(id, null);
      else missing.push(id);
    }
    if (missing.length === 0) return;
    const found = await read(missing);
    for (const id of missing) this.docs.set(id, found.get(id) ?? null);
  }

  /** Forgets the least recently written documents until `keep` remain (only committed ones: the caller's rule). */
  evict(keep: number): void {
    let excess = this.docs.size - keep;
    for (const [id, doc] of this.docs) {
      if (excess <= 0) break;
      this.docs.delete(id);
      // A build into an empty collection still knows every id it wrote: the rest need no read.
      if (this.complete && doc) this.evicted.add(id);
      excess -= 1;
    }
  }
}
