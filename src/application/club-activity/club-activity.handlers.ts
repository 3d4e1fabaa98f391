import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ClubMemberStanding } from '../../domain/club-activity/club-activity.commands';
import { currentRules } from '../../domain/membership/loyalty-rules';
import { membershipStreamId } from '../../domain/membership/membership.decider';
import { isActiveAt } from '../../domain/membership/membership.state';
import { LIVE_LOYALTY_RULES } from '../membership/live-loyalty-rules';
import { membershipFeature } from '../membership/membership.feature';
import type { CommandContext, CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import type { CommandOf } from '../shared/feature';
import { type ClubActivityRequest, ExecuteClubActivityCommand } from './club-activity.commands';
import { clubActivityFeature } from './club-activity.feature';

/**
 * Club activity commands. A sign-up needs the member's standing, which lives on the membership stream:
 * the handler reads it (the stream, never a read model, so no projection lag) as it stands at the
 * sign-up's business time, a lapse that fell due counted, and hands it to the activity's decider, which
 * refuses a non-member only after the pipeline's record check (another dealer's staff get their 403 first).
 */
@CommandHandler(ExecuteClubActivityCommand)
export class ExecuteClubActivityHandler implements ICommandHandler<
  ExecuteClubActivityCommand,
  CommandResult
> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ command, context }: ExecuteClubActivityCommand): Promise<CommandResult> {
    const sent = command as CommandOf<ClubActivityRequest>;
    if (sent.type !== 'SignUpForClubActivity')
      return this.pipeline.execute(clubActivityFeature, sent, context);
    const member = await this.standing(sent.data.customerId, context);
    return this.pipeline.execute(
      clubActivityFeature,
      { type: 'SignUpForClubActivity', data: { ...sent.data, member } },
      context,
    );
  }

  /** Null for a customer who is not a member: the decider refuses it after the activity's record check. */
  private async standing(customerId: string, context: CommandContext): Promise<ClubMemberStanding | null> {
    const state = await this.pipeline.currentState(membershipFeature, membershipStreamId(customerId));
    if (state.status === 'none') return null;
    const rules = currentRules(LIVE_LOYALTY_RULES);
    const status =
      state.status === 'active' && !isActiveAt(state, context.now, rules) ? 'lapsed' : state.status;
    return { homeDealerId: state.homeDealerId, status };
  }
}
