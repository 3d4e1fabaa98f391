import type {
  DataKey,
  Erased,
  KeyTombstone,
  PersonalDataKeyStore,
} from '../../../src/application/ports/personal-data-key-store.port';
import { CachedKeyStore } from '../../../src/infrastructure/keystore/cached-key-store';

/** A key store that counts what it is asked (the real stores have their own contract suite). */
class CountingKeyStore implements PersonalDataKeyStore {
  readonly keys = new Map<string, DataKey | Erased>();
  asked: string[] = [];
  /** Holds the next read until released: a read in flight while the key is destroyed. */
  hold: Promise<void> | null = null;

  async getOrCreate(subjectId: string): Promise<DataKey | Erased> {
    this.asked.push(subjectId);
    const key = this.keys.get(subjectId) ?? Buffer.alloc(32, subjectId.length);
    if (this.hold) await this.hold;
    if (!this.keys.has(subjectId)) this.keys.set(subjectId, key);
    return key;
  }

  async getMany(subjectIds: readonly string[]): Promise<Map<string, DataKey | Erased>> {
    this.asked.push(...subjectIds);
    return new Map(subjectIds.flatMap((id) => (this.keys.has(id) ? [[id, this.keys.get(id)!]] : [])));
  }

  async destroy(subjectId: string, at: string, reason: string): Promise<KeyTombstone> {
    this.keys.set(subjectId, 'erased');
    return { subjectId, erasedAt: at, reason };
  }

  async close(): Promise<void> {}
}

describe('CachedKeyStore: unwrapped keys kept for a moment (issue 14 §5)', () => {
  let now = 0;
  const setup = (maxKeys = 3, freshnessMs = 1000) => {
    const inner = new CountingKeyStore();
    return { inner, cache: new CachedKeyStore(inner, { maxKeys, freshnessMs, now: () => now }) };
  };
  beforeEach(() => (now = 0));

  it('reads a key used within its freshness from memory, and asks the store again after it', async () => {
    const { inner, cache } = setup();
    const first = await cache.getOrCreate('cu-1');
    now = 999;
    expect((await cache.getMany(['cu-1'])).get('cu-1')).toBe(first);
    expect(inner.asked).toEqual(['cu-1']);
    now = 2001;
    await cache.getMany(['cu-1']);
    expect(inner.asked).toEqual(['cu-1', 'cu-1']);
  });

  it('always asks the store for the key a write seals with: a forgetting elsewhere is refused at once', async () => {
    const { inner, cache } = setup();
    await cache.getOrCreate('cu-1');
    inner.keys.set('cu-1', 'erased');
    expect(await cache.getOrCreate('cu-1')).toBe('erased');
    expect(inner.asked).toEqual(['cu-1', 'cu-1']);
  });

  it('holds at most maxKeys, dropping the least recently used', async () => {
    const { inner, cache } = setup(2);
    await cache.getOrCreate('a');
    await cache.getOrCreate('b');
    await cache.getMany(['a']);
    await cache.getOrCreate('c');
    expect(cache.size).toBe(2);
    inner.asked = [];
    await cache.getMany(['a']);
    await cache.getMany(['b']);
    expect(inner.asked).toEqual(['b']);
  });

  it('serves getMany from memory where it can and asks the store for the rest only', async () => {
    const { inner, cache } = setup();
    await cache.getOrCreate('a');
    inner.keys.set('b', Buffer.alloc(32, 7));
    inner.asked = [];
    const keys = await cache.getMany(['a', 'b', 'never']);
    expect([...keys.keys()].sort()).toEqual(['a', 'b']);
    expect(inner.asked).toEqual(['b', 'never']);
  });

  it('answers erased at once after a destruction here, and never a key again, even from a read in flight', async () => {
    const { inner, cache } = setup();
    await cache.getOrCreate('cu-1');
    now = 2000;
    let release: () => void = () => undefined;
    inner.hold = new Promise((resolve) => (release = resolve));
    const inFlight = cache.getOrCreate('cu-1');
    await cache.destroy('cu-1', '2026-03-01T00:00:00.000Z', 'request');
    release();
    await inFlight;
    expect(await cache.getOrCreate('cu-1')).toBe('erased');
    expect(await cache.getMany(['cu-1'])).toEqual(new Map([['cu-1', 'erased']]));
  });

  it("forgets a key evicted for another process's forgetting: the store answers erased", async () => {
    const { inner, cache } = setup();
    await cache.getOrCreate('cu-1');
    inner.keys.set('cu-1', 'erased');
    expect((await cache.getMany(['cu-1'])).get('cu-1')).not.toBe('erased');
    cache.evict('cu-1');
    expect((await cache.getMany(['cu-1'])).get('cu-1')).toBe('erased');
  });

  it('keeps nothing with maxKeys 0', async () => {
    const { inner, cache } = setup(0);
    await cache.getOrCreate('cu-1');
    await cache.getMany(['cu-1']);
    expect(inner.asked).toEqual(['cu-1', 'cu-1']);
    expect(cache.size).toBe(0);
  });
});
