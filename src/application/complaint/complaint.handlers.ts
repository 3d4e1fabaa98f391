import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { complaintStreamId, createComplaintDecider } from '../../domain/complaint/complaint.decider';
import { CommandPipeline } from '../shared/command-pipeline';
import type { CommandResult } from '../shared/command-context';
import { AcknowledgeComplaintCommand, FileComplaintCommand } from './complaint.commands';

const decider = createComplaintDecider();

@CommandHandler(FileComplaintCommand)
export class FileComplaintHandler implements ICommandHandler<FileComplaintCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ data, context }: FileComplaintCommand): Promise<CommandResult> {
    return this.pipeline.execute(
      decider,
      complaintStreamId(data.complaintId),
      { type: 'FileComplaint', data },
      context,
    );
  }
}

@CommandHandler(AcknowledgeComplaintCommand)
export class AcknowledgeComplaintHandler implements ICommandHandler<
  AcknowledgeComplaintCommand,
  CommandResult
> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ data, context }: AcknowledgeComplaintCommand): Promise<CommandResult> {
    return this.pipeline.execute(
      decider,
      complaintStreamId(data.complaintId),
      { type: 'AcknowledgeComplaint', data },
      context,
    );
  }
}
