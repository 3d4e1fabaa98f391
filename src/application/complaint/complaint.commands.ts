import { Command } from '@nestjs/cqrs';
import type { ComplaintCommand } from '../../domain/complaint/complaint.commands';
import type { CommandContext, CommandResult } from '../shared/command-context';

/** Any complaint command on its way to the pipeline; the domain command's `type` says which. */
export class ExecuteComplaintCommand extends Command<CommandResult> {
  constructor(
    readonly command: Readonly<{ type: ComplaintCommand['type']; data: ComplaintCommand['data'] }>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
