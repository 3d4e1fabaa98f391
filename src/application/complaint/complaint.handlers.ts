import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { complaintStreamId, createComplaintDecider } from '../../domain/complaint/complaint.decider';
import { DEFAULT_COMPLAINT_SLA_POLICIES } from '../../domain/complaint/complaint-sla-policy';
import { CommandPipeline } from '../shared/command-pipeline';
import type { CommandResult } from '../shared/command-context';
import { ExecuteComplaintCommand } from './complaint.commands';

export const complaintDecider = createComplaintDecider(DEFAULT_COMPLAINT_SLA_POLICIES);

@CommandHandler(ExecuteComplaintCommand)
export class ExecuteComplaintHandler implements ICommandHandler<ExecuteComplaintCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ command, context }: ExecuteComplaintCommand): Promise<CommandResult> {
    return this.pipeline.execute(
      complaintDecider,
      complaintStreamId(command.data.complaintId),
      command,
      context,
    );
  }
}
