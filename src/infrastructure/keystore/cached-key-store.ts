import type {
  DataKey,
  Erased,
  KeyTombstone,
  PersonalDataKeyStore,
} from '../../application/ports/personal-data-key-store.port';

export type KeyCacheOptions = Readonly<{
  /** Unwrapped keys held at most (least recently used go first); 0 turns the cache off. */
  maxKeys: number;
  /**
   * How long a cached key is used without asking the store again: the bound on how long another process's
   * forgetting can go unseen here when its `CustomerForgotten` has not reached this process yet.
   */
  freshnessMs: number;
  /** Monotonic milliseconds; injectable for tests. */
  now?: () => number;
}>;

type Entry = Readonly<{ key: DataKey | Erased; at: number }>;

/**
 * Unwrapped personal-data keys kept in memory (issue 14 §5), in front of the key store: a read that reveals
 * a customer whose key was used a moment ago (`getMany`, the revealer of responses) neither reads nor
 * unwraps it again. Writes always ask the store (`getOrCreate`). Bounded (LRU) and fresh
 * for `freshnessMs` only. A key destroyed through this process is evicted before the store destroys it;
 * one destroyed by another process is evicted when its `CustomerForgotten` arrives (`evict`, called by the
 * subscription in `privacy-providers.ts`), and at the latest after `freshnessMs`. An erased key is kept as
 * erased: it never comes back.
 */
export class CachedKeyStore implements PersonalDataKeyStore {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(
    private readonly inner: PersonalDataKeyStore,
    private readonly options: KeyCacheOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
  }

  /**
   * Always asks the store: this is how a command gets the key it seals new personal data with, and a
   * subject forgotten by any process must be refused at once (422 `CUSTOMER_FORGOTTEN`), never sealed under
   * a key kept here. The answer is kept for the reads.
   */
  async getOrCreate(subjectId: string): Promise<DataKey | Erased> {
    const key = await this.inner.getOrCreate(subjectId);
    this.remember(subjectId, key);
    return key;
  }

  async getMany(subjectIds: readonly string[]): Promise<Map<string, DataKey | Erased>> {
    const found = new Map<string, DataKey | Erased>();
    const missing: string[] = [];
    for (const subjectId of subjectIds) {
      const cached = this.fresh(subjectId);
      if (cached === undefined) missing.push(subjectId);
      else found.set(subjectId, cached);
    }
    if (missing.length === 0) return found;
    for (const [subjectId, key] of await this.inner.getMany(missing)) {
      this.remember(subjectId, key);
      found.set(subjectId, key);
    }
    return found;
  }

  async destroy(subjectId: string, at: string, reason: string): Promise<KeyTombstone> {
    this.entries.delete(subjectId);
    const tombstone = await this.inner.destroy(subjectId, at, reason);
    this.remember(subjectId, 'erased');
    return tombstone;
  }

  /** Another process forgot the subject: its key is not used from memory again. */
  evict(subjectId: string): void {
    this.entries.delete(subjectId);
  }

  /** Keys held now (tests, metrics). */
  get size(): number {
    return this.entries.size;
  }

  close(): Promise<void> {
    this.entries.clear();
    return this.inner.close();
  }

  private fresh(subjectId: string): DataKey | Erased | undefined {
    const entry = this.entries.get(subjectId);
    if (!entry) return undefined;
    // Erased stays erased: no freshness needed. A live key is asked for again once it is stale.
    if (entry.key !== 'erased' && this.now() - entry.at > this.options.freshnessMs) {
      this.entries.delete(subjectId);
      return undefined;
    }
    // Most recently used last: the first entry is the one to drop.
    this.entries.delete(subjectId);
    this.entries.set(subjectId, entry);
    return entry.key;
  }

  private remember(subjectId: string, key: DataKey | Erased): void {
    if (this.options.maxKeys <= 0) return;
    // A read that began before a destruction here may end after it: erased is never replaced by a key.
    if (key !== 'erased' && this.entries.get(subjectId)?.key === 'erased') return;
    this.entries.delete(subjectId);
    this.entries.set(subjectId, { key, at: this.now() });
    while (this.entries.size > this.options.maxKeys) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
