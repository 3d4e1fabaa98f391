import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DEFAULT_LOYALTY_RULE_SETS } from '../../domain/membership/loyalty-rules';
import { createMembershipDecider, membershipStreamId } from '../../domain/membership/membership.decider';
import { WrongExpectedRevisionError } from '../ports/event-store.port';
import type { CommandContext, CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import { ExecuteMembershipCommand } from './membership.commands';

export const LIVE_LOYALTY_RULES = DEFAULT_LOYALTY_RULE_SETS;
export const membershipDecider = createMembershipDecider(LIVE_LOYALTY_RULES);

/**
 * Runs a membership command. A lost race on the stream (another redemption landed first) is decided once
 * more on the new state, so the loser gets the real answer (done, or 422 INSUFFICIENT_POINTS) rather than
 * a bare 409; a second lost race, or a stale If-Match, is still a 409 that appended nothing. The balance
 * cannot go negative either way: every append is checked against the revision the decision was made on.
 */
export const executeMembership = async (
  pipeline: CommandPipeline,
  command: ExecuteMembershipCommand['command'],
  context: CommandContext,
): Promise<CommandResult> => {
  const run = () =>
    pipeline.execute(membershipDecider, membershipStreamId(command.data.customerId), command, context);
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof WrongExpectedRevisionError) || context.expectedRevision !== undefined) throw error;
    return run();
  }
};

@CommandHandler(ExecuteMembershipCommand)
export class ExecuteMembershipHandler implements ICommandHandler<ExecuteMembershipCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ command, context }: ExecuteMembershipCommand): Promise<CommandResult> {
    return executeMembership(this.pipeline, command, context);
  }
}
