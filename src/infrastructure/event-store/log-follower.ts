import type { EventStore, StoredEvent, Subscription } from '../../application/ports/event-store.port';
import { interruptibleSleep } from './catch-up-subscription';

/** After a failure the follower follows the log again after this, doubling up to the maximum. */
export const FOLLOW_RETRY_MS = { first: 1000, max: 30_000 } as const;

export type LogFollowerOptions = Readonly<{
  eventStore: EventStore;
  /** The event types it is told of; the others are skipped. */
  types: ReadonlySet<string>;
  /** Called with each event of those types, in log order; it must not throw. */
  onEvent: (event: StoredEvent) => void;
  /** Told of each store error (the follower then waits `retryInMs` and follows again from where it stood). */
  onError: (error: unknown, retryInMs: number) => void;
  retryMs?: Readonly<{ first: number; max: number }>;
}>;

/**
 * Follows the log in the background for a few event types (a cache evicting what another process
 * changed): from the head at `start` (what happened before is already in the store), through the store's
 * subscription (the process's one reader, `LogFanOut`), never delaying the caller; after a store error it
 * follows again with backoff from where it stood, so nothing is skipped; `stop` ends it.
 *
 * It says how far it can be trusted: `followingSince` (monotonic clock, `performance.now()`) is set once
 * the head it starts from is known, so anything stored after a moment at or after it reaches `onEvent`;
 * `atHeadAt` is the last moment a read of the log found nothing new after what it has handed over (every
 * event stored before that read began has been handed over). Both stay null until then.
 */
export class LogFollower {
  private subscription: Subscription | undefined;
  private readonly stopping = new AbortController();
  private following: Promise<void> = Promise.resolve();
  private since: number | null = null;
  private headAt: number | null = null;

  constructor(private readonly options: LogFollowerOptions) {}

  get followingSince(): number | null {
    return this.since;
  }

  get atHeadAt(): number | null {
    return this.headAt;
  }

  start(): void {
    this.following = this.follow();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.following;
    await this.subscription?.stop();
  }

  private async follow(): Promise<void> {
    const { eventStore, types, onEvent, onError } = this.options;
    const retry = this.options.retryMs ?? FOLLOW_RETRY_MS;
    let position: number | null = null;
    let delay: number = retry.first;
    while (!this.stopping.signal.aborted) {
      try {
        const after: number = position ?? (await eventStore.headPosition());
        if (position === null) this.since = performance.now();
        position = after;
        const failed = await new Promise<unknown>((resolve) => {
          this.subscription = eventStore.subscribeToAll({
            after,
            batchSize: 1000,
            onBatch: async (batch) => {
              for (const event of batch) if (types.has(event.type)) onEvent(event);
              position = batch[batch.length - 1].globalPosition;
              delay = retry.first;
            },
            onCaughtUp: async () => {
              this.headAt = performance.now();
              delay = retry.first;
            },
            onError: resolve,
          });
          this.stopping.signal.addEventListener('abort', () => resolve(null), { once: true });
        });
        if (failed === null) return;
        this.subscription = undefined;
        throw failed;
      } catch (error) {
        if (this.stopping.signal.aborted) return;
        onError(error, delay);
        await interruptibleSleep(delay, this.stopping.signal);
        delay = Math.min(retry.max, delay * 2);
      }
    }
  }
}
