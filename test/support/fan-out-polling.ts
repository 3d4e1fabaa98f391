import type { ReadAllOptions, StoredEvent } from '../../src/application/ports/event-store.port';
import { interruptibleSleep } from '../../src/infrastructure/event-store/catch-up-subscription';
import { LogFanOut } from '../../src/infrastructure/event-store/log-fan-out';

/**
 * The adapters' one reader of the log over a wrapped store's reads, waking by a short poll (2 ms): what the
 * test stores (faults injected, positions spread) serve their subscriptions from.
 */
export const fanOutPolling = (readAll: (options: ReadAllOptions) => Promise<StoredEvent[]>): LogFanOut =>
  new LogFanOut({ readAll, waitForAppend: (_position, signal) => interruptibleSleep(2, signal) });
