import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, type EventStore } from '../../../application/ports/event-store.port';
import { Metrics } from '../../metrics/metrics';
import { ProjectionEngine } from '../../projections/projection-engine';
import { ClockWatcherRunner } from '../../watchers/clock-watcher-runner';
import { Permit } from '../shared/permission.decorator';

const EXPOSITION = 'text/plain; version=0.0.4; charset=utf-8';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(EVENT_STORE) eventStore: EventStore,
    engine: ProjectionEngine,
    watchers: ClockWatcherRunner,
  ) {
    metrics.readFrom({
      headPosition: () => eventStore.headPosition(),
      // This process's own work: another process's (under its lease) is scraped there.
      projections: () => engine.projectionStatuses({ elsewhere: false }),
      reactors: () => engine.reactorStatuses({ elsewhere: false }),
      watchers: () => watchers.statuses(),
      subscriptionReads: () => eventStore.subscriptionReads?.(),
    });
  }

  @Get()
  @Permit('operations.metrics')
  @ApiOperation({
    summary: 'Prometheus figures of this process',
    description:
      'Requests by route and status (crm_http_request_duration_seconds), commands by type and outcome (crm_commands_total, crm_command_duration_seconds), events appended, the event store head, each projection’s and reactor’s state and lag, each watcher’s last sweep, the reads of the log made for the subscriptions (crm_subscription_log_reads: shared or own) and how many subscribers the shared reader feeds, the reads of credential streams made to verify requests and the credential changes pushed by the follower of the log (crm_credential_*), webhook delivery attempts by outcome, and Node’s own figures. Each API replica and worker answers for itself: scrape them all.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The Prometheus text exposition format 0.0.4.', schema: { type: 'string' } })
  @Header('content-type', EXPOSITION)
  @Header('cache-control', 'no-store')
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
