import { Module } from '@nestjs/common';
import { ClubStatisticsHandler } from './club-statistics.query';
import { GetMemberByCardHandler } from './member-card.query';
import { SimulateLoyaltyRulesHandler } from './loyalty-simulation.query';
import { ExecuteMembershipHandler } from './membership.handlers';
import { MEMBERSHIP_QUERY_HANDLERS } from './membership.queries';
import { VoucherLiabilityHandler } from './voucher-liability.query';

/**
 * The loyalty club: membership commands, balances, ledger, liability (points and vouchers), tiers, activity
 * and rule simulation. The earning reactor and the expiry watcher are declared in `membership.feature.ts`.
 * Stores and pipeline come from the core.
 */
@Module({
  providers: [
    ...MEMBERSHIP_QUERY_HANDLERS,
    ExecuteMembershipHandler,
    SimulateLoyaltyRulesHandler,
    GetMemberByCardHandler,
    ClubStatisticsHandler,
    VoucherLiabilityHandler,
  ],
})
export class MembershipModule {}
