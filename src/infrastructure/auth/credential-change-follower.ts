import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../application/ports/event-store.port';
import { CREDENTIAL_EVENT_TYPES } from '../../domain/credential/credential.events';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LogFollower } from '../event-store/log-follower';
import { JsonLogger } from '../logging/json-logger';
import { Metrics } from '../metrics/metrics';
import { CredentialService } from './credential.service';

/**
 * Pushes every credential event stored by any process (a revocation by the CLI or another replica) to this
 * process's credential service, which forgets the state it kept of that credential at once (issue 14 §4).
 * It follows the log from its head at start, in the background (`LogFollower`): the application's start never
 * waits for it, a store error makes it follow again with backoff from where it stood, and meanwhile the
 * service trusts a kept state for `CREDENTIAL_FRESHNESS_MS` only. Off with `CREDENTIAL_PUSHED_FRESHNESS_MS=0`.
 */
@Injectable()
export class CredentialChangeFollower implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private follower: LogFollower | undefined;

  constructor(
    private readonly credentials: CredentialService,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly logger: JsonLogger,
    metrics: Metrics,
  ) {
    metrics.readCredentialsFrom(() => credentials.reads());
  }

  onApplicationBootstrap(): void {
    if (this.config.credentialPushedFreshnessMs === 0) return;
    const follower = new LogFollower({
      eventStore: this.eventStore,
      types: new Set(Object.keys(CREDENTIAL_EVENT_TYPES)),
      onEvent: (event) => this.credentials.changed(String(event.data.credentialId)),
      onError: (error, delay) =>
        this.logger.entry(
          'warn',
          `credential changes in other processes cannot be followed for now (${String(error)}): retrying in ${delay} ms; a revocation elsewhere takes effect within CREDENTIAL_FRESHNESS_MS meanwhile`,
          {},
        ),
    });
    this.follower = follower;
    this.credentials.followChanges(follower);
    follower.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.credentials.followChanges(null);
    await this.follower?.stop();
  }
}
