import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { MembershipCommand } from '../../domain/membership/membership.commands';
import type { MembershipState } from '../../domain/membership/membership.state';
import type { CommandContext, CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import type { CommandOf } from '../shared/feature';
import { memberCardClaimFeature } from './member-card-claim.feature';
import { membershipFeature } from './membership.feature';
import { ExecuteMembershipCommand } from './membership.commands';

/** The commands that give the member a card number. */
const CARD_COMMANDS: readonly MembershipCommand['type'][] = [
  'EnrollMember',
  'ReplaceMemberCard',
  'ReEnrollMember',
];
type CardCommand = Extract<
  CommandOf<MembershipCommand>,
  { type: 'EnrollMember' | 'ReplaceMemberCard' | 'ReEnrollMember' }
>;
const givesACard = (command: CommandOf<MembershipCommand>): command is CardCommand =>
  CARD_COMMANDS.includes(command.type);

/**
 * Runs a membership command. A lost race on the stream (another redemption landed first) is decided again
 * on the new state (the feature says so), so the loser gets the real answer (done, or 422
 * INSUFFICIENT_POINTS) rather than a bare 409; the fifth lost race in a row, or a stale If-Match, is a 409
 * that appended nothing. The balance cannot go negative either way: every append is checked against the
 * revision the decision was made on.
 *
 * A command that gives the member a card number claims the number first (`clubcard-<number>`): a number
 * another member holds is a 409 MEMBER_CARD_IN_USE and nothing is appended to the membership. The
 * membership command is checked before the claim, so its refusal appends no claim; only one that a
 * concurrent change makes fail after the claim leaves the number with that member (docs/loyalty.md).
 */
@CommandHandler(ExecuteMembershipCommand)
export class ExecuteMembershipHandler implements ICommandHandler<ExecuteMembershipCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  async execute({ command, context }: ExecuteMembershipCommand): Promise<CommandResult> {
    const sent = command as CommandOf<MembershipCommand>;
    if (givesACard(sent)) {
      // Refused on the membership first (a duplicate enrolment, an active member's re-enrolment, a 403):
      // then no claim is appended either.
      const member = await this.pipeline.check(membershipFeature, sent, context);
      // A retry of a request that was taken: its first attempt claimed the card.
      if (member !== null) await this.claimCard(sent, member, context);
    }
    return this.pipeline.execute(membershipFeature, sent, context);
  }

  /** Claimed for the member's home dealer: the enrolment names it, a member already enrolled has it. */
  private async claimCard(
    command: CardCommand,
    member: MembershipState,
    context: CommandContext,
  ): Promise<void> {
    const { customerId, cardNumber } = command.data;
    const homeDealerId =
      command.type === 'EnrollMember'
        ? command.data.homeDealerId
        : member.status !== 'none'
          ? member.homeDealerId
          : null;
    // No member to replace a card of or re-enrol: the check has refused that already (404).
    if (homeDealerId === null) return;
    await this.pipeline.execute(
      memberCardClaimFeature,
      { type: 'ClaimMemberCard', data: { cardNumber, customerId, homeDealerId } },
      // If-Match is about the membership, never the card's index stream.
      {
        ...context,
        expectedRevision: undefined,
        idempotencyKey: context.idempotencyKey && `${context.idempotencyKey}:card`,
      },
    );
  }
}
