import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CareGreetingCommand } from '../../domain/care-greeting/care-greeting.commands';
import type { CommandContext, CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import { careGreetingFeature } from './care-greeting.feature';

export class ExecuteCareGreetingCommand extends Command<CommandResult> {
  constructor(
    readonly command: Readonly<{ type: CareGreetingCommand['type']; data: CareGreetingCommand['data'] }>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ExecuteCareGreetingCommand)
export class ExecuteCareGreetingHandler implements ICommandHandler<
  ExecuteCareGreetingCommand,
  CommandResult
> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ command, context }: ExecuteCareGreetingCommand): Promise<CommandResult> {
    return this.pipeline.execute(careGreetingFeature, command, context);
  }
}
