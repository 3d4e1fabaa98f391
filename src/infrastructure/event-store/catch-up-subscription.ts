import type {
  ReadAllOptions,
  StoredEvent,
  SubscribeOptions,
  Subscription,
} from '../../application/ports/event-store.port';

export type CatchUpSource = Readonly<{
  readAll: (options: ReadAllOptions) => Promise<StoredEvent[]>;
  /**
   * Resolves when events after `position` may exist: on an append notification, or after a poll interval
   * (appends by other processes raise no notification here). Resolves early when `signal` aborts.
   */
  waitForAppend: (position: number, signal: AbortSignal) => Promise<void>;
}>;

/**
 * A catch-up subscription built on batched reads: read from the position until nothing is left, then wait
 * for an append, and again. One loop serves every adapter, so ordering and batching behave the same.
 */
export const catchUpSubscription = (source: CatchUpSource, options: SubscribeOptions): Subscription => {
  const abort = new AbortController();
  let position = options.after;

  const loop = async (): Promise<void> => {
    while (!abort.signal.aborted) {
      const batch = await source.readAll({ after: position, limit: options.batchSize });
      if (abort.signal.aborted) return;
      if (batch.length === 0) {
        await options.onCaughtUp?.();
        await source.waitForAppend(position, abort.signal);
        continue;
      }
      await options.onBatch(batch);
      position = batch[batch.length - 1].globalPosition;
    }
  };

  const running = loop().catch((error: unknown) => {
    // A read cut off by stop() (the store closing under it) is not a failure to report.
    if (abort.signal.aborted) return;
    abort.abort();
    options.onError(error);
  });

  return {
    stop: async () => {
      abort.abort();
      await running;
    },
  };
};

/** Sleeps `ms`, or less when `signal` aborts or `wake` is called. */
export const interruptibleSleep = (
  ms: number,
  signal: AbortSignal,
  register?: (wake: () => void) => () => void,
) =>
  new Promise<void>((resolve) => {
    const cleanups: Array<() => void> = [];
    const done = () => {
      for (const cleanup of cleanups) cleanup();
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    cleanups.push(
      () => clearTimeout(timer),
      () => signal.removeEventListener('abort', done),
    );
    const unregister = register?.(done);
    if (unregister) cleanups.push(unregister);
  });
