import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import { membershipFeature } from './membership.feature';
import { ExecuteMembershipCommand } from './membership.commands';

/**
 * Runs a membership command. A lost race on the stream (another redemption landed first) is decided once
 * more on the new state (the feature says so), so the loser gets the real answer (done, or 422
 * INSUFFICIENT_POINTS) rather than a bare 409; a second lost race, or a stale If-Match, is still a 409
 * that appended nothing. The balance cannot go negative either way: every append is checked against the
 * revision the decision was made on.
 */
@CommandHandler(ExecuteMembershipCommand)
export class ExecuteMembershipHandler implements ICommandHandler<ExecuteMembershipCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ command, context }: ExecuteMembershipCommand): Promise<CommandResult> {
    return this.pipeline.execute(membershipFeature, command, context);
  }
}
