import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '../../../application/ports/event-store.port';
import { READ_STORE, type ReadStore } from '../../../application/ports/read-store.port';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ProjectionEngine } from '../../projections/projection-engine';
import { describeEventStore, describeReadStore } from '../../stores';
import { ClockWatcherRunner } from '../../watchers/clock-watcher-runner';
import { Public } from './permission.decorator';

const probe = async (ping: () => Promise<void>) => {
  try {
    await ping();
    return { status: 'up' as const };
  } catch (error) {
    return { status: 'down' as const, error: error instanceof Error ? error.message : String(error) };
  }
};

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly engine: ProjectionEngine,
    private readonly watchers: ClockWatcherRunner,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Stores, projections and reactors',
    description:
      '200 while both stores answer (`status` is `degraded` when a projection or reactor has stopped on an event); 503 when a store is down. Each projection shows its position, its lag in events and milliseconds, and the event it stopped at, if any; each clock-driven watcher its last sweep and last failure.',
  })
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const [eventStore, readStore] = await Promise.all([
      probe(() => this.eventStore.ping()),
      probe(() => this.readStore.ping()),
    ]);
    const storesUp = eventStore.status === 'up' && readStore.status === 'up';
    const [projections, reactors] = storesUp
      ? await Promise.all([this.engine.projectionStatuses(), this.engine.reactorStatuses()])
      : [[], []];
    const stopped = [...projections, ...reactors].some((runner) => runner.state === 'failed');
    const watchers = this.watchers.statuses();
    const status = !storesUp ? 'down' : stopped ? 'degraded' : 'ok';
    void reply.status(storesUp ? 200 : 503);
    return {
      status,
      eventStore: { ...describeEventStore(this.config), ...eventStore },
      readStore: { ...describeReadStore(this.config), ...readStore },
      projectionsEnabled: this.config.runProjections,
      projections,
      reactors,
      watchers,
    };
  }
}
