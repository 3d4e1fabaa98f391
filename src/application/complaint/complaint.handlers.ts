import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline } from '../shared/command-pipeline';
import type { CommandResult } from '../shared/command-context';
import { complaintFeature } from './complaint.feature';
import { ExecuteComplaintCommand } from './complaint.commands';

@CommandHandler(ExecuteComplaintCommand)
export class ExecuteComplaintHandler implements ICommandHandler<ExecuteComplaintCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ command, context }: ExecuteComplaintCommand): Promise<CommandResult> {
    return this.pipeline.execute(complaintFeature, command, context);
  }
}
