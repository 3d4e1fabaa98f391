import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { authoriseCommand } from '../../application/access/command-authoriser';
import { CLOCK, type Clock } from '../../application/ports/clock.port';
import { EVENT_STORE, type EventStore } from '../../application/ports/event-store.port';
import { CommandPipeline } from '../../application/shared/command-pipeline';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AccessGuard } from './access.guard';
import { CredentialService } from './credential.service';
import { loadTokenSecret } from './token-secret';

/** Lets the pipeline check every command's principal against the record before deciding. */
class CommandAuthorisation implements OnModuleInit {
  constructor(@Inject(CommandPipeline) private readonly pipeline: CommandPipeline) {}

  onModuleInit(): void {
    this.pipeline.authorise = authoriseCommand;
  }
}

/** Authentication, the permission guard on every route, and record tenancy (docs/access.md). */
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
        ),
      inject: [APP_CONFIG, EVENT_STORE, CommandPipeline, CLOCK],
    },
    CommandAuthorisation,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [CredentialService],
})
export class AccessModule {}
