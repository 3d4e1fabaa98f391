import type { MembershipCommand } from '../../domain/membership/membership.commands';
import { createMembershipDecider, membershipStreamId } from '../../domain/membership/membership.decider';
import {
  MEMBERSHIP_EVENT_TYPES,
  MEMBERSHIP_PERSONAL_DATA,
  MEMBERSHIP_UPCASTERS,
  type MembershipEvent,
} from '../../domain/membership/membership.events';
import { membershipDecisionOf, type MembershipState } from '../../domain/membership/membership.state';
import { loyaltyLedgerProjection } from '../../projections/loyalty-ledger/loyalty-ledger.projection';
import { loyaltyMembersProjection } from '../../projections/loyalty-members/loyalty-members.projection';
import { loyaltyVouchersProjection } from '../../projections/loyalty-vouchers/loyalty-vouchers.projection';
import { memberCardsProjection } from '../../projections/member-cards/member-cards.projection';
import type { Feature } from '../shared/feature';
import { LIVE_LOYALTY_RULES } from './live-loyalty-rules';
import { createLoyaltyEarningReactor } from './loyalty-earning.reactor';
import { loyaltyExpiryWatcher } from './loyalty-expiry-watcher';
import { memberBirthdayWatcher } from './member-birthday-watcher';
import { CLUB_STATISTICS_KPIS } from './club-statistics.query';
import { LOYALTY_KPIS } from './membership.queries';
import { VOUCHER_LIABILITY_KPIS } from './voucher-liability.query';

/** The loyalty club (issue 6): one membership stream per customer, earning by reactor, expiry by the clock. */
export const membershipFeature: Feature<MembershipState, MembershipCommand, MembershipEvent> = {
  name: 'membership',
  category: 'membership',
  decider: createMembershipDecider(LIVE_LOYALTY_RULES),
  streamOf: ({ customerId }) => membershipStreamId(customerId),
  eventTypes: MEMBERSHIP_EVENT_TYPES,
  upcasters: MEMBERSHIP_UPCASTERS,
  personalData: MEMBERSHIP_PERSONAL_DATA,
  // The club's records belong to the member's home dealer.
  scope: (state, command) => ({
    dealerId:
      state.status !== 'none'
        ? state.homeDealerId
        : command.type === 'EnrollMember'
          ? command.data.homeDealerId
          : undefined,
  }),
  // Two redemptions at once: the loser is decided again, and gets 422 INSUFFICIENT_POINTS or its answer.
  decidesAgainAfterLostRace: true,
  // The birthday reminder's note is dated at its due time, whenever the sweep came by.
  businessTimeOf: (event) =>
    event.type === 'MemberBirthdayReminderDue' ? event.data.dueAt : (membershipDecisionOf(event)?.at ?? null),
  projections: [
    loyaltyMembersProjection,
    loyaltyLedgerProjection,
    loyaltyVouchersProjection,
    memberCardsProjection,
  ],
  reactors: ({ pipeline }) => [createLoyaltyEarningReactor(pipeline, membershipFeature)],
  // Each sweeps on its own timer; the birthday note needs no lapse recorded first (the decider counts a lapse
  // that fell due but is not yet recorded).
  watchers: [loyaltyExpiryWatcher, memberBirthdayWatcher],
  kpis: { ...LOYALTY_KPIS, ...CLUB_STATISTICS_KPIS, ...VOUCHER_LIABILITY_KPIS },
};
