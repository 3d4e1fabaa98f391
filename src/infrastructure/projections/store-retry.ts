import { StoreUnavailableError } from '../../application/ports/event-store.port';
import type { CheckpointError } from '../../application/ports/read-store.port';
import { interruptibleSleep } from '../event-store/catch-up-subscription';

/**
 * How a runner waits between attempts after a store outage. `random` and `sleep` are injected so tests
 * run an outage of many attempts without waiting and with known delays.
 */
export type RetryPolicy = Readonly<{
  initialDelayMs: number;
  maxDelayMs: number;
  /** In [0, 1): the jitter. */
  random: () => number;
  /** Resolves after `ms`, or at once when `signal` aborts (the runner stopped). */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
}>;

/** A leader election takes seconds, a MongoDB step-down about ten: the cap keeps a long outage cheap. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  initialDelayMs: 200,
  maxDelayMs: 30_000,
  random: Math.random,
  sleep: (ms, signal) => interruptibleSleep(ms, signal),
};

/**
 * Capped exponential backoff with "equal jitter": the step doubles per attempt up to the cap, and the
 * delay is half the step plus a random share of the other half, so runners that failed together (every
 * projection at one step-down) do not all come back in the same millisecond, yet none retries at once.
 */
export const backoffDelay = (policy: RetryPolicy, attempt: number): number => {
  const step = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (policy.random() * step) / 2);
};

/** Where a runner stands in an outage: shown on /health and by `crm projections list`. */
export type RetryStatus = Readonly<{
  /** Failed attempts in a row, the first failure included. */
  attempt: number;
  /** When the first failure of this outage happened. */
  since: string;
  lastError: string;
  nextAttemptAt: string;
}>;

/**
 * True for an error that says a store could not serve the call (the adapters map server-side outages,
 * leader elections and deadlines to StoreUnavailableError), as opposed to an error of the projector's or
 * reactor's own code, which retrying cannot fix. Nor is the fence's GenerationRetiredError: the runner's
 * generation has ended and every retry would be refused again.
 */
export const isTransientStoreError = (error: unknown): boolean => error instanceof StoreUnavailableError;

/** An outage in a checkpoint's error slot (status `retrying`): `at` is when it began. */
export const retryAsCheckpointError = (retry: RetryStatus, position: number): CheckpointError => ({
  message: retry.lastError,
  position,
  eventId: '',
  eventType: '',
  streamId: '',
  at: retry.since,
  attempt: retry.attempt,
});

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** One runner's retries: counts the attempts of the current outage and waits out each backoff. */
export class OutageRetry {
  private current: RetryStatus | null = null;
  private abort = new AbortController();

  constructor(
    private readonly policy: RetryPolicy,
    private readonly clock: () => Date,
  ) {}

  get status(): RetryStatus | null {
    return this.current;
  }

  /** Records a failed attempt of this outage; returns how long to wait before the next one. */
  failed(error: unknown): number {
    const now = this.clock();
    const attempt = (this.current?.attempt ?? 0) + 1;
    const delay = backoffDelay(this.policy, attempt);
    this.current = {
      attempt,
      since: this.current?.since ?? now.toISOString(),
      lastError: messageOf(error),
      nextAttemptAt: new Date(now.getTime() + delay).toISOString(),
    };
    return delay;
  }

  /** Waits `delay`; false when `cancel` was called before or meanwhile. */
  async wait(delay: number): Promise<boolean> {
    if (this.abort.signal.aborted) return false;
    await this.policy.sleep(delay, this.abort.signal);
    return !this.abort.signal.aborted;
  }

  get cancelled(): boolean {
    return this.abort.signal.aborted;
  }

  /**
   * The retry loop of a runner: records `first`, lets `hooks.failed` show it, waits the backoff and calls
   * `hooks.resume`, again after every transient failure of it, until it succeeds, an error that is not a
   * store's comes (`hooks.fatal`), or the runner is stopped (`cancel`).
   */
  async recover(
    first: unknown,
    hooks: Readonly<{
      resume: () => Promise<void>;
      failed: (retry: RetryStatus, delayMs: number) => Promise<void> | void;
      fatal: (error: unknown) => void;
    }>,
  ): Promise<void> {
    let error = first;
    for (;;) {
      const delay = this.failed(error);
      await hooks.failed(this.current as RetryStatus, delay);
      if (!(await this.wait(delay))) return;
      try {
        await hooks.resume();
        return;
      } catch (next) {
        if (!isTransientStoreError(next)) {
          hooks.fatal(next);
          return;
        }
        error = next;
      }
    }
  }

  /** The store served a whole batch again: the outage is over. */
  recovered(): void {
    this.current = null;
  }

  /** The runner stops: a pending backoff ends at once and no further attempt is made. */
  cancel(): void {
    this.abort.abort();
  }

  /** A stopped runner that starts again retries afresh. */
  reset(): void {
    this.current = null;
    if (this.abort.signal.aborted) this.abort = new AbortController();
  }
}
