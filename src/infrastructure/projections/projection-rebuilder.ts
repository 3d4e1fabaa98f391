import type { StoredEvent } from '../../application/ports/event-store.port';
import {
  type GenerationRef,
  GenerationRetiredError,
  type Slot,
} from '../../application/ports/read-store.port';
import type { AnyProjection } from '../../projections/shared/projection';
import { generationCheckpoint, generationCollection } from './generations';
import { ProjectionRunner } from './projection-runner';
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
}>;

type Build = { definition: AnyProjection; generation: GenerationRef; runner: ProjectionRunner };

/**
 * Blue/green rebuild of several projections with one shared reader of the log. Each projection gets a
 * new generation beside the live one (tables without secondary indexes, large transactions), with its
 * own checkpoint so an interrupted rebuild resumes. At the head the indexes are created, the last events
 * are applied, and each slot switches with one compare-and-set. Readers never see a half-built generation.
 * A store outage pauses it: after a backoff every runner takes up its committed checkpoint again (what
 * was applied and not committed is forgotten) and the phases run again from there.
 */
export const rebuildProjections = async (
  deps: RunnerDeps,
  definitions: readonly AnyProjection[],
  options: RebuildOptions = {},
): Promise<RebuildProgress> => {
  const batchSize = options.batchSize ?? 5000;
  const cacheLimit = options.cacheLimit ?? 50_000;
  const { readStore, eventStore } = deps;
  await collectRetired(readStore, deps.clock());
  const builds: Build[] = [];
  for (const definition of definitions) {
    const generation = await beginBuilding(readStore, definition, deps.clock());
    const runner = new ProjectionRunner(
      deps,
      definition,
      {
        batchSize,
        commitEvery: options.commitEvery ?? 50_000,
        // The rebuild bounds the caches of all its runners together (`shrinkCaches`).
        cacheLimit: Number.MAX_SAFE_INTEGER,
      },
      {
        collection: generationCollection(definition.collection, generation),
        checkpointName: generationCheckpoint(definition.name, generation),
        fence: { slot: definition.collection, generation },
      },
    );
    await runner.load({ createIndexes: false, empty: true });
    builds.push({ definition, generation, runner });
  }
  /** Which runners handle each event type: an event is routed, and upcast, once for all of them. */
  const routes = new Map<string, number[]>();
  builds.forEach((build, index) => {
    for (const type of new Set(build.definition.handles))
      routes.set(type, [...(routes.get(type) ?? []), index]);
  });
  const applyAll = async (batch: readonly StoredEvent[]) => {
    const perRunner: StoredEvent[][] = builds.map(() => []);
    for (const stored of batch) {
      const targets = routes.get(stored.type);
      if (!targets || (options.include && !options.include(stored))) continue;
      const event = deps.upcast(stored);
      for (const index of targets) perRunner[index].push(event);
    }
    const last = batch[batch.length - 1].globalPosition;
    for (const [index, build] of builds.entries()) {
      await build.runner.applyBatch(perRunner[index], last, batch.length);
    }
  };
  const shrinkCaches = async () => {
    const total = builds.reduce((sum, build) => sum + build.runner.cachedDocuments, 0);
    if (total <= cacheLimit) return;
    for (const { runner } of builds) {
      await runner.shrinkCache(Math.floor((runner.cachedDocuments * cacheLimit) / (2 * total)));
    }
  };
  const startPosition = Math.min(...builds.map((build) => build.runner.committedPosition));
  const started = Date.now();
  let position = startPosition;
  let head = Math.min(options.upTo ?? Infinity, await eventStore.headPosition());
  let state: RebuildState = 'building';
  let error: string | null = null;
  let lastReport = 0;
  /** Set at the switch: the grace before dropping the old generation is not rebuild time. */
  let finishedAt: number | null = null;
  const outage = new OutageRetry(deps.retry ?? DEFAULT_RETRY_POLICY, deps.clock);
  options.signal?.addEventListener('abort', () => outage.cancel(), { once: true });
  /** Projections already switched: a retry after an outage in the switching phase does not redo them. */
  const switched = new Set<string>();

  const progress = (): RebuildProgress => {
    const elapsedMs = (finishedAt ?? Date.now()) - started;
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
      retry: outage.status,
    };
  };
  const report = (force = false) => {
    const now = Date.now();
    if (!force && now - lastReport < (options.progressEveryMs ?? 250)) return;
    lastReport = now;
    options.onProgress?.(progress());
  };

  /** Reads and applies until the head (or `upTo`); false when stopped. */
  const catchUp = async (): Promise<boolean> => {
    for (;;) {
      if (options.signal?.aborted) return false;
      const batch = await eventStore.readAll({ after: position, limit: batchSize, upTo: options.upTo });
      if (batch.length === 0) return true;
      await applyAll(batch);
      await shrinkCaches();
      position = batch[batch.length - 1].globalPosition;
      outage.recovered();
      // SQLite answers synchronously: without this the whole rebuild would be one chain of resolved
      // promises and an API in the same process would not answer a single request until it ended.
      await new Promise((resolve) => setImmediate(resolve));
      if (position > head) head = Math.min(options.upTo ?? Infinity, await eventStore.headPosition());
      report();
      // A short batch was the head when it was read. Under steady appends a read may never come back
      // empty; the live runner takes over the few events after it once the switch is made.
      if (batch.length < batchSize) return true;
    }
  };
  const flushAll = async () => {
    for (const build of builds) await build.runner.flush();
  };

  const stopped = async (): Promise<RebuildProgress> => {
    state = 'stopped';
    report(true);
    return progress();
  };
  /** Every phase from the committed checkpoints to the switch; false when stopped. */
  const runPhases = async (): Promise<boolean> => {
    state = 'building';
    const finished = await catchUp();
    await flushAll();
    if (!finished) return false;
    state = 'indexing';
    report(true);
    for (const { runner } of builds) await runner.createIndexes();
    // Events appended while the indexes were built; then the generations are at the head.
    const atHead = await catchUp();
    await flushAll();
    if (!atHead) return false;
    state = 'switching';
    report(true);
    finishedAt = Date.now();
    for (const { definition, generation } of builds) {
      if (switched.has(definition.name)) continue;
      const slot =
        (await switchToBuilt(readStore, definition, generation, graceMs, deps.clock())) ??
        (await liveAlready(definition, generation));
      switched.add(definition.name);
      outage.recovered();
      if (slot) await options.onSwitched?.(definition, slot);
    }
    return true;
  };
  /** A switch whose answer an outage cut off may have been made: then the slot shows it live. */
  const liveAlready = async (definition: AnyProjection, generation: GenerationRef) => {
    const slot = await readStore.readSlot(definition.collection);
    return slot && slot.live.generation === generation.generation ? slot : null;
  };
  /** After an outage: each runner takes up its committed checkpoint; the reader starts at the lowest. */
  const resume = async () => {
    for (const build of builds) await build.runner.load({ createIndexes: false, empty: true });
    position = Math.min(...builds.map((build) => build.runner.committedPosition));
  };
  const graceMs = options.retireGraceMs ?? 5000;

  try {
    report(true);
    for (;;) {
      try {
        if (!(await runPhases())) return await stopped();
        break;
      } catch (failure) {
        if (!isTransientStoreError(failure)) throw failure;
        let delay = outage.failed(failure);
        report(true);
        for (;;) {
          if (!(await outage.wait(delay))) return await stopped();
          try {
            await resume();
            break;
          } catch (next) {
            if (!isTransientStoreError(next)) throw next;
            delay = outage.failed(next);
            report(true);
          }
        }
      }
    }
    outage.recovered();
    if (options.dropRetired) {
      await new Promise((resolve) => setTimeout(resolve, graceMs));
      await collectRetired(readStore, deps.clock());
    }
    state = 'done';
    report(true);
    return progress();
  } catch (failure) {
    if (failure instanceof GenerationRetiredError) {
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
    const failed = await Promise.all(builds.map((build) => build.runner.status()));
    const cause = failed.find((status) => status.error)?.error;
    error = cause
      ? `projection ${failed.find((status) => status.error)?.name} failed at position ${cause.position} (${cause.eventType}): ${cause.message}; fix it and rerun the rebuild: it resumes`
      : failure instanceof Error
        ? failure.message
        : String(failure);
    report(true);
    return progress();
  }
};
