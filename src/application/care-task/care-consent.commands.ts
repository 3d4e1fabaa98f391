import { Command } from '@nestjs/cqrs';
import type { RecordCareMessageConsent } from '../../domain/care-consent/care-consent';
import type { CommandContext, CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { careConsentFeature } from './care-consent.feature';

export class ExecuteCareConsentCommand extends Command<CommandResult> {
  constructor(
    readonly command: Readonly<{
      type: RecordCareMessageConsent['type'];
      data: RecordCareMessageConsent['data'];
    }>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ExecuteCareConsentCommand)
export class ExecuteCareConsentHandler implements ICommandHandler<ExecuteCareConsentCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ command, context }: ExecuteCareConsentCommand): Promise<CommandResult> {
    return this.pipeline.execute(careConsentFeature, command, context);
  }
}
