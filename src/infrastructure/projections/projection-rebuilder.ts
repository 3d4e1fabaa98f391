import type { StoredEvent } from '../../application/ports/event-store.port';
import {
  type GenerationRef,
  GenerationRetiredError,
  type Slot,
} from '../../application/ports/read-store.port';
import type { AnyProjection } from '../../projections/shared/projection';
import { type BuildSnapshot, type BuildTarget, GenerationBuilder } from './generation-builder';
import {
  buildInWorkers,
  partitionByCost,
  RebuildWorkerFailed,
  type RebuildWorkers,
  RebuildWorkerSuperseded,
  workersFind,
} from './rebuild-workers';
import type { RunnerDeps } from './runner-support';
import { beginBuilding, collectRetired, switchToBuilt } from './slot-registry';
import { DEFAULT_RETRY_POLICY, isTransientStoreError, OutageRetry, type RetryStatus } from './store-retry';

export type RebuildState = 'building' | 'indexing' | 'switching' | 'done' | 'stopped' | 'failed';

export type RebuildProgress = Readonly<{
  projections: readonly string[];
  state: RebuildState;
  /** Position the shared reader started from (the lowest checkpoint of the generations being built). */
  startPosition: number;
  position: number;
  head: number;
  eventsDone: number;
  eventsTotal: number;
  eventsPerSecond: number;
  /** Estimated time left; null until there is a rate to go by. */
  etaMs: number | null;
  elapsedMs: number;
  /** Why it failed; for a rebuild stopped because another one took its generation over, `superseded: …`. */
  error: string | null;
  /** While a store does not answer: the rebuild waits out a backoff and resumes from its checkpoints. */
  retry: RetryStatus | null;
}>;

export type RebuildOptions = Readonly<{
  /** Events per read of the shared reader (default 5000). */
  batchSize?: number;
  /** Events between commits of the building generations (default 50 000): large transactions. */
  commitEvery?: number;
  /**
   * Documents all the runners together keep in memory (default 50 000). Past it every runner commits
   * and forgets its least recently written documents, down to half: memory stays flat however long the
   * history, and the open records (the ones events still touch) stay cached.
   */
  cacheLimit?: number;
  /** Abort to stop: applied events are committed, so a rerun resumes from there. */
  signal?: AbortSignal;
  onProgress?: (progress: RebuildProgress) => void;
  /** How often onProgress is called while building (default 250 ms). */
  progressEveryMs?: number;
  /** How long a retired generation is kept after the switch (default 5000 ms). */
  retireGraceMs?: number;
  /** Wait out the grace and drop the old generations before returning (the CLI: nobody else may). */
  dropRetired?: boolean;
  /** Called after each projection's switch, e.g. to move this process's live runner. */
  onSwitched?: (definition: AnyProjection, slot: Slot) => Promise<void> | void;
  /** Replay: only these events are applied (business time as of a date). */
  include?: (event: StoredEvent) => boolean;
  /** Replay: read no further than this position. */
  upTo?: number;
  /** Replay: only the events whose business time (`occurredAt`) is before this instant (ms since 1970). */
  occurredBefore?: number;
  /**
   * Spread the projections over worker threads, each with its own reader and connections (`count` 1:
   * this thread). A rebuild of one projection, one given `include` (a function cannot reach a worker),
   * or of definitions the workers cannot find in their module builds in this thread.
   */
  workers?: RebuildWorkers;
}>;

/**
 * Blue/green rebuild of several projections. Each projection gets a new generation beside the live one
 * (tables without secondary indexes, large transactions), with its own checkpoint so an interrupted
 * rebuild resumes. The generations are built by one reader of the log in this thread, or spread over
 * worker threads (`workers`), each with its own reader and its own connections, the projections split by
 * cost. At the head the indexes are created and the last events applied; once every projection is built,
 * each slot switches with one compare-and-set. Readers never see a half-built generation. A store outage
 * pauses it: after a backoff every runner takes up its committed checkpoint again and goes on from there.
 */
export const rebuildProjections = async (
  deps: RunnerDeps,
  definitions: readonly AnyProjection[],
  options: RebuildOptions = {},
): Promise<RebuildProgress> => {
  const batchSize = options.batchSize ?? 5000;
  const cacheLimit = options.cacheLimit ?? 50_000;
  const commitEvery = options.commitEvery ?? 50_000;
  const { readStore, eventStore } = deps;
  await collectRetired(readStore, deps.clock());
  const targets: BuildTarget[] = [];
  for (const definition of definitions) {
    targets.push({ definition, generation: await beginBuilding(readStore, definition, deps.clock()) });
  }
  const workers = options.workers;
  // A replay's `include` is a function: it cannot be sent to a worker (`occurredBefore` can).
  const parallel =
    workers !== undefined &&
    workers.count > 1 &&
    targets.length > 1 &&
    options.include === undefined &&
    workersFind(workers, definitions);
  const started = Date.now();
  let snapshot: BuildSnapshot = { state: 'building', startPosition: 0, position: 0, head: 0, retry: null };
  let state: RebuildState = 'building';
  let error: string | null = null;
  let lastReport = 0;
  /** Set at the switch: the grace before dropping the old generation is not rebuild time. */
  let finishedAt: number | null = null;
  const outage = new OutageRetry(deps.retry ?? DEFAULT_RETRY_POLICY, deps.clock);
  options.signal?.addEventListener('abort', () => outage.cancel(), { once: true });

  const progress = (): RebuildProgress => {
    const elapsedMs = (finishedAt ?? Date.now()) - started;
    const { startPosition, position, head } = snapshot;
    const eventsDone = Math.max(0, position - startPosition);
    const eventsTotal = Math.max(eventsDone, head - startPosition);
    const eventsPerSecond = elapsedMs > 0 ? Math.round((eventsDone * 1000) / elapsedMs) : 0;
    const etaMs =
      eventsPerSecond > 0 ? Math.round(((eventsTotal - eventsDone) * 1000) / eventsPerSecond) : null;
    return {
      projections: definitions.map((definition) => definition.name),
      state,
      startPosition,
      position,
      head,
      eventsDone,
      eventsTotal,
      eventsPerSecond,
      etaMs: state === 'done' ? 0 : etaMs,
      elapsedMs,
      error,
      retry: outage.status ?? snapshot.retry,
    };
  };
  const report = (force = false) => {
    const now = Date.now();
    if (!force && now - lastReport < (options.progressEveryMs ?? 250)) return;
    lastReport = now;
    options.onProgress?.(progress());
  };
  const onSnapshot = (next: BuildSnapshot, force = false) => {
    const moved = next.state !== snapshot.state;
    snapshot = next;
    if (next.state === 'building' || next.state === 'indexing') state = next.state;
    report(force || moved);
  };

  /** Every projection built at the head, in this thread or over the workers: 'built' or 'stopped'. */
  const build = async (): Promise<'built' | 'stopped'> => {
    if (parallel) {
      return buildInWorkers(await partitionByCost(eventStore, targets, workers.count), workers, {
        batchSize,
        commitEvery,
        cacheLimit,
        upTo: options.upTo,
        occurredBefore: options.occurredBefore,
        signal: options.signal,
        log: deps.log,
        onSnapshot,
      });
    }
    const before = options.occurredBefore;
    const include =
      options.include ??
      (before === undefined ? undefined : (event: StoredEvent) => Date.parse(event.occurredAt) < before);
    const builder = new GenerationBuilder(deps, targets, {
      batchSize,
      commitEvery,
      cacheLimit,
      signal: options.signal,
      include,
      upTo: options.upTo,
      onSnapshot,
    });
    try {
      await builder.prepare();
      snapshot = builder.snapshot();
      report(true);
      return await builder.build();
    } catch (failure) {
      if (failure instanceof GenerationRetiredError) throw failure;
      throw new RebuildWorkerFailed(await builder.failureMessage(failure));
    }
  };

  /** Projections already switched: a retry after an outage in the switching phase does not redo them. */
  const switched = new Set<string>();
  /** A switch whose answer an outage cut off may have been made: then the slot shows it live. */
  const liveAlready = async (definition: AnyProjection, generation: GenerationRef) => {
    const slot = await readStore.readSlot(definition.collection);
    return slot && slot.live.generation === generation.generation ? slot : null;
  };
  const graceMs = options.retireGraceMs ?? 5000;
  /** Each slot to its built generation; an outage is waited out and the switches not made are retried. */
  const switchAll = async (): Promise<boolean> => {
    for (;;) {
      try {
        for (const { definition, generation } of targets) {
          if (switched.has(definition.name)) continue;
          const slot =
            (await switchToBuilt(readStore, definition, generation, graceMs, deps.clock())) ??
            (await liveAlready(definition, generation));
          switched.add(definition.name);
          outage.recovered();
          if (slot) await options.onSwitched?.(definition, slot);
        }
        outage.recovered();
        return true;
      } catch (failure) {
        if (!isTransientStoreError(failure)) throw failure;
        const delay = outage.failed(failure);
        report(true);
        if (!(await outage.wait(delay))) return false;
      }
    }
  };

  const stopped = (): RebuildProgress => {
    state = 'stopped';
    report(true);
    return progress();
  };

  try {
    // In this thread the first report comes once the checkpoints are read (where the reader starts).
    if (parallel) report(true);
    if ((await build()) === 'stopped') return stopped();
    state = 'switching';
    report(true);
    finishedAt = Date.now();
    if (!(await switchAll())) return stopped();
    if (options.dropRetired) {
      await new Promise((resolve) => setTimeout(resolve, graceMs));
      await collectRetired(readStore, deps.clock());
    }
    state = 'done';
    report(true);
    return progress();
  } catch (failure) {
    const superseded =
      failure instanceof GenerationRetiredError || failure instanceof RebuildWorkerSuperseded;
    if (superseded) {
      // Another rebuild (in any process) abandoned this generation and it was dropped: this one is
      // superseded, not failed, and running it again would only build what the other one builds.
      state = 'stopped';
      error = `superseded: ${failure.message}`;
      deps.log(
        'info',
        `rebuild of ${definitions.map((d) => d.name).join(', ')} stopped, superseded: ${failure.message}`,
        {
          slot: failure.slot,
          ...failure.generation,
        },
      );
      report(true);
      return progress();
    }
    state = 'failed';
    error = failure instanceof Error ? failure.message : String(failure);
    report(true);
    return progress();
  }
};
