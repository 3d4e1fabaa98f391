import type {
  StoredEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionReads,
} from '../../application/ports/event-store.port';
import type { CatchUpSource } from './catch-up-subscription';

/**
 * Batches a joined subscriber may have waiting. One with more is too slow to be waited for: it is left to
 * catch up alone (its own reads, as before the fan-out) and joins again once it is at the head.
 */
export const FAN_OUT_QUEUE_LIMIT = 4;

/** What the fan-out has done (the metrics, tests, the benchmark); the store adds its own round trips. */
export type FanOutStats = Omit<SubscriptionReads, 'storeReads'>;

type Item = Readonly<{ kind: 'batch'; events: readonly StoredEvent[] }> | Readonly<{ kind: 'caught-up' }>;

/**
 * One reader of the log per process (issue 15 §9, issue 14 §1): every projection, reactor and webhook
 * runner subscribes here, and the subscribers that stand at the head are fed by one shared loop, one read
 * per new batch and one wait for appends, instead of a catch-up loop (and a poll) each.
 *
 * A subscriber that starts behind the head (a new projection, a runner resuming from its checkpoint)
 * catches up alone with its own reads, as every subscriber did before; when a read finds nothing new and
 * the shared reader stands at the same position, it joins. The shared reader reads only when every joined
 * subscriber has fewer than `FAN_OUT_QUEUE_LIMIT` batches waiting; a subscriber with more is left to read
 * alone: a slow subscriber never holds back the others, and none can wait for another in a cycle (a reactor
 * whose command waits for a projection, say), because nobody waits for a queue that is not draining.
 *
 * Each subscriber keeps the contract of `subscribeToAll`: its batches in order and never more than its
 * `batchSize`, the next one only after its handler resolved, `onCaughtUp` when a read found nothing new, and
 * an error (its handler's or the store's) stops it alone with `onError`. A store error of the shared read
 * stops every joined subscriber with it; each runner then recovers on its own, as from its own read.
 */
export class LogFanOut {
  private readonly members = new Set<Member>();
  /** The last position the shared reader has read up to (and handed to its joined subscribers). */
  private position = 0;
  private reading: Promise<void> | null = null;
  private idle = new AbortController();
  private counts = { sharedReads: 0, ownReads: 0 };

  /**
   * `share: false` (`SUBSCRIPTION_FAN_OUT=false`): every subscriber reads alone and waits for appends alone,
   * as before the fan-out; for comparison in the benchmark.
   */
  constructor(
    private readonly source: CatchUpSource,
    private readonly options: Readonly<{ share?: boolean }> = {},
  ) {}

  subscribe(options: SubscribeOptions): Subscription {
    const member = new Member(this, options);
    this.members.add(member);
    member.start();
    return {
      stop: async () => {
        await member.stop();
        this.leave(member);
      },
    };
  }

  stats(): FanOutStats {
    let joined = 0;
    for (const member of this.members) if (member.joined) joined += 1;
    return { ...this.counts, joined, alone: this.members.size - joined };
  }

  /** A subscriber's own read, counted. */
  readAlone(after: number, limit: number): Promise<StoredEvent[]> {
    this.counts.ownReads += 1;
    return this.source.readAll({ after, limit });
  }

  waitForAppend(position: number, signal: AbortSignal): Promise<void> {
    return this.source.waitForAppend(position, signal);
  }

  /**
   * A subscriber whose read found nothing after `position`: joined when the shared reader stands there
   * (or reads for nobody yet, and then starts there). `ahead`: the shared reader has read further, so there
   * is more to read alone at once; `behind`: it has not reached `position` yet, wait for an append.
   */
  tryJoin(member: Member, position: number): 'joined' | 'ahead' | 'behind' {
    if (this.options.share === false) return 'behind';
    if (this.joinedCount() === 0 && this.reading === null) this.position = position;
    if (this.position === position) {
      member.joined = true;
      // The reader may be ending its wait because the last subscriber left: it waits again for this one.
      if (this.idle.signal.aborted) this.idle = new AbortController();
      this.startReading();
      return 'joined';
    }
    return this.position > position ? 'ahead' : 'behind';
  }

  leave(member: Member): void {
    this.members.delete(member);
    member.joined = false;
    if (this.joinedCount() === 0) this.idle.abort();
  }

  private joinedCount(): number {
    let joined = 0;
    for (const member of this.members) if (member.joined) joined += 1;
    return joined;
  }

  private joinedMembers(): Member[] {
    return [...this.members].filter((member) => member.joined);
  }

  private startReading(): void {
    if (this.reading) return;
    this.reading = this.readForJoined().finally(() => {
      this.reading = null;
      // Somebody joined while the loop was ending: it must not be left without a reader.
      if (this.joinedCount() > 0) this.startReading();
    });
  }

  private async readForJoined(): Promise<void> {
    for (;;) {
      for (const member of this.joinedMembers()) {
        if (member.waiting() >= FAN_OUT_QUEUE_LIMIT) member.detach();
      }
      const joined = this.joinedMembers();
      if (joined.length === 0) return;
      const limit = Math.max(...joined.map((member) => member.batchSize));
      const after = this.position;
      let batch: StoredEvent[];
      try {
        this.counts.sharedReads += 1;
        batch = await this.source.readAll({ after, limit });
      } catch (error) {
        for (const member of this.joinedMembers()) member.fail(error);
        return;
      }
      if (batch.length === 0) {
        for (const member of this.joinedMembers()) member.deliver({ kind: 'caught-up' });
        await this.source.waitForAppend(after, this.idle.signal);
        continue;
      }
      for (const event of batch) Object.freeze(event);
      this.position = batch[batch.length - 1].globalPosition;
      // Only the subscribers that stood at `after`: one that joined during the read stands there too.
      for (const member of this.joinedMembers()) member.deliver({ kind: 'batch', events: batch });
    }
  }
}

/** One subscriber: its own loop, fed by the shared reader while joined, reading alone otherwise. */
class Member {
  joined = false;
  readonly batchSize: number;
  private position: number;
  private readonly queue: Item[] = [];
  private readonly abort = new AbortController();
  private wake: (() => void) | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly fanOut: LogFanOut,
    private readonly options: SubscribeOptions,
  ) {
    this.position = options.after;
    this.batchSize = Math.max(1, options.batchSize);
  }

  start(): void {
    this.running = this.loop().catch((error: unknown) => this.fail(error));
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.wakeUp();
    await this.running;
  }

  /** Batches not yet handled. */
  waiting(): number {
    return this.queue.reduce((count, item) => count + (item.kind === 'batch' ? 1 : 0), 0);
  }

  /** Too slow to be waited for: it handles what it has, then reads alone until it is at the head again. */
  detach(): void {
    this.joined = false;
    this.wakeUp();
  }

  deliver(item: Item): void {
    const last = this.queue[this.queue.length - 1];
    if (item.kind === 'caught-up' && last?.kind === 'caught-up') return;
    this.queue.push(item);
    this.wakeUp();
  }

  /** Its handler threw or the store failed: it stops, alone, and says why (unless it was being stopped). */
  fail(error: unknown): void {
    if (this.abort.signal.aborted) return;
    this.abort.abort();
    this.fanOut.leave(this);
    this.wakeUp();
    this.options.onError(error);
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  private async loop(): Promise<void> {
    const signal = this.abort.signal;
    while (!signal.aborted) {
      const item = this.queue.shift();
      if (item) {
        await this.handle(item);
        continue;
      }
      if (this.joined) {
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          if (this.queue.length > 0 || signal.aborted || !this.joined) this.wakeUp();
        });
        continue;
      }
      const batch = await this.fanOut.readAlone(this.position, this.batchSize);
      if (signal.aborted) return;
      if (batch.length > 0) {
        await this.handle({ kind: 'batch', events: batch });
        continue;
      }
      await this.options.onCaughtUp?.();
      if (signal.aborted) return;
      const joined = this.fanOut.tryJoin(this, this.position);
      if (joined === 'behind') await this.fanOut.waitForAppend(this.position, signal);
    }
  }

  private async handle(item: Item): Promise<void> {
    if (item.kind === 'caught-up') {
      await this.options.onCaughtUp?.();
      return;
    }
    // The shared batch may hold events this subscriber has had (it joined at a position inside it never:
    // it joins where the reader stands) — skipped all the same, and split into batches of its own size.
    const events = item.events.filter((event) => event.globalPosition > this.position);
    for (let start = 0; start < events.length; start += this.batchSize) {
      if (this.abort.signal.aborted) return;
      const chunk = events.slice(start, start + this.batchSize);
      await this.options.onBatch(chunk);
      this.position = chunk[chunk.length - 1].globalPosition;
    }
  }
}
