import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { EventStore } from '../../application/ports/event-store.port';
import type { GenerationRef } from '../../application/ports/read-store.port';
import type { AnyProjection } from '../../projections/shared/projection';
import type { WorkerStores } from '../stores';
import type { BuildSnapshot, BuildState, BuildTarget } from './generation-builder';
import type { LogFn } from './runner-support';
import { startWorker, workerScript } from '../workers/script-worker';

/** What a worker is started with (plain data: `workerData`). */
export type WorkerInput = Readonly<{
  stores: WorkerStores;
  /** A module exporting `ALL_PROJECTIONS` and `ALL_EVENT_TYPES` (default: the application's features). */
  definitionsModule: string;
  targets: ReadonlyArray<{ name: string; generation: GenerationRef }>;
  batchSize: number;
  commitEvery: number;
  cacheLimit: number;
  upTo?: number;
  occurredBefore?: number;
  snapshotEveryMs: number;
}>;

export type ToWorker = Readonly<{ type: 'stop' }>;

export type WorkerMessage =
  | Readonly<{ type: 'snapshot'; snapshot: BuildSnapshot }>
  | Readonly<{
      type: 'log';
      level: 'info' | 'warn' | 'error';
      message: string;
      fields?: Record<string, unknown>;
    }>
  | Readonly<{ type: 'end'; result: 'built' | 'stopped' }>
  | Readonly<{ type: 'failed'; message: string }>
  | Readonly<{
      type: 'superseded';
      message: string;
      slot: string;
      version: number;
      generation: number;
    }>;

/** How a rebuild spreads its projections over worker threads (`RebuildOptions.workers`). */
export type RebuildWorkers = Readonly<{
  /** Worker threads; 1 (or a single projection) builds in the calling thread. */
  count: number;
  /** How each worker opens its own connections to the stores. */
  stores: WorkerStores;
  /** A module exporting `ALL_PROJECTIONS` and `ALL_EVENT_TYPES` the workers find the definitions in. */
  definitionsModule?: string;
}>;

/** A worker's projector threw, or the worker itself failed: the rebuild fails with this message. */
export class RebuildWorkerFailed extends Error {}

/** A worker's generation was retired by another rebuild: the rebuild is superseded. */
export class RebuildWorkerSuperseded extends Error {
  constructor(
    message: string,
    readonly slot: string,
    readonly generation: GenerationRef,
  ) {
    super(message);
  }
}

const FEATURES_MODULE = join(__dirname, '..', '..', 'application', 'features');

/**
 * True when the workers find every one of these definitions in their module, the very same objects
 * (a worker looks a projection up by name): a definition made elsewhere (a test's, a patched one) is
 * built in the calling thread instead.
 */
export const workersFind = (workers: RebuildWorkers, definitions: readonly AnyProjection[]): boolean => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const registry = require(workers.definitionsModule ?? FEATURES_MODULE) as {
    ALL_PROJECTIONS?: readonly AnyProjection[];
  };
  return definitions.every((definition) => registry.ALL_PROJECTIONS?.includes(definition) === true);
};

/** The cost of building a projection: the events of the types it handles (or how many types it handles). */
const costOf = (definition: AnyProjection, counts: Record<string, number> | null): number =>
  [...new Set(definition.handles)].reduce((sum, type) => sum + (counts ? (counts[type] ?? 0) : 1), 1);

/**
 * Projections → at most `count` groups of about equal cost: the costliest first, each to the group
 * with the least so far (longest processing time first). Every projection is in exactly one group.
 */
export const partitionByCost = async (
  eventStore: EventStore,
  targets: readonly BuildTarget[],
  count: number,
): Promise<BuildTarget[][]> => {
  const counts = eventStore.countByType ? await eventStore.countByType() : null;
  const groups = Array.from({ length: Math.min(count, targets.length) }, () => ({
    cost: 0,
    targets: [] as BuildTarget[],
  }));
  const sorted = targets
    .map((target) => ({ target, cost: costOf(target.definition, counts) }))
    .sort((a, b) => b.cost - a.cost || a.target.definition.name.localeCompare(b.target.definition.name));
  for (const { target, cost } of sorted) {
    const lightest = groups.reduce((least, group) => (group.cost < least.cost ? group : least));
    lightest.targets.push(target);
    lightest.cost += cost;
  }
  return groups.map((group) => group.targets);
};

const STATE_ORDER: readonly BuildState[] = ['building', 'indexing', 'built', 'stopped'];

/** The workers' snapshots as one: as far as the slowest, over the whole range any of them reads. */
export const combineSnapshots = (snapshots: readonly BuildSnapshot[]): BuildSnapshot => ({
  state: snapshots.reduce<BuildState>(
    (least, snapshot) =>
      STATE_ORDER.indexOf(snapshot.state) < STATE_ORDER.indexOf(least) ? snapshot.state : least,
    'stopped',
  ),
  startPosition: Math.min(...snapshots.map((snapshot) => snapshot.startPosition)),
  position: Math.min(...snapshots.map((snapshot) => snapshot.position)),
  head: Math.max(...snapshots.map((snapshot) => snapshot.head)),
  retry: snapshots.find((snapshot) => snapshot.retry)?.retry ?? null,
});

export type WorkerBuildOptions = Readonly<{
  batchSize: number;
  commitEvery: number;
  cacheLimit: number;
  upTo?: number;
  occurredBefore?: number;
  signal?: AbortSignal;
  log: LogFn;
  /** Called with the combined snapshot whenever a worker reports. */
  onSnapshot: (snapshot: BuildSnapshot) => void;
}>;

/**
 * Builds each group's generations in a worker thread of its own, all at once. Resolves 'built' when
 * every worker built its share at the head, 'stopped' when the signal stopped them (each committed what
 * it applied: a rerun resumes). A worker that fails stops the others and the build rejects with
 * RebuildWorkerFailed naming it (or RebuildWorkerSuperseded); nothing is switched either way.
 */
export const buildInWorkers = async (
  groups: readonly (readonly BuildTarget[])[],
  workers: RebuildWorkers,
  options: WorkerBuildOptions,
): Promise<'built' | 'stopped'> => {
  const script = workerScript(join(__dirname, 'rebuild-worker'));
  const snapshots: BuildSnapshot[] = groups.map(() => ({
    state: 'building',
    startPosition: 0,
    position: 0,
    head: 0,
    retry: null,
  }));
  const reported = groups.map(() => false);
  const threads: Worker[] = [];
  let failure: Error | null = null;
  const stopAll = () => {
    for (const thread of threads) thread.postMessage({ type: 'stop' } satisfies ToWorker);
  };
  const onAbort = () => stopAll();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const fail = (error: Error) => {
    // The first failure is the one reported; the others are the consequence of stopping.
    if (!failure) failure = error;
    stopAll();
  };
  const runs = groups.map(
    (group, index) =>
      new Promise<'built' | 'stopped'>((resolve) => {
        const names = group.map((target) => target.definition.name);
        const label = `rebuild worker ${index + 1} of ${groups.length} (${names.join(', ')})`;
        const input: WorkerInput = {
          stores: workers.stores,
          definitionsModule: workers.definitionsModule ?? FEATURES_MODULE,
          targets: group.map((target) => ({
            name: target.definition.name,
            generation: target.generation,
          })),
          batchSize: options.batchSize,
          commitEvery: options.commitEvery,
          cacheLimit: Math.max(1, Math.floor((options.cacheLimit * group.length) / countOf(groups))),
          upTo: options.upTo,
          occurredBefore: options.occurredBefore,
          snapshotEveryMs: 100,
        };
        const thread = startWorker(script, { workerData: input });
        threads.push(thread);
        if (options.signal?.aborted) thread.postMessage({ type: 'stop' } satisfies ToWorker);
        let ended: 'built' | 'stopped' | null = null;
        thread.on('message', (message: WorkerMessage) => {
          switch (message.type) {
            case 'snapshot':
              snapshots[index] = message.snapshot;
              reported[index] = true;
              if (reported.every(Boolean)) options.onSnapshot(combineSnapshots(snapshots));
              return;
            case 'log':
              options.log(message.level, message.message, message.fields);
              return;
            case 'end':
              ended = message.result;
              return;
            case 'failed':
              ended = 'stopped';
              fail(new RebuildWorkerFailed(message.message));
              return;
            case 'superseded':
              ended = 'stopped';
              fail(
                new RebuildWorkerSuperseded(message.message, message.slot, {
                  version: message.version,
                  generation: message.generation,
                }),
              );
          }
        });
        thread.on('error', (error) => {
          ended = 'stopped';
          fail(new RebuildWorkerFailed(`${label} failed: ${error.message}`));
        });
        thread.on('exit', (code) => {
          if (ended === null) {
            fail(new RebuildWorkerFailed(`${label} exited with code ${code} before it finished`));
            ended = 'stopped';
          }
          resolve(ended);
        });
      }),
  );
  try {
    const results = await Promise.all(runs);
    if (failure) throw failure;
    return results.every((result) => result === 'built') ? 'built' : 'stopped';
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
};

const countOf = (groups: readonly (readonly BuildTarget[])[]): number =>
  groups.reduce((sum, group) => sum + group.length, 0);
