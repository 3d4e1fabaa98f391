import type { ReadAllOptions, StoredEvent } from '../../application/ports/event-store.port';

/** How long a read of the log is shared: below the cross-process poll, so another process's append is seen as soon. */
export const SHARED_READ_TTL_MS = 50;
/** Most events held: a few catch-up batches; beyond it the reads start afresh. */
const MAX_SHARED_EVENTS = 20_000;

/**
 * The reads of the log shared by the subscriptions of one process (issue 14 §1, issue 15 §9, in part): every
 * projection, reactor and webhook runner follows `$all` in its own catch-up loop, and after an append they
 * all ask for the same events at once. The first asks the store; the others get the same (frozen) events,
 * parsed once, for a few milliseconds or until the next append through this process, which clears them.
 * A read whose answer is stale is never wrong, only short: its loop reads again after the next append or
 * poll, as it would have. Only subscriptions use it; a direct `readAll` always asks the store.
 */
export class SharedReads {
  private readonly entries = new Map<string, Readonly<{ at: number; events: Promise<StoredEvent[]> }>>();
  private held = 0;
  /** Reads that went to the store (not shared). */
  storeReads = 0;

  constructor(
    private readonly ttlMs = SHARED_READ_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The read in flight or done within the time-to-live is shared; a failed one is forgotten at once. */
  read(
    options: ReadAllOptions,
    readFromStore: (options: ReadAllOptions) => Promise<StoredEvent[]>,
  ): Promise<StoredEvent[]> {
    const key = `${options.after}|${options.limit}|${options.upTo ?? ''}`;
    const started = this.now();
    const shared = this.entries.get(key);
    if (shared && started - shared.at <= this.ttlMs) return shared.events;
    this.storeReads += 1;
    const events = readFromStore(options).then((read) => {
      for (const event of read) Object.freeze(event);
      this.held += read.length;
      if (this.held > MAX_SHARED_EVENTS) this.invalidate();
      return read;
    });
    events.catch(() => {
      if (this.entries.get(key)?.events === events) this.entries.delete(key);
    });
    this.entries.set(key, { at: started, events });
    return events;
  }

  /** An append through this process: every shared answer may be short now. */
  invalidate(): void {
    this.entries.clear();
    this.held = 0;
  }
}
