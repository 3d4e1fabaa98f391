import { Command } from '@nestjs/cqrs';
import type { AcknowledgeComplaint, FileComplaint } from '../../domain/complaint/complaint.commands';
import type { CommandContext, CommandResult } from '../shared/command-context';

export class FileComplaintCommand extends Command<CommandResult> {
  constructor(
    readonly data: FileComplaint['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class AcknowledgeComplaintCommand extends Command<CommandResult> {
  constructor(
    readonly data: AcknowledgeComplaint['data'],
    readonly context: CommandContext,
  ) {
    super();
  }
}
