import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CLOCK, type Clock } from '../../application/ports/clock.port';
import { EVENT_STORE, type EventStore } from '../../application/ports/event-store.port';
import { CommandPipeline } from '../../application/shared/command-pipeline';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AccessGuard } from './access.guard';
import { CredentialChangeFollower } from './credential-change-follower';
import { CredentialService } from './credential.service';
import { loadTokenSecret } from './token-secret';

/**
 * Authentication and the permission guard on every route (docs/access.md). The record check of commands
 * is the pipeline's own (its authoriser is a constructor argument), so it cannot be left out. The
 * follower of the log pushes credential changes made by other processes to the credential service.
 */
@Module({
  providers: [
    {
      provide: CredentialService,
      useFactory: (config: AppConfig, eventStore: EventStore, pipeline: CommandPipeline, clock: Clock) =>
        new CredentialService(
          eventStore,
          pipeline,
          loadTokenSecret(config.authTokenSecret, config.dataDir),
          () => clock.now(),
          config.credentialFreshnessMs,
          config.credentialPushedFreshnessMs,
        ),
      inject: [APP_CONFIG, EVENT_STORE, CommandPipeline, CLOCK],
    },
    CredentialChangeFollower,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [CredentialService],
})
export class AccessModule {}
