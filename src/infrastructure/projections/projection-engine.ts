import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CLOCK, type Clock } from '../../application/ports/clock.port';
import { EVENT_STORE, type EventStore } from '../../application/ports/event-store.port';
import { READ_STORE, type ReadStore, type Slot } from '../../application/ports/read-store.port';
import { EventCatalog } from '../../application/shared/event-catalog';
import type { ReactorDefinition } from '../../application/shared/reactor';
import type { AnyProjection } from '../../projections/shared/projection';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JsonLogger } from '../logging/json-logger';
import { ReactorRunner, type ReactorStatus } from '../reactors/reactor-runner';
import { generationCheckpoint, generationCollection, sameGeneration } from './generations';
import { listProjections, type ProjectionListing } from './projection-listing';
import { ProjectionRunner, type ProjectionStatus } from './projection-runner';
import { type RebuildJob, RebuildJobs } from './rebuild-jobs';
import type { RunnerDeps } from './runner-support';
import { collectRetired, ensureSlot } from './slot-registry';
import { workerStoresOf } from '../stores';

export const PROJECTIONS = Symbol('PROJECTIONS');
export const REACTORS = Symbol('REACTORS');

/** How often the engine looks for a switch made by another process (the CLI) and for generations to drop. */
export const SLOT_WATCH_MS = 1000;
/** A retired generation outlives the switch by this much: far longer than SLOT_WATCH_MS and any read. */
export const RETIRE_GRACE_MS = 5000;

/**
 * Starts every projection and reactor with the application, reports their state, rebuilds on request.
 * Each projection's live runner writes the slot's live generation; a blue/green rebuild builds the next
 * one beside it, and after the switch (in this process or another) the live runner moves over.
 */
@Injectable()
export class ProjectionEngine implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly definitions: Map<string, AnyProjection>;
  /** Live runners by projection name, with the generation each writes. */
  private readonly live = new Map<string, { runner: ProjectionRunner; slot: Slot }>();
  private readonly reactors: ReactorRunner[];
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
  ) {
    this.deps = {
      eventStore,
      readStore,
      clock: () => clock.now(),
      upcast: catalog.upcast,
      log: (level, message, fields) => logger.entry(level, message, fields),
    };
    this.definitions = new Map(definitions.map((definition) => [definition.name, definition]));
    this.reactors = reactors.map((definition) => new ReactorRunner(this.deps, definition));
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

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await collectRetired(this.deps.readStore, this.deps.clock());
    const stale: AnyProjection[] = [];
    for (const definition of this.definitions.values()) {
      const slot = await ensureSlot(this.deps.readStore, definition, this.deps.clock());
      if (!(await this.follow(definition, slot))) stale.push(definition);
    }
    for (const runner of this.reactors) await runner.start();
    // Deployed code of a new version: the old generation is served until the new one is built and switched.
    if (stale.length > 0) this.jobs.start(stale);
    this.watcher = setInterval(() => this.watchSoon(), SLOT_WATCH_MS);
    this.watcher.unref();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.watcher) clearInterval(this.watcher);
    this.watcher = undefined;
    await this.watching;
    await Promise.all(
      [...[...this.live.values()].map((entry) => entry.runner), ...this.reactors].map((runner) =>
        runner.stop(),
      ),
    );
  }

  projectionStatuses(): Promise<ProjectionStatus[]> {
    return Promise.all([...this.live.values()].map((entry) => entry.runner.status()));
  }

  reactorStatuses(): Promise<ReactorStatus[]> {
    return Promise.all(this.reactors.map((runner) => runner.status()));
  }

  /** Every projection with its generations, state, checkpoint and lag (the CLI's `projections list`). */
  async listProjections(): Promise<ProjectionListing[]> {
    const statuses = new Map((await this.projectionStatuses()).map((status) => [status.name, status]));
    return listProjections(this.deps, [...this.definitions.values()], (name) => statuses.get(name));
  }

  /** Starts a blue/green rebuild in the background; its progress is read with `rebuildJob`. */
  startRebuild(names: readonly string[] | 'all'): RebuildJob {
    return this.jobs.start(this.definitionsNamed(names));
  }

  rebuildJob(id: string): RebuildJob | null {
    return this.jobs.get(id);
  }

  stopRebuild(id: string): Promise<RebuildJob | null> {
    return this.jobs.stop(id);
  }

  /** Rebuilds one projection blue/green and resolves after the switch. */
  async rebuild(name: string): Promise<void> {
    const job = this.startRebuild([name]);
    const result = await this.jobs.wait(job.id);
    if (result?.state !== 'done') {
      throw new Error(`rebuild of ${name} ended ${result?.state}: ${result?.error ?? 'stopped'}`);
    }
  }

  /** Resolves when every projection has processed the events up to `position` (read-your-writes). */
  async waitForPosition(position: number, timeoutMs = 10_000): Promise<void> {
    await Promise.all(
      [...this.live.values()].map((entry) => entry.runner.waitForPosition(position, timeoutMs)),
    );
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

  /**
   * Points the live runner of a projection at the slot's live generation. False when the live generation
   * is of another version than this code: nothing here can keep it current, it is served as it is.
   */
  private async follow(definition: AnyProjection, slot: Slot): Promise<boolean> {
    const current = this.live.get(definition.name);
    if (current && sameGeneration(current.slot.live, slot.live)) return true;
    if (current) {
      this.live.delete(definition.name);
      // Its generation is retired: what it still had pending does not matter any more.
      await current.runner.stop().catch(() => undefined);
    }
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
      },
    );
    this.live.set(definition.name, { runner, slot });
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

/** No projection of that name is registered. */
export class UnknownProjection extends Error {
  constructor(
    readonly projection: string,
    readonly known: readonly string[],
  ) {
    super(`no projection named ${projection}: known are ${known.join(', ')}`);
  }
}
