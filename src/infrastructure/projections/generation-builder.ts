import type { StoredEvent } from '../../application/ports/event-store.port';
import type { GenerationRef } from '../../application/ports/read-store.port';
import type { AnyProjection } from '../../projections/shared/projection';
import { generationCheckpoint, generationCollection } from './generations';
import { ProjectionRunner } from './projection-runner';
import type { RunnerDeps } from './runner-support';
import { DEFAULT_RETRY_POLICY, isTransientStoreError, OutageRetry, type RetryStatus } from './store-retry';

/** A projection and the generation of its slot being built for it. */
export type BuildTarget = Readonly<{ definition: AnyProjection; generation: GenerationRef }>;

export type BuildState = 'building' | 'indexing' | 'built' | 'stopped';

/** Where a builder stands: what a rebuild reports, added up over its workers. */
export type BuildSnapshot = Readonly<{
  state: BuildState;
  startPosition: number;
  position: number;
  head: number;
  retry: RetryStatus | null;
}>;

export type BuildOptions = Readonly<{
  batchSize: number;
  commitEvery: number;
  /** Documents all the runners of this builder together keep in memory. */
  cacheLimit: number;
  signal?: AbortSignal;
  /** Replay: only these events are applied (business time as of a date). */
  include?: (event: StoredEvent) => boolean;
  /** Replay: read no further than this position. */
  upTo?: number;
  /**
   * Read only the events of the types these projections handle where the store can (a worker, which
   * builds a share of the projections: the other events are never decoded). Default: `readAll`.
   */
  typedReads?: boolean;
  /** Called after every batch (and at each change of state); the caller throttles. */
  onSnapshot?: (snapshot: BuildSnapshot, force: boolean) => void;
}>;

/**
 * Builds the new generations of some projections from one reader of the log, up to the head, indexed
 * and committed, but does not switch them: a rebuild switches once every projection of it is built
 * (`rebuildProjections`, in this thread or over workers, each worker a builder of its share).
 *
 * Each projection's generation has its own checkpoint: the reader starts at the lowest, and a runner
 * skips what it already has, so an interrupted build resumes. A store outage pauses it: after a backoff
 * every runner takes up its committed checkpoint again and the phases run again from there.
 */
export class GenerationBuilder {
  private readonly runners: ProjectionRunner[] = [];
  /** Which runners handle each event type: an event is routed, and upcast, once for all of them. */
  private readonly routes = new Map<string, number[]>();
  private readonly types: string[];
  private readonly outage: OutageRetry;
  private state: BuildState = 'building';
  private startPosition = 0;
  private position = 0;
  private head = 0;

  constructor(
    private readonly deps: RunnerDeps,
    private readonly targets: readonly BuildTarget[],
    private readonly options: BuildOptions,
  ) {
    this.outage = new OutageRetry(deps.retry ?? DEFAULT_RETRY_POLICY, deps.clock);
    options.signal?.addEventListener('abort', () => this.outage.cancel(), { once: true });
    targets.forEach(({ definition }, index) => {
      for (const type of new Set(definition.handles))
        this.routes.set(type, [...(this.routes.get(type) ?? []), index]);
    });
    this.types = [...this.routes.keys()];
  }

  /** Makes each generation's collection (no indexes yet) and takes up its checkpoint. */
  async prepare(): Promise<void> {
    for (const { definition, generation } of this.targets) {
      const runner = new ProjectionRunner(
        this.deps,
        definition,
        {
          batchSize: this.options.batchSize,
          commitEvery: this.options.commitEvery,
          // The builder bounds the caches of all its runners together (`shrinkCaches`).
          cacheLimit: Number.MAX_SAFE_INTEGER,
        },
        {
          collection: generationCollection(definition.collection, generation),
          checkpointName: generationCheckpoint(definition.name, generation),
          fence: { slot: definition.collection, generation },
        },
      );
      await runner.load({ createIndexes: false, empty: true });
      this.runners.push(runner);
    }
    this.startPosition = this.lowestCheckpoint();
    this.position = this.startPosition;
    this.head = await this.readHead();
  }

  snapshot(): BuildSnapshot {
    return {
      state: this.state,
      startPosition: this.startPosition,
      position: this.position,
      head: this.head,
      retry: this.outage.status,
    };
  }

  /** Every phase from the committed checkpoints to built at the head: 'built', or 'stopped' when aborted. */
  async build(): Promise<'built' | 'stopped'> {
    for (;;) {
      try {
        const result = await this.phases();
        this.outage.recovered();
        this.state = result;
        this.emit(true);
        return result;
      } catch (failure) {
        if (!isTransientStoreError(failure)) throw failure;
        let delay = this.outage.failed(failure);
        this.emit(true);
        for (;;) {
          if (!(await this.outage.wait(delay))) {
            this.state = 'stopped';
            this.emit(true);
            return 'stopped';
          }
          try {
            await this.resume();
            break;
          } catch (next) {
            if (!isTransientStoreError(next)) throw next;
            delay = this.outage.failed(next);
            this.emit(true);
          }
        }
      }
    }
  }

  /** Why the build failed, naming the projection whose projector threw, if one did. */
  async failureMessage(failure: unknown): Promise<string> {
    const statuses = await Promise.all(this.runners.map((runner) => runner.status()));
    const failed = statuses.find((status) => status.error);
    return failed?.error
      ? `projection ${failed.name} failed at position ${failed.error.position} (${failed.error.eventType}): ${failed.error.message}; fix it and rerun the rebuild: it resumes`
      : failure instanceof Error
        ? failure.message
        : String(failure);
  }

  private async phases(): Promise<'built' | 'stopped'> {
    this.state = 'building';
    const finished = await this.catchUp();
    await this.flushAll();
    if (!finished) return 'stopped';
    this.state = 'indexing';
    this.emit(true);
    for (const runner of this.runners) await runner.createIndexes();
    // Events appended while the indexes were built; then the generations are at the head.
    const atHead = await this.catchUp();
    await this.flushAll();
    return atHead ? 'built' : 'stopped';
  }

  /** After an outage: each runner takes up its committed checkpoint; the reader starts at the lowest. */
  private async resume(): Promise<void> {
    for (const runner of this.runners) await runner.load({ createIndexes: false, empty: true });
    this.position = this.lowestCheckpoint();
  }

  private lowestCheckpoint(): number {
    return Math.min(...this.runners.map((runner) => runner.committedPosition));
  }

  private async readHead(): Promise<number> {
    return Math.min(this.options.upTo ?? Infinity, await this.deps.eventStore.headPosition());
  }

  /**
   * The next batch of the log: the events of the types these projections handle, the position read up
   * to and how many events it went over. A store that can leaves the other events undecoded.
   */
  private async read(): Promise<{ events: StoredEvent[]; last: number; scanned: number }> {
    const { eventStore } = this.deps;
    const request = { after: this.position, limit: this.options.batchSize, upTo: this.options.upTo };
    if (this.options.typedReads && eventStore.readAllOfTypes) {
      const read = await eventStore.readAllOfTypes({ ...request, types: this.types });
      return { events: read.events, last: read.lastPosition, scanned: read.scanned };
    }
    const batch = await eventStore.readAll(request);
    return {
      events: batch.filter((event) => this.routes.has(event.type)),
      last: batch.length > 0 ? batch[batch.length - 1].globalPosition : this.position,
      scanned: batch.length,
    };
  }

  private async applyAll(events: readonly StoredEvent[], last: number, scanned: number): Promise<void> {
    const perRunner: StoredEvent[][] = this.runners.map(() => []);
    for (const stored of events) {
      const targets = this.routes.get(stored.type);
      if (!targets || (this.options.include && !this.options.include(stored))) continue;
      const event = this.deps.upcast(stored);
      for (const index of targets) perRunner[index].push(event);
    }
    for (const [index, runner] of this.runners.entries()) {
      await runner.applyBatch(perRunner[index], last, scanned);
    }
  }

  private async shrinkCaches(): Promise<void> {
    const total = this.runners.reduce((sum, runner) => sum + runner.cachedDocuments, 0);
    const limit = this.options.cacheLimit;
    if (total <= limit) return;
    for (const runner of this.runners) {
      await runner.shrinkCache(Math.floor((runner.cachedDocuments * limit) / (2 * total)));
    }
  }

  /** Reads and applies until the head (or `upTo`); false when stopped. */
  private async catchUp(): Promise<boolean> {
    for (;;) {
      if (this.options.signal?.aborted) return false;
      const { events, last, scanned } = await this.read();
      if (scanned === 0) return true;
      await this.applyAll(events, last, scanned);
      await this.shrinkCaches();
      this.position = last;
      this.outage.recovered();
      // SQLite answers synchronously: without this the whole rebuild would be one chain of resolved
      // promises and an API in the same process would not answer a single request until it ended.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.position > this.head) this.head = await this.readHead();
      this.emit(false);
      // A short batch was the head when it was read. Under steady appends a read may never come back
      // empty; the live runner takes over the few events after it once the switch is made.
      if (scanned < this.options.batchSize) return true;
    }
  }

  private async flushAll(): Promise<void> {
    for (const runner of this.runners) await runner.flush();
  }

  private emit(force: boolean): void {
    this.options.onSnapshot?.(this.snapshot(), force);
  }
}
