import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { CLOCK, type Clock } from '../../application/ports/clock.port';
import { EVENT_STORE, type EventStore } from '../../application/ports/event-store.port';
import {
  type LeaseFence,
  READ_STORE,
  type ReadStore,
  type Slot,
  type Checkpoint,
} from '../../application/ports/read-store.port';
import { EventCatalog } from '../../application/shared/event-catalog';
import type { ReactorDefinition } from '../../application/shared/reactor';
import type { AnyProjection } from '../../projections/shared/projection';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { type LeaseHolder, LeaseKeeper, newLeaseOwner } from '../leases/lease-keeper';
import { JsonLogger } from '../logging/json-logger';
import { ReactorRunner, type ReactorStatus } from '../reactors/reactor-runner';
import { generationCheckpoint, generationCollection, sameGeneration } from './generations';
import { listProjections, type ProjectionListing } from './projection-listing';
import { ProjectionRunner, type ProjectionStatus } from './projection-runner';
import { type RebuildJob, RebuildJobs } from './rebuild-jobs';
import { lagUnlessUnavailable, type RunnerDeps } from './runner-support';
import { collectRetired, ensureSlot } from './slot-registry';
import { PROJECTION_WORKER, type ProjectionWorkerLink } from '../workers/projection-worker-link';
import { workerStoresOf } from '../stores';

export const PROJECTIONS = Symbol('PROJECTIONS');
export const REACTORS = Symbol('REACTORS');

/** How often the engine looks for a switch made by another process (the CLI) and for generations to drop. */
export const SLOT_WATCH_MS = 1000;
/** A retired generation outlives the switch by this much: far longer than SLOT_WATCH_MS and any read. */
export const RETIRE_GRACE_MS = 5000;
/** How often `waitForPosition` reads the stored checkpoint of a projection another process runs. */
const REMOTE_POLL_MS = 25;

/** The lease of a projection's live runner, and of a reactor. */
export const projectionLease = (name: string): string => `projection:${name}`;
export const reactorLease = (name: string): string => `reactor:${name}`;

/** Who runs it: this process (`here`), another (`owner`), or nobody just now (null, e.g. during a failover). */
export type Owned = Readonly<{ owner: LeaseHolder | null }>;
export type OwnedProjectionStatus = ProjectionStatus & Owned;
export type OwnedReactorStatus = ReactorStatus & Owned;
export type StatusScope = Readonly<{
  /** false: only the work this process runs (its metrics); default true: every unit, wherever it runs. */
  elsewhere?: boolean;
}>;

/**
 * Runs this process's share of the projections and reactors, reports their state, rebuilds on request.
 * Every projection's live runner and every reactor is a unit of work under a lease (LeaseKeeper): several
 * processes with RUN_PROJECTIONS=true share them, a killed one's units move to the others, and the writes
 * of a unit name the lease's epoch, so a stale owner's late write is refused (docs/architecture.md "Leases
 * and fencing"). Each projection's live runner writes the slot's live generation; a blue/green rebuild
 * builds the next one beside it, and after the switch (in this process or another) the live runner moves
 * over.
 */
@Injectable()
export class ProjectionEngine implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly definitions: Map<string, AnyProjection>;
  /** Live runners by projection name, with the generation each writes. */
  private readonly live = new Map<
    string,
    { runner: ProjectionRunner; slot: Slot; lease: LeaseFence | undefined }
  >();
  private readonly reactorDefinitions: readonly ReactorDefinition[];
  /** Reactors this process runs, by name (under their leases). */
  private readonly reactors = new Map<string, ReactorRunner>();
  private keeper: LeaseKeeper | undefined;
  /** Stale projections whose lease this process took while starting: rebuilt together after the first round. */
  private staleTaken: AnyProjection[] | undefined;
  /** This process's name among lease owners. */
  readonly leaseOwner = newLeaseOwner();
  private readonly deps: RunnerDeps;
  private readonly jobs: RebuildJobs;
  private watcher: NodeJS.Timeout | undefined;
  private watching: Promise<void> = Promise.resolve();
  private running = false;

  constructor(
    @Inject(EVENT_STORE) eventStore: EventStore,
    @Inject(READ_STORE) readStore: ReadStore,
    @Inject(CLOCK) clock: Clock,
    @Inject(PROJECTIONS) definitions: readonly AnyProjection[],
    @Inject(REACTORS) reactors: readonly ReactorDefinition[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    catalog: EventCatalog,
    private readonly logger: JsonLogger,
    @Optional() @Inject(PROJECTION_WORKER) private readonly worker: ProjectionWorkerLink | null = null,
  ) {
    this.deps = {
      eventStore,
      readStore,
      clock: () => clock.now(),
      upcast: catalog.upcast,
      log: (level, message, fields) => logger.entry(level, message, fields),
    };
    this.definitions = new Map(definitions.map((definition) => [definition.name, definition]));
    this.reactorDefinitions = reactors;
    this.jobs = new RebuildJobs(this.deps, {
      // Rebuilds read larger batches than the live runners, which stay small for low lag.
      batchSize: config.projectionBatchSize * 5,
      retireGraceMs: RETIRE_GRACE_MS,
      // Over worker threads with their own connections to the configured stores (REBUILD_WORKERS).
      workers: { count: config.rebuildWorkers, stores: workerStoresOf(config) },
      onSwitched: async (definition, slot) => {
        await this.follow(definition, slot);
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.runProjections) await this.start();
  }

  /** Before the stores close: rebuilds pause (resumable), runners finish their batch and stop reading. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.jobs.stopAll();
    await this.stop();
  }

  /**
   * Makes every slot, then takes this process's share of the free leases and starts their work (all of it
   * when no other process runs projections); the lease keeper goes on taking and renewing in the background.
   */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await collectRetired(this.deps.readStore, this.deps.clock());
    for (const definition of this.definitions.values())
      await ensureSlot(this.deps.readStore, definition, this.deps.clock());
    this.keeper = new LeaseKeeper(
      this.deps.readStore,
      {
        scope: 'projections',
        owner: this.leaseOwner,
        leaseMs: this.config.leaseMs,
        log: (level, message, fields) => this.logger.entry(level, message, fields ?? {}),
      },
      [
        ...[...this.definitions.values()].map((definition) => ({
          name: projectionLease(definition.name),
          start: (lease: LeaseFence) => this.takeProjection(definition, lease),
          stop: () => this.dropProjection(definition.name),
        })),
        ...this.reactorDefinitions.map((definition) => ({
          name: reactorLease(definition.name),
          start: (lease: LeaseFence) => this.takeReactor(definition, lease),
          stop: () => this.dropReactor(definition.name),
        })),
      ],
    );
    this.staleTaken = [];
    await this.keeper.start();
    const stale = this.staleTaken;
    this.staleTaken = undefined;
    // Deployed code of a new version: the old generation is served until the new one is built and switched.
    if (stale.length > 0) this.rebuildStale(stale);
    this.watcher = setInterval(() => this.watchSoon(), SLOT_WATCH_MS);
    this.watcher.unref();
  }

  /** Stops this process's work and releases its leases: other processes take the work over at once. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.watcher) clearInterval(this.watcher);
    this.watcher = undefined;
    await this.watching;
    await this.keeper?.stop();
    await Promise.all(
      [...[...this.live.values()].map((entry) => entry.runner), ...this.reactors.values()].map((runner) =>
        runner.stop(),
      ),
    );
  }

  /**
   * Each projection's live runner: this process's own, and (while it runs projections) the others' as their
   * stored checkpoints show them, with who holds each one's lease.
   */
  async projectionStatuses(scope: StatusScope = {}): Promise<OwnedProjectionStatus[]> {
    // In an API whose projection worker runs them: as the worker reports them (none while it does not answer).
    if (this.worker) return this.fromWorker('projections', scope);
    const keeper = this.keeper;
    if (!keeper) return this.localProjectionStatuses();
    if (scope.elsewhere !== false) await keeper.refresh();
    const slots =
      scope.elsewhere === false
        ? new Map<string, Slot>()
        : new Map((await this.deps.readStore.listSlots()).map((slot) => [slot.collection, slot]));
    const statuses: OwnedProjectionStatus[] = [];
    for (const definition of this.definitions.values()) {
      const owner = keeper.holder(projectionLease(definition.name));
      const entry = this.live.get(definition.name);
      if (entry) {
        statuses.push({ ...(await entry.runner.status()), owner });
        continue;
      }
      const slot = slots.get(definition.collection);
      if (!slot || slot.live.version !== definition.version) continue;
      const checkpoint = await this.deps.readStore.readCheckpoint(
        generationCheckpoint(definition.name, slot.live),
      );
      statuses.push({
        name: definition.name,
        version: definition.version,
        collection: generationCollection(definition.collection, slot.live),
        ...(await this.storedStatus(checkpoint, owner)),
      });
    }
    return statuses;
  }

  /** Each reactor: this process's own, and (while it runs projections) the others' from their checkpoints. */
  async reactorStatuses(scope: StatusScope = {}): Promise<OwnedReactorStatus[]> {
    if (this.worker) return this.fromWorker('reactors', scope);
    const keeper = this.keeper;
    if (keeper && scope.elsewhere !== false) await keeper.refresh();
    const statuses: OwnedReactorStatus[] = [];
    for (const definition of this.reactorDefinitions) {
      const runner = this.reactors.get(definition.name);
      const owner = keeper?.holder(reactorLease(definition.name)) ?? null;
      if (runner) {
        statuses.push({ ...(await runner.status()), owner });
        continue;
      }
      if (!keeper) {
        // Not running projections here (RUN_PROJECTIONS=false): listed stopped, as before leases.
        statuses.push({ ...(await new ReactorRunner(this.deps, definition).status()), owner: null });
        continue;
      }
      if (scope.elsewhere === false) continue;
      const checkpoint = await this.deps.readStore.readCheckpoint(reactorLease(definition.name));
      statuses.push({ name: definition.name, ...(await this.storedStatus(checkpoint, owner)) });
    }
    return statuses;
  }

  /** A unit another process runs (or nobody, during a failover), as its stored checkpoint shows it. */
  private async storedStatus(checkpoint: Checkpoint | null, owner: LeaseHolder | null) {
    const position = checkpoint?.position ?? 0;
    return {
      state: storedState(checkpoint?.status, owner),
      position,
      error: checkpoint?.status === 'failed' ? checkpoint.error : null,
      retry: null,
      lag: await lagUnlessUnavailable(this.deps, position),
      owner,
    };
  }

  /** The owner of every lease this process knows of (its own and the others'), by unit name. */
  leaseHolder(unit: string): LeaseHolder | null {
    return this.keeper?.holder(unit) ?? null;
  }

  /**
   * The lowest position of this process's live projection runners (its worker's, when it has one), null
   * when it runs none: what the bench's lag sampler reads, without counting any lag.
   */
  lowestPosition(): number | null {
    const positions = [...this.live.values()].map((entry) => entry.runner.currentPosition());
    return positions.length === 0 ? null : Math.min(...positions);
  }

  /** The projection worker's runners; `elsewhere: false` keeps those it runs itself (its leases). */
  private async fromWorker<K extends 'projections' | 'reactors'>(kind: K, scope: StatusScope) {
    type Owned = K extends 'projections' ? OwnedProjectionStatus[] : OwnedReactorStatus[];
    const worker = this.worker;
    if (!worker) return [] as unknown as Owned;
    try {
      const statuses = (await worker.statuses())[kind] as unknown as Owned;
      return (
        scope.elsewhere === false ? statuses.filter((status) => status.owner?.here !== false) : [...statuses]
      ) as Owned;
    } catch {
      // `/health` shows the worker's own state (restarting, its last error) and is degraded meanwhile.
      return [] as unknown as Owned;
    }
  }

  /** Every projection with its generations, state, checkpoint and lag (the CLI's `projections list`). */
  async listProjections(): Promise<ProjectionListing[]> {
    const statuses = new Map((await this.localProjectionStatuses()).map((status) => [status.name, status]));
    return listProjections(this.deps, [...this.definitions.values()], (name) => statuses.get(name), {
      leaseOwner: this.leaseOwner,
    });
  }

  /**
   * Starts a blue/green rebuild in the background; its progress is read with `rebuildJob`. In an API
   * whose projection worker runs the projections, the rebuild runs there too, off the request loop.
   */
  async startRebuild(names: readonly string[] | 'all'): Promise<RebuildJob> {
    const definitions = this.definitionsNamed(names);
    if (!this.worker) return this.jobs.start(definitions);
    const job = await this.worker.rebuilds({ op: 'start', names });
    if (!job) throw new Error('the projection worker started no rebuild');
    return job;
  }

  async rebuildJob(id: string): Promise<RebuildJob | null> {
    if (this.worker) return this.worker.rebuilds({ op: 'get', jobId: id });
    return this.jobs.get(id);
  }

  stopRebuild(id: string): Promise<RebuildJob | null> {
    if (this.worker) return this.worker.rebuilds({ op: 'stop', jobId: id });
    return this.jobs.stop(id);
  }

  /** Rebuilds one projection blue/green and resolves after the switch. */
  async rebuild(name: string): Promise<void> {
    const job = this.jobs.start(this.definitionsNamed([name]));
    const result = await this.jobs.wait(job.id);
    if (result?.state !== 'done') {
      throw new Error(`rebuild of ${name} ended ${result?.state}: ${result?.error ?? 'stopped'}`);
    }
  }

  /**
   * Resolves when every projection has processed the events up to `position` (read-your-writes). One
   * another process runs (or nobody, during a failover) is waited for on its stored checkpoint.
   */
  async waitForPosition(position: number, timeoutMs = 10_000): Promise<void> {
    if (this.worker) return this.waitForWorker(position, timeoutMs);
    if (!this.keeper) {
      await Promise.all(
        [...this.live.values()].map((entry) => entry.runner.waitForPosition(position, timeoutMs)),
      );
      return;
    }
    const deadline = Date.now() + timeoutMs;
    await Promise.all(
      [...this.definitions.values()].map((definition) => this.waitFor(definition, position, deadline)),
    );
  }

  /** The projection worker's runners, asked every 20 ms until each stands at `position` or later. */
  private async waitForWorker(position: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const statuses = await this.projectionStatuses();
      const behind = statuses.filter((status) => status.position < position);
      if (statuses.length > 0 && behind.length === 0) return;
      if (Date.now() > deadline) {
        const names =
          statuses.length === 0 ? 'the worker does not answer' : behind.map((s) => s.name).join(', ');
        throw new Error(`projections did not reach position ${position} within ${timeoutMs} ms: ${names}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Names → definitions; an unknown name is refused with the list of known ones. */
  definitionsNamed(names: readonly string[] | 'all'): AnyProjection[] {
    if (names === 'all') return [...this.definitions.values()];
    return names.map((name) => {
      const definition = this.definitions.get(name);
      if (!definition) throw new UnknownProjection(name, [...this.definitions.keys()]);
      return definition;
    });
  }

  private localProjectionStatuses(): Promise<OwnedProjectionStatus[]> {
    return Promise.all(
      [...this.live.values()].map(async (entry) => ({
        ...(await entry.runner.status()),
        owner: this.keeper?.holder(projectionLease(entry.runner.definition.name)) ?? null,
      })),
    );
  }

  private async waitFor(definition: AnyProjection, position: number, deadline: number): Promise<void> {
    for (;;) {
      const remaining = deadline - Date.now();
      const entry = this.live.get(definition.name);
      if (entry) {
        // A short wait at a time: the lease may move to another process meanwhile.
        const wait = Math.max(1, Math.min(remaining, 250));
        const reached = await entry.runner.waitForPosition(position, wait).then(
          () => true,
          () => false,
        );
        if (reached) return;
      } else {
        const slot = await this.deps.readStore.readSlot(definition.collection);
        // Of another version: no live runner keeps it current anywhere, it is served as it is.
        if (!slot || slot.live.version !== definition.version) return;
        const checkpoint = await this.deps.readStore.readCheckpoint(
          generationCheckpoint(definition.name, slot.live),
        );
        if ((checkpoint?.position ?? 0) >= position) return;
        await new Promise((resolve) => setTimeout(resolve, REMOTE_POLL_MS));
      }
      if (Date.now() >= deadline)
        throw new Error(
          `projection ${definition.name} did not reach position ${position} in time (${this.leaseHolderText(definition.name)})`,
        );
    }
  }

  private leaseHolderText(name: string): string {
    const holder = this.keeper?.holder(projectionLease(name));
    return holder ? `run by ${holder.here ? 'this process' : holder.owner}` : 'run by no process just now';
  }

  /** The lease of a projection was taken: follow its live generation, or rebuild it if it is stale. */
  private async takeProjection(definition: AnyProjection, lease: LeaseFence): Promise<void> {
    const slot =
      (await this.deps.readStore.readSlot(definition.collection)) ??
      (await ensureSlot(this.deps.readStore, definition, this.deps.clock()));
    if (await this.follow(definition, slot, lease)) return;
    if (this.staleTaken) this.staleTaken.push(definition);
    else this.rebuildStale([definition]);
  }

  private async dropProjection(name: string): Promise<void> {
    const current = this.live.get(name);
    this.live.delete(name);
    await current?.runner.stop();
  }

  private async takeReactor(definition: ReactorDefinition, lease: LeaseFence): Promise<void> {
    await this.dropReactor(definition.name);
    const runner = new ReactorRunner(this.deps, definition, {
      lease,
      onLeaseLost: (lost) => {
        if (this.reactors.get(definition.name) !== lost) return;
        this.reactors.delete(definition.name);
        this.keeper?.lost(reactorLease(definition.name));
      },
    });
    this.reactors.set(definition.name, runner);
    await runner.start();
  }

  private async dropReactor(name: string): Promise<void> {
    const runner = this.reactors.get(name);
    this.reactors.delete(name);
    await runner?.stop();
  }

  private rebuildStale(stale: readonly AnyProjection[]): void {
    try {
      this.jobs.start(stale);
    } catch (error) {
      // Already rebuilding here (started by hand): that rebuild switches, and the live runner follows.
      this.logger.entry(
        'info',
        `not rebuilding ${stale.map((d) => d.name).join(', ')}: ${String(error)}`,
        {},
      );
    }
  }

  /**
   * Points the live runner of a projection at the slot's live generation, while this process holds the
   * projection's lease (else it stops the one it has). False when the live generation is of another version
   * than this code: nothing here can keep it current, it is served as it is.
   */
  private async follow(
    definition: AnyProjection,
    slot: Slot,
    lease = this.keeper?.fenceOf(projectionLease(definition.name)),
  ): Promise<boolean> {
    const current = this.live.get(definition.name);
    if (
      current &&
      lease &&
      sameGeneration(current.slot.live, slot.live) &&
      current.lease?.epoch === lease.epoch
    )
      return true;
    if (current) {
      this.live.delete(definition.name);
      // Its generation is retired (or its lease is gone): what it still had pending does not matter any more.
      await current.runner.stop().catch(() => undefined);
    }
    if (!lease) return true;
    if (slot.live.version !== definition.version || !this.running) return false;
    const runner = new ProjectionRunner(
      this.deps,
      definition,
      { batchSize: this.config.projectionBatchSize },
      {
        collection: generationCollection(definition.collection, slot.live),
        checkpointName: generationCheckpoint(definition.name, slot.live),
        fence: { slot: definition.collection, generation: slot.live },
        // Its generation was switched away and dropped by another process before this one noticed: look
        // at the slots now rather than at the next tick, and follow the live generation.
        onGenerationEnded: () => this.watchSoon(),
        lease,
        // Another process took the lease over: this one forgets it; the keeper may take it again later.
        onLeaseLost: (lost) => {
          if (this.live.get(definition.name)?.runner !== lost) return;
          this.live.delete(definition.name);
          this.keeper?.lost(projectionLease(definition.name));
        },
      },
    );
    this.live.set(definition.name, { runner, slot, lease });
    await runner.start();
    if (current) {
      this.logger.entry(
        'info',
        `projection ${definition.name} now serves generation ${slot.live.generation}`,
        {
          projection: definition.name,
          ...slot.live,
        },
      );
    }
    return true;
  }

  private watchSoon(): void {
    this.watching = this.watching.then(() => this.watchSlots());
  }

  /** A switch made by another process, and retired generations whose grace has passed. */
  private async watchSlots(): Promise<void> {
    if (!this.running) return;
    try {
      const slots = new Map((await this.deps.readStore.listSlots()).map((slot) => [slot.collection, slot]));
      for (const definition of this.definitions.values()) {
        const slot = slots.get(definition.collection);
        if (slot) await this.follow(definition, slot);
      }
      await collectRetired(this.deps.readStore, this.deps.clock());
    } catch (error) {
      this.logger.entry('warn', `could not check the projection slots: ${String(error)}; retrying`, {});
    }
  }
}

/** The state of work another process runs (or nobody, `owner` null), as its stored checkpoint tells. */
const storedState = (
  status: string | undefined,
  owner: LeaseHolder | null,
): ProjectionStatus['state'] & ReactorStatus['state'] =>
  status === 'failed' ? 'failed' : status === 'retrying' ? 'retrying' : owner ? 'running' : 'stopped';

/** No projection of that name is registered. */
export class UnknownProjection extends Error {
  constructor(
    readonly projection: string,
    readonly known: readonly string[],
  ) {
    super(`no projection named ${projection}: known are ${known.join(', ')}`);
  }
}
