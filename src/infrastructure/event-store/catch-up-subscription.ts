import type { ReadAllOptions, StoredEvent } from '../../application/ports/event-store.port';

/** What a store gives its subscriptions (`LogFanOut`): batched reads of the log, and a wait for appends. */
export type CatchUpSource = Readonly<{
  readAll: (options: ReadAllOptions) => Promise<StoredEvent[]>;
  /**
   * Resolves when events after `position` may exist: on an append notification, or after a poll interval
   * (appends by other processes raise no notification here). Resolves early when `signal` aborts.
   */
  waitForAppend: (position: number, signal: AbortSignal) => Promise<void>;
}>;

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
