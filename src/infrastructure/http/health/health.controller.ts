import {
  type CallHandler,
  Controller,
  type ExecutionContext,
  Get,
  Inject,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Observable, tap } from 'rxjs';
import { EVENT_STORE, type EventStore } from '../../../application/ports/event-store.port';
import { READ_STORE, type ReadStore } from '../../../application/ports/read-store.port';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ProjectionEngine } from '../../projections/projection-engine';
import { describeEventStore, describeReadStore } from '../../stores';
import { ClockWatcherRunner } from '../../watchers/clock-watcher-runner';
import { PROJECTION_WORKER, type ProjectionWorkerLink } from '../../workers/projection-worker-link';
import { Public } from '../shared/permission.decorator';
import { QueryRoute } from '../shared/query-route';
import { HealthView } from './health.responses';

const probe = async (ping: () => Promise<void>) => {
  try {
    await ping();
    return { status: 'up' as const };
  } catch (error) {
    return { status: 'down' as const, error: error instanceof Error ? error.message : String(error) };
  }
};

/** 503 while a store is down: probes and load balancers read the status, not the body. */
@Injectable()
class HealthStatusInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler<HealthView>): Observable<HealthView> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(tap((health) => void reply.status(health.status === 'down' ? 503 : 200)));
  }
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly engine: ProjectionEngine,
    private readonly watchers: ClockWatcherRunner,
    @Inject(PROJECTION_WORKER) private readonly worker: ProjectionWorkerLink | null,
  ) {}

  @Get()
  @Public()
  @QueryRoute({
    summary: 'Stores, projections and reactors',
    description:
      '200 while both stores answer (`status` is `degraded` when a projection or reactor this process runs has stopped on an event, state `failed`, or waits out a store outage, state `retrying`); 503 when a store is down. Processes with RUN_PROJECTIONS=true share the projections and reactors by leases: each one shows its `owner` (`here`: this process; else another, whose state and position are read from the stored checkpoint, or null during a failover). Each projection shows its position, its lag in events (`unknown` where the store cannot count them) and milliseconds, the event it stopped at, if any, and while retrying the attempts and the last store error; each clock-driven watcher its last sweep and last failure.',
    type: HealthView,
    badRequest: null,
  })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'A store does not answer.' })
  @UseInterceptors(HealthStatusInterceptor)
  async health(): Promise<HealthView> {
    // The runners are shown during an outage too (that is when `retrying` and its last error matter),
    // asked beside the probes so a store that does not answer costs one deadline, not two.
    const [eventStore, readStore, projections, reactors] = await Promise.all([
      probe(() => this.eventStore.ping()),
      probe(() => this.readStore.ping()),
      this.engine.projectionStatuses(),
      this.engine.reactorStatuses(),
    ]);
    const storesUp = eventStore.status === 'up' && readStore.status === 'up';
    // Work another process runs (its lease) is that process's health, not this one's.
    const stopped = [...projections, ...reactors].some(
      (runner) => runner.owner?.here !== false && (runner.state === 'failed' || runner.state === 'retrying'),
    );
    const watchers = this.watchers.statuses();
    const projectionWorker = this.worker?.state() ?? null;
    const workerDown = projectionWorker !== null && projectionWorker.state !== 'running';
    return {
      status: !storesUp ? 'down' : stopped || workerDown ? 'degraded' : 'ok',
      eventStore: { ...describeEventStore(this.config), ...eventStore },
      readStore: { ...describeReadStore(this.config), ...readStore },
      projectionsEnabled: this.config.runProjections || projectionWorker !== null,
      projectionWorker,
      projections,
      reactors,
      watchers,
    };
  }
}
