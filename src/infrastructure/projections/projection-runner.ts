import type { StoredEvent, Subscription } from '../../application/ports/event-store.port';
import {
  type CheckpointError,
  type DocWrite,
  type GenerationFence,
  GenerationRetiredError,
  type LeaseFence,
  LeaseLostError,
  type PositionedDoc,
} from '../../application/ports/read-store.port';
import { applyGuarded } from '../../projections/shared/apply-guarded';
import { DocumentCache } from './document-cache';
import { type AnyProjection, physicalCollection } from '../../projections/shared/projection';
import {
  lagUnlessUnavailable,
  type Lag,
  type RunnerDeps,
  StopAfterFailure,
  toCheckpointError,
} from './runner-support';
import {
  DEFAULT_RETRY_POLICY,
  isTransientStoreError,
  OutageRetry,
  retryAsCheckpointError,
  type RetryStatus,
} from './store-retry';

/** `retrying`: a store did not serve it; it waits out a backoff and resumes from its checkpoint. */
export type ProjectionState = 'stopped' | 'running' | 'retrying' | 'failed';

export type ProjectionStatus = Readonly<{
  name: string;
  version: number;
  collection: string;
  state: ProjectionState;
  position: number;
  error: CheckpointError | null;
  /** While `retrying`: the attempts so far and the last store error. */
  retry: RetryStatus | null;
  /** Null while the event store does not answer. */
  lag: Lag | null;
}>;

export type ProjectionRunnerOptions = Readonly<{
  batchSize: number;
  /** Documents kept in memory between batches, so hot documents (KPI counters) are not re-read. */
  cacheLimit: number;
  /**
   * While catching up (full batches), changes are committed every this many events instead of every
   * batch: a document touched in several batches is written once, in fewer transactions. At the head
   * (a batch shorter than `batchSize`) every batch is committed at once, so live lag stays low.
   */
  commitEvery: number;
}>;

/** Where a runner writes: one generation's collection and its checkpoint (default: generation 0). */
export type RunnerTarget = Readonly<{
  collection: string;
  checkpointName: string;
  /**
   * The slot generation it writes for: every write names it, and the store refuses it once the slot no
   * longer lists the generation. The runner then stops quietly (its generation has ended).
   */
  fence?: GenerationFence;
  /** Called when the store refused a write by the fence and the runner stopped. */
  onGenerationEnded?: (runner: ProjectionRunner) => void;
  /**
   * The lease of this projection's work that its process holds: every commit and checkpoint names it, and
   * the store refuses them once another process took the lease over. The runner then stops quietly.
   */
  lease?: LeaseFence;
  /** Called when the store refused a write by the lease and the runner stopped. */
  onLeaseLost?: (runner: ProjectionRunner) => void;
}>;

/** While following the log, a checkpoint that only moves (no document changed) is written at most this often. */
export const IDLE_CHECKPOINT_MS = 1_000;

const DEFAULTS: ProjectionRunnerOptions = { batchSize: 1000, cacheLimit: 100_000, commitEvery: 10_000 };

/**
 * Runs one projection: reads events in batches from its checkpoint, applies them in memory and commits
 * the changed documents with the new checkpoint. Each document remembers the position of the last event
 * applied to it and is never given an event at or below it: replays and crashes cannot count twice.
 * A projector that throws stops at that event: everything before it is committed, nothing after it runs.
 * A store that fails (outage, leader election, deadline) only pauses it: what is not committed is
 * forgotten, and after a backoff it resumes from its checkpoint, so the outage counts nothing twice.
 */
export class ProjectionRunner {
  readonly checkpointName: string;
  private readonly collection: string;
  private readonly handles: ReadonlySet<string>;
  private readonly options: ProjectionRunnerOptions;
  private readonly cache = new DocumentCache();
  private subscription: Subscription | undefined;
  /**
   * What the read model shows: every event up to here is in it. Events after `durable` that changed no
   * document of this projection (most events, for most projections) move it without a write.
   */
  private position = 0;
  /** The checkpoint as stored; at most `IDLE_CHECKPOINT_MS` behind `position` while the runner follows the log. */
  private durable = 0;
  private durableWrittenAt = 0;
  /** Applied in memory; the changes between `position` and here wait in `pending` for the next commit. */
  private applied = 0;
  private pending = new Map<string, PositionedDoc>();
  private pendingEvents = 0;
  private state: ProjectionState = 'stopped';
  private error: CheckpointError | null = null;
  private waiters: Array<{ position: number; resolve: () => void }> = [];
  private readonly outage: OutageRetry;
  private recovery: Promise<void> = Promise.resolve();
  private readonly fence: GenerationFence | undefined;

  constructor(
    private readonly deps: RunnerDeps,
    readonly definition: AnyProjection,
    options: Partial<ProjectionRunnerOptions> = {},
    private readonly target?: RunnerTarget,
  ) {
    this.fence = target?.fence;
    this.checkpointName = target?.checkpointName ?? `projection:${definition.name}@v${definition.version}`;
    this.collection = target?.collection ?? physicalCollection(definition);
    this.handles = new Set(definition.handles);
    this.options = { ...DEFAULTS, ...options };
    this.outage = new OutageRetry(deps.retry ?? DEFAULT_RETRY_POLICY, deps.clock);
  }

  /** Starts from the stored checkpoint. A projection that failed before is retried from its failing event. */
  async start(): Promise<void> {
    if (this.state === 'running' || this.state === 'retrying') return;
    this.outage.reset();
    try {
      await this.follow();
    } catch (error) {
      if (error instanceof GenerationRetiredError) return this.endGeneration(error);
      if (error instanceof LeaseLostError) return this.endLease(error);
      if (!isTransientStoreError(error)) throw error;
      this.recovery = this.recover(error);
    }
  }

  /** Takes up the stored checkpoint and follows the log from there. */
  private async follow(): Promise<void> {
    await this.load();
    if (this.outage.cancelled) return;
    this.subscription = this.deps.eventStore.subscribeToAll({
      after: this.position,
      batchSize: this.options.batchSize,
      onBatch: async (batch) => {
        await this.handleBatch(batch);
        this.endOutage();
      },
      onError: (error) => this.onSubscriptionError(error),
      // At the head, whatever is still pending is committed before waiting for new events.
      onCaughtUp: async () => {
        await this.commitOrSkip(this.applied);
        if (this.outage.status) await this.writeCheckpointStatus('running');
        this.endOutage();
      },
    });
  }

  /**
   * Makes the collection and takes up the stored checkpoint without subscribing: a rebuild feeds several
   * runners from one shared reader through `handleBatch`. `createIndexes: false` leaves the indexes to
   * the end of a bulk build.
   */
  async load(options: Readonly<{ createIndexes?: boolean; empty?: boolean }> = {}): Promise<void> {
    await this.deps.readStore.ensureCollection(this.collection, this.definition.indexes, {
      createIndexes: options.createIndexes,
      fence: this.fence,
    });
    const checkpoint = await this.deps.readStore.readCheckpoint(this.checkpointName);
    this.position = checkpoint?.position ?? 0;
    this.durable = this.position;
    this.applied = this.position;
    this.pending.clear();
    this.pendingEvents = 0;
    // Another process may have changed the read model while this runner was stopped.
    this.cache.clear(
      options.empty === true &&
        this.position === 0 &&
        (await this.deps.readStore.count(this.collection, {})) === 0,
    );
    this.error = null;
    this.state = this.outage.status ? 'retrying' : 'running';
  }

  /** Creates the indexes left out by `load({ createIndexes: false })` (a bulk build's end). */
  async createIndexes(): Promise<void> {
    await this.deps.readStore.ensureCollection(this.collection, this.definition.indexes, {
      fence: this.fence,
    });
  }

  /** Commits whatever is applied but pending (a rebuild's pause, stop or end). */
  async flush(): Promise<void> {
    await this.commit(this.applied);
  }

  /** While the runner waits out a store outage: its attempts and last error; else null. */
  get retrying(): RetryStatus | null {
    return this.state === 'retrying' ? this.outage.status : null;
  }

  /** The checkpoint committed so far. */
  get committedPosition(): number {
    return this.durable;
  }

  get targetCollection(): string {
    return this.collection;
  }

  async stop(): Promise<void> {
    this.outage.cancel();
    await this.recovery;
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    try {
      if (this.state === 'running') await this.commit(this.applied);
    } catch (error) {
      if (error instanceof GenerationRetiredError) return this.endGeneration(error);
      if (error instanceof LeaseLostError) return this.endLease(error);
      throw error;
    }
    if (this.state === 'running' || this.state === 'retrying') this.state = 'stopped';
  }

  /** Drops the read model and its checkpoint; `start` then rebuilds it from the first event. */
  async reset(): Promise<void> {
    await this.stop();
    this.cache.clear();
    this.pending.clear();
    this.pendingEvents = 0;
    await this.deps.readStore.dropCollection(this.collection);
    await this.deps.readStore.deleteCheckpoint(this.checkpointName);
    this.position = 0;
    this.durable = 0;
    this.applied = 0;
    this.error = null;
    this.state = 'stopped';
  }

  /** Resolves once every event up to `position` is in the read model (or rejects after `timeoutMs`). */
  waitForPosition(position: number, timeoutMs = 10_000): Promise<void> {
    if (this.position >= position) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter.resolve !== done);
        reject(
          new Error(
            `projection ${this.definition.name} did not reach position ${position} in ${timeoutMs} ms`,
          ),
        );
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ position, resolve: done });
    });
  }

  /** The position it has applied up to, as `status().position`, without counting the lag. */
  currentPosition(): number {
    return this.position;
  }

  async status(): Promise<ProjectionStatus> {
    return {
      name: this.definition.name,
      version: this.definition.version,
      collection: this.collection,
      state: this.state,
      position: this.position,
      error: this.error,
      retry: this.retrying,
      lag: await lagUnlessUnavailable(this.deps, this.position),
    };
  }

  /** Applies a batch; exposed so tests can feed the same events twice. */
  async handleBatch(batch: readonly StoredEvent[]): Promise<void> {
    if (batch.length === 0) return;
    const events: StoredEvent[] = [];
    for (const stored of batch) if (this.handles.has(stored.type)) events.push(this.deps.upcast(stored));
    await this.applyBatch(events, batch[batch.length - 1].globalPosition, batch.length);
  }

  /**
   * Applies the events of a batch this projection handles, already upcast and in position order (a
   * rebuild routes and upcasts each event once for all its runners), then stands at `lastPosition`, the
   * batch's last position. `batchLength` (the whole batch) tells a catch-up batch from the head.
   */
  async applyBatch(events: readonly StoredEvent[], lastPosition: number, batchLength: number): Promise<void> {
    if (lastPosition <= this.applied) return;
    const touched: Array<{ event: StoredEvent; ids: readonly string[] }> = [];
    for (const event of events) {
      if (event.globalPosition > this.applied)
        touched.push({ event, ids: this.definition.documentIds(event) });
    }
    await this.prefetch(touched);
    for (const { event, ids } of touched) {
      let updates: PositionedDoc[];
      try {
        updates = this.applyEvent(event, ids);
      } catch (error) {
        // Everything before the failing event is committed. The checkpoint stays at the last position
        // applied, one the store returned: `globalPosition - 1` would be no position on EventStoreDB
        // (a byte offset inside a log record), which refuses to resume from it.
        await this.commit(this.applied);
        await this.markFailed(toCheckpointError(error, event, this.deps.clock()));
        throw new StopAfterFailure();
      }
      for (const update of updates) {
        this.cache.written(update);
        this.pending.set(update.id, update);
      }
      this.applied = event.globalPosition;
    }
    this.pendingEvents += batchLength;
    this.applied = lastPosition;
    if (this.pendingEvents >= this.options.commitEvery) await this.commit(this.applied);
    else if (batchLength < this.options.batchSize) await this.commitOrSkip(this.applied);
    if (this.cache.size > this.options.cacheLimit && this.pending.size === 0) {
      this.cache.evict(Math.floor(this.options.cacheLimit / 2));
    }
  }

  /** Documents held in memory (pending ones included). */
  get cachedDocuments(): number {
    return this.cache.size;
  }

  /**
   * Commits what is pending, then forgets the least recently written documents until `keep` remain:
   * only committed documents are forgotten, so reading one back gives exactly what was cached.
   */
  async shrinkCache(keep: number): Promise<void> {
    if (this.cache.size <= keep) return;
    await this.commit(this.applied);
    if (this.pending.size === 0) this.cache.evict(keep);
  }

  private applyEvent(event: StoredEvent, ids: readonly string[]): PositionedDoc[] {
    return applyGuarded(this.definition, (id) => this.cache.get(id), event, ids);
  }

  private async prefetch(touched: ReadonlyArray<{ ids: readonly string[] }>): Promise<void> {
    await this.cache.load(
      touched.flatMap(({ ids }) => ids),
      (ids) => this.deps.readStore.getMany(this.collection, ids),
    );
  }

  /**
   * At the head: commits what changed; when nothing did (the events were not this projection's, or changed
   * nothing), the read model already shows `position` and only the stored checkpoint is behind. It is
   * written at most every `IDLE_CHECKPOINT_MS` then (and at stop), not once per event: an event that
   * changes no document of a projection costs that projection no write. A crash before the write replays
   * those events on restart, and they change nothing again.
   */
  private async commitOrSkip(position: number): Promise<void> {
    if (this.pending.size > 0 || Date.now() - this.durableWrittenAt >= IDLE_CHECKPOINT_MS) {
      await this.commit(position);
      return;
    }
    if (position <= this.position) return;
    this.position = position;
    this.pendingEvents = 0;
    this.resolveWaiters(position);
  }

  private resolveWaiters(position: number): void {
    const reached = this.waiters.filter((waiter) => waiter.position <= position);
    this.waiters = this.waiters.filter((waiter) => waiter.position > position);
    for (const waiter of reached) waiter.resolve();
  }

  /** Writes the pending documents with the checkpoint `position` in one commit. */
  private async commit(position: number): Promise<void> {
    if (position <= this.durable) return;
    await this.deps.readStore.commitBatch({
      docs: Array.from(this.pending.values(), (doc): DocWrite => ({
        collection: this.collection,
        id: doc.id,
        value: doc.value,
        position: doc.position,
      })),
      checkpoint: {
        name: this.checkpointName,
        position,
        status: 'running',
        error: null,
        updatedAt: this.deps.clock().toISOString(),
      },
      fence: this.fence,
      lease: this.target?.lease,
    });
    this.position = Math.max(this.position, position);
    this.durable = position;
    this.durableWrittenAt = Date.now();
    this.pending.clear();
    this.pendingEvents = 0;
    this.resolveWaiters(position);
  }

  private async markFailed(error: CheckpointError): Promise<void> {
    this.state = 'failed';
    this.error = error;
    // The cache may hold documents of the failing batch that were never committed.
    this.cache.clear();
    this.deps.log('error', `projection ${this.definition.name} stopped at position ${error.position}`, {
      projection: this.definition.name,
      ...error,
    });
    await this.deps.readStore.writeCheckpoint(
      {
        name: this.checkpointName,
        position: this.position,
        status: 'failed',
        error,
        updatedAt: this.deps.clock().toISOString(),
      },
      { fence: this.fence, lease: this.target?.lease },
    );
  }

  private onSubscriptionError(error: unknown): void {
    if (error instanceof StopAfterFailure) return;
    this.subscription = undefined;
    if (isTransientStoreError(error)) {
      this.recovery = this.recover(error);
      return;
    }
    this.failWith(error);
  }

  /**
   * Waits out a backoff and follows the log again from the stored checkpoint, until a store serves it or
   * the runner is stopped. Nothing uncommitted is kept: the position guard and the checkpoint make the
   * replay of the uncommitted events exact.
   */
  private recover(error: unknown): Promise<void> {
    return this.outage.recover(error, {
      failed: async (retry, delay) => {
        this.state = 'retrying';
        this.forgetUncommitted();
        this.deps.log(
          'warn',
          `projection ${this.definition.name} could not reach a store (${retry.lastError}): attempt ${retry.attempt}, resuming from position ${this.position} in ${delay} ms`,
          { projection: this.definition.name, ...retry },
        );
        // Shown to other processes (`crm projections list`) when the read store still answers.
        await this.writeCheckpointStatus('retrying').catch(() => undefined);
      },
      resume: () => this.follow(),
      fatal: (fatal) => this.failWith(fatal),
    });
  }

  /** A batch went through: the outage, if there was one, is over. */
  private endOutage(): void {
    if (!this.outage.status) return;
    this.outage.recovered();
    if (this.state === 'retrying') this.state = 'running';
    this.deps.log('info', `projection ${this.definition.name} resumed at position ${this.position}`, {
      projection: this.definition.name,
    });
  }

  private forgetUncommitted(): void {
    this.pending.clear();
    this.pendingEvents = 0;
    this.applied = this.position;
    this.cache.clear();
  }

  private async writeCheckpointStatus(status: 'running' | 'retrying'): Promise<void> {
    const retry = this.outage.status;
    await this.deps.readStore.writeCheckpoint(
      {
        name: this.checkpointName,
        position: this.position,
        status,
        // The outage in the error slot, so another process shows the last error and the attempt.
        error: status === 'retrying' && retry ? retryAsCheckpointError(retry, this.position) : null,
        updatedAt: this.deps.clock().toISOString(),
      },
      { fence: this.fence, lease: this.target?.lease },
    );
  }

  /**
   * The store refused a write by the fence: the slot no longer lists this runner's generation (another
   * process switched and dropped it while this one was late). Not a failure: nothing was written, nothing
   * is retried, and no checkpoint records anything; the runner stops and the engine follows the slot's
   * live generation.
   */
  private endGeneration(refused: GenerationRetiredError): void {
    this.stopRefused(
      `stopped writing generation ${refused.generation.generation} (v${refused.generation.version}) of ${refused.slot}: the slot no longer lists it; the live generation is served by its own runner`,
      refused.generation,
    );
    this.target?.onGenerationEnded?.(this);
  }

  /** A fence refused a write: stopped, not failed; what was applied and not committed is forgotten. */
  private stopRefused(why: string, fields: Readonly<Record<string, unknown>>): void {
    this.outage.cancel();
    this.forgetUncommitted();
    this.state = 'stopped';
    this.error = null;
    this.deps.log('info', `projection ${this.definition.name} ${why}`, {
      projection: this.definition.name,
      ...fields,
    });
  }

  /**
   * The store refused a write by the lease: another process took this projection's work over (this one was
   * paused or cut off past its lease). Not a failure: nothing was written, the new owner goes on from the
   * stored checkpoint, and this process may take the lease again later.
   */
  private endLease(refused: LeaseLostError): void {
    this.stopRefused(
      `stopped writing: its lease ${refused.lease.name} (epoch ${refused.lease.epoch}) was taken over by another process`,
      refused.lease,
    );
    this.target?.onLeaseLost?.(this);
  }

  private failWith(error: unknown): void {
    if (error instanceof GenerationRetiredError) return this.endGeneration(error);
    if (error instanceof LeaseLostError) return this.endLease(error);
    this.state = 'failed';
    this.cache.clear();
    this.error = {
      message: error instanceof Error ? error.message : String(error),
      position: this.position,
      eventId: '',
      eventType: '',
      streamId: '',
      at: this.deps.clock().toISOString(),
    };
    this.deps.log('error', `projection ${this.definition.name} stopped: ${this.error.message}`, {
      projection: this.definition.name,
    });
  }
}
