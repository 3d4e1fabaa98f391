import {
  type BeforeApplicationShutdown,
  type DynamicModule,
  Global,
  Inject,
  Module,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { authoriseCommand } from './application/access/command-authoriser';
import { ALL_EVENT_TYPES, ALL_PROJECTIONS, ALL_WATCHERS, createReactors } from './application/features';
import { CLOCK, type Clock, systemClock } from './application/ports/clock.port';
import { ContactHasher } from './application/privacy/contact-hasher';
import { EVENT_STORE, type EventStore } from './application/ports/event-store.port';
import { READ_STORE, type ReadStore } from './application/ports/read-store.port';
import { OUTBOUND_MESSAGES, type OutboundMessagePort } from './application/ports/outbound-message.port';
import { OutboxMessageAdapter } from './infrastructure/outbox/outbox-message.adapter';
import { Metrics } from './infrastructure/metrics/metrics';
import { CommandPipeline } from './application/shared/command-pipeline';
import { EventCatalog } from './application/shared/event-catalog';
import { EventEncoder } from './application/shared/event-encoder';
import type { ReactorDefinition } from './application/shared/reactor';
import { FEATURE_MODULES } from './feature-modules';
import { APP_CONFIG, type AppConfig } from './infrastructure/config/app-config';
import { HttpModule } from './infrastructure/http/http.module';
import { CommandContextFactory } from './infrastructure/http/shared/command-context.factory';
import { JsonLogger } from './infrastructure/logging/json-logger';
import { PROJECTIONS, ProjectionEngine, REACTORS } from './infrastructure/projections/projection-engine';
import { openEventStore, openReadStore } from './infrastructure/stores';
import { PRIVACY_CORE_PROVIDERS } from './infrastructure/keystore/privacy-providers';
import { CLOCK_WATCHERS, ClockWatcherRunner } from './infrastructure/watchers/clock-watcher-runner';
import type { AnyProjection } from './projections/shared/projection';
import {
  PROJECTION_WORKER,
  type ProjectionWorkerLink,
} from './infrastructure/workers/projection-worker-link';

export type AppOptions = Readonly<{
  config: AppConfig;
  logger: JsonLogger;
  clock?: Clock;
  /** Replace the registered projections or reactors (tests). */
  projections?: readonly AnyProjection[];
  reactors?: readonly ReactorDefinition[];
  /** The built web app to serve at `/` (default dist/web; tests build their own). */
  webRoot?: string;
  /** The worker thread that runs this API's projections (`npm start`); none: they run here, or elsewhere. */
  projectionWorker?: ProjectionWorkerLink;
  /** The projection worker's own app: its appends go to the API's thread (`ForwardedAppends`). */
  wrapEventStore?: (store: EventStore) => EventStore;
}>;

/** Closes the stores after everything that uses them has stopped. */
class StoreCloser implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.eventStore.close(), this.readStore.close()]);
  }
}

/**
 * The API's side of its projection worker: on the embedded default the worker's appends are committed by
 * this process's event store (one writer of the SQLite file); the worker stops before the stores close.
 */
class ProjectionWorkerHost implements BeforeApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) eventStore: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(PROJECTION_WORKER) private readonly worker: ProjectionWorkerLink | null,
  ) {
    if (!config.eventStoreUrl) worker?.appendThrough(eventStore);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.stop();
  }
}

/** Stores, clock, pipeline, engine and clock watchers: shared by every feature module. */
@Global()
@Module({})
class CoreModule {
  static register(options: AppOptions): DynamicModule {
    const providers = [
      { provide: APP_CONFIG, useValue: options.config },
      { provide: CLOCK, useValue: options.clock ?? systemClock },
      { provide: JsonLogger, useValue: options.logger },
      {
        provide: EVENT_STORE,
        useFactory: async (metrics: Metrics) => {
          const store = await openEventStore(options.config, metrics.observeStoreCommit);
          return options.wrapEventStore ? options.wrapEventStore(store) : store;
        },
        inject: [Metrics],
      },
      { provide: READ_STORE, useFactory: () => openReadStore(options.config) },
      { provide: EventCatalog, useValue: new EventCatalog(ALL_EVENT_TYPES) },
      ...PRIVACY_CORE_PROVIDERS,
      {
        provide: CommandPipeline,
        // Every command's principal is checked against its record; the encoder encrypts personal data
        // with its subject's key before anything is stored.
        useFactory: (
          eventStore: EventStore,
          catalog: EventCatalog,
          encoder: EventEncoder,
          metrics: Metrics,
        ) => new CommandPipeline(eventStore, catalog, authoriseCommand, encoder, metrics.observeCommand),
        inject: [EVENT_STORE, EventCatalog, EventEncoder, Metrics],
      },
      { provide: Metrics, useFactory: () => new Metrics() },
      { provide: PROJECTIONS, useValue: options.projections ?? ALL_PROJECTIONS },
      {
        provide: OUTBOUND_MESSAGES,
        useFactory: (readStore: ReadStore, clock: Clock) =>
          new OutboxMessageAdapter(readStore, () => clock.now()),
        inject: [READ_STORE, CLOCK],
      },
      {
        provide: REACTORS,
        useFactory: (
          pipeline: CommandPipeline,
          contactHasher: ContactHasher,
          outbound: OutboundMessagePort,
          readStore: ReadStore,
        ) => options.reactors ?? createReactors({ pipeline, contactHasher, outbound, readStore }),
        inject: [CommandPipeline, ContactHasher, OUTBOUND_MESSAGES, READ_STORE],
      },
      { provide: CLOCK_WATCHERS, useValue: ALL_WATCHERS },
      { provide: PROJECTION_WORKER, useValue: options.projectionWorker ?? null },
      StoreCloser,
      ProjectionWorkerHost,
      CommandContextFactory,
      ProjectionEngine,
      ClockWatcherRunner,
    ];
    return { module: CoreModule, providers, exports: providers };
  }
}

@Module({})
export class AppModule {
  static register(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        DiscoveryModule,
        CoreModule.register(options),
        ...FEATURE_MODULES,
        HttpModule,
      ],
    };
  }
}
