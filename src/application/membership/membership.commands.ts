import { Command } from '@nestjs/cqrs';
import type { MembershipCommand } from '../../domain/membership/membership.commands';
import type { CommandContext, CommandResult } from '../shared/command-context';

/** Any membership command on its way to the pipeline; the domain command's `type` says which. */
export class ExecuteMembershipCommand extends Command<CommandResult> {
  constructor(
    readonly command: Readonly<{ type: MembershipCommand['type']; data: MembershipCommand['data'] }>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
