import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { SetRequiredFields } from '../../domain/required-fields/required-fields.decider';
import type { CommandContext, CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import { requiredFieldsFeature } from './required-fields.feature';

export class SetRequiredFieldsCommand extends Command<CommandResult> {
  constructor(
    readonly data: SetRequiredFields['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(SetRequiredFieldsCommand)
export class SetRequiredFieldsHandler implements ICommandHandler<SetRequiredFieldsCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ data, context }: SetRequiredFieldsCommand): Promise<CommandResult> {
    return this.pipeline.execute(requiredFieldsFeature, { type: 'SetRequiredFields', data }, context);
  }
}
