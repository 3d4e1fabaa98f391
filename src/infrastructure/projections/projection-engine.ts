import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { CLOCK, type Clock } from '../../application/ports/clock.port';
import { EVENT_STORE, type EventStore } from '../../application/ports/event-store.port';
import { READ_STORE, type ReadStore } from '../../application/ports/read-store.port';
import { EventCatalog } from '../../application/shared/event-catalog';
import type { ReactorDefinition } from '../../application/shared/reactor';
import type { AnyProjection } from '../../projections/shared/projection';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JsonLogger } from '../logging/json-logger';
import { ReactorRunner, type ReactorStatus } from '../reactors/reactor-runner';
import { ProjectionRunner, type ProjectionStatus } from './projection-runner';
import type { RunnerDeps } from './runner-support';

export const PROJECTIONS = Symbol('PROJECTIONS');
export const REACTORS = Symbol('REACTORS');

/** Starts every projection and reactor with the application, reports their state, rebuilds on request. */
@Injectable()
export class ProjectionEngine implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly projections: Map<string, ProjectionRunner>;
  private readonly reactors: ReactorRunner[];

  constructor(
    @Inject(EVENT_STORE) eventStore: EventStore,
    @Inject(READ_STORE) readStore: ReadStore,
    @Inject(CLOCK) clock: Clock,
    @Inject(PROJECTIONS) definitions: readonly AnyProjection[],
    @Inject(REACTORS) reactors: readonly ReactorDefinition[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    catalog: EventCatalog,
    logger: JsonLogger,
  ) {
    const deps: RunnerDeps = {
      eventStore,
      readStore,
      clock: () => clock.now(),
      upcast: catalog.upcast,
      log: (level, message, fields) => logger.entry(level, message, fields),
    };
    this.projections = new Map(
      definitions.map((definition) => [
        definition.name,
        new ProjectionRunner(deps, definition, { batchSize: config.projectionBatchSize }),
      ]),
    );
    this.reactors = reactors.map((definition) => new ReactorRunner(deps, definition));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.runProjections) await this.start();
  }

  /** Before the stores close: runners finish their batch and stop reading. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async start(): Promise<void> {
    for (const runner of this.projections.values()) await runner.start();
    for (const runner of this.reactors) await runner.start();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.projections.values(), ...this.reactors].map((runner) => runner.stop()));
  }

  projectionStatuses(): Promise<ProjectionStatus[]> {
    return Promise.all([...this.projections.values()].map((runner) => runner.status()));
  }

  reactorStatuses(): Promise<ReactorStatus[]> {
    return Promise.all(this.reactors.map((runner) => runner.status()));
  }

  /** Drops one projection's read model and builds it again from the first event. */
  async rebuild(name: string): Promise<void> {
    const runner = this.projections.get(name);
    if (!runner) throw new Error(`no projection named ${name}: see GET /health for the list`);
    await runner.reset();
    await runner.start();
  }

  /** Resolves when every projection has processed the events up to `position` (read-your-writes). */
  async waitForPosition(position: number, timeoutMs = 10_000): Promise<void> {
    await Promise.all(
      [...this.projections.values()].map((runner) => runner.waitForPosition(position, timeoutMs)),
    );
  }
}
