/**
 * A rebuild worker thread (started by `rebuild-workers.ts`): opens its own connections to the stores,
 * builds the generations of its share of the projections with its own reader of the log, and reports to
 * the thread that started it. It does not switch: that thread switches once every worker has built.
 */
import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { GenerationRetiredError } from '../../application/ports/read-store.port';
import { EventCatalog } from '../../application/shared/event-catalog';
import type { AnyProjection } from '../../projections/shared/projection';
import { openWorkerStores } from '../stores';
import { type BuildSnapshot, GenerationBuilder } from './generation-builder';
import type { ToWorker, WorkerInput, WorkerMessage } from './rebuild-workers';

const input = workerData as WorkerInput;
const port = parentPort;
if (!port) throw new Error('rebuild-worker runs as a worker thread only');
const post = (message: WorkerMessage) => port.postMessage(message);

const abort = new AbortController();
port.on('message', (message: ToWorker) => {
  if (message.type === 'stop') abort.abort();
});

const run = async (): Promise<void> => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const registry = require(input.definitionsModule) as {
    ALL_PROJECTIONS: readonly AnyProjection[];
    ALL_EVENT_TYPES: ConstructorParameters<typeof EventCatalog>[0];
  };
  const targets = input.targets.map(({ name, generation }) => {
    const definition = registry.ALL_PROJECTIONS.find((projection) => projection.name === name);
    if (!definition) throw new Error(`no projection named ${name} in ${input.definitionsModule}`);
    return { definition, generation };
  });
  const stores = await openWorkerStores(input.stores);
  try {
    const deps = {
      ...stores,
      clock: () => new Date(),
      upcast: new EventCatalog(registry.ALL_EVENT_TYPES).upcast,
      log: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) =>
        post({ type: 'log', level, message, fields }),
    };
    const before = input.occurredBefore;
    let lastPost = 0;
    const builder = new GenerationBuilder(deps, targets, {
      batchSize: input.batchSize,
      commitEvery: input.commitEvery,
      cacheLimit: input.cacheLimit,
      signal: abort.signal,
      typedReads: true,
      upTo: input.upTo,
      include: before === undefined ? undefined : (event) => Date.parse(event.occurredAt) < before,
      onSnapshot: (snapshot: BuildSnapshot, force: boolean) => {
        const now = Date.now();
        if (!force && now - lastPost < input.snapshotEveryMs) return;
        lastPost = now;
        post({ type: 'snapshot', snapshot });
      },
    });
    try {
      await builder.prepare();
      post({ type: 'snapshot', snapshot: builder.snapshot() });
      const result = await builder.build();
      post({ type: 'snapshot', snapshot: builder.snapshot() });
      post({ type: 'end', result });
    } catch (failure) {
      if (failure instanceof GenerationRetiredError) {
        post({ type: 'superseded', message: failure.message, slot: failure.slot, ...failure.generation });
        return;
      }
      post({ type: 'failed', message: await builder.failureMessage(failure) });
    }
  } finally {
    await Promise.all([stores.readStore.close(), stores.eventStore.close()]);
  }
};

run()
  .catch((error: unknown) => {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  })
  // The listener for `stop` would keep the thread alive: the messages posted are delivered all the same.
  .finally(() => port.close());
