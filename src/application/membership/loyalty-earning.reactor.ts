import {
  earningCommandFor,
  EARNING_EVENT_TYPES,
  isEarningSource,
} from '../../domain/membership/loyalty-earning';
import type { MembershipCommand } from '../../domain/membership/membership.commands';
import type { MembershipEvent } from '../../domain/membership/membership.events';
import type { MembershipState } from '../../domain/membership/membership.state';
import { DomainError } from '../../domain/shared/domain-error';
import { WrongExpectedRevisionError } from '../ports/event-store.port';
import type { CommandPipeline } from '../shared/command-pipeline';
import type { Feature } from '../shared/feature';
import type { ReactorDefinition } from '../shared/reactor';

export const LOYALTY_EARNING_REACTOR = 'loyalty-earning';
const ATTEMPTS = 5;

/**
 * Outcomes that mean "nothing to earn", not a fault: the customer is not a member (or was not yet at the
 * time of the visit), the membership has lapsed or ended, or the source has earned already. A visit dated
 * before the member's last points fact (a repair order synced out of business-time order) cannot be placed
 * consistently and earns nothing either; README "Not built" says how staff credit it by hand.
 */
export const NOTHING_TO_EARN: ReadonlySet<string> = new Set([
  'MEMBERSHIP_NOT_FOUND',
  'MEMBERSHIP_LAPSED',
  'MEMBERSHIP_CANCELLED',
  'ACTION_BEFORE_ENROLMENT',
  'POINTS_ALREADY_EARNED',
  'MEMBERSHIP_FACT_OUT_OF_ORDER',
]);

/**
 * Points for every settled paid repair order, a bonus for every delivered vehicle, and a club activity's
 * fixed points for attending it. The membership
 * stream is `membership-<customerId>`, so no read model is consulted and no projection lag can hide a
 * member. The command's Idempotency-Key names this reactor and the event, and the decider refuses a
 * source that has earned already, so a source earns once across restarts; rebuilds never run reactors.
 */
export const createLoyaltyEarningReactor = (
  pipeline: CommandPipeline,
  membership: Feature<MembershipState, MembershipCommand, MembershipEvent>,
): ReactorDefinition => ({
  name: LOYALTY_EARNING_REACTOR,
  handles: EARNING_EVENT_TYPES,
  react: async (event, context) => {
    const earn = isEarningSource(event) ? earningCommandFor(event) : null;
    if (!earn) return;
    for (let attempt = 1; ; attempt += 1) {
      try {
        await pipeline.execute(membership, { type: 'EarnPoints', data: earn }, context.commandContext());
        return;
      } catch (error) {
        if (error instanceof DomainError && NOTHING_TO_EARN.has(error.code)) return;
        // The member was redeeming at the same moment: decide again on the new state.
        if (error instanceof WrongExpectedRevisionError && attempt < ATTEMPTS) continue;
        throw error;
      }
    }
  },
});
