import { Module } from '@nestjs/common';
import { SimulateLoyaltyRulesHandler } from './loyalty-simulation.query';
import { ExecuteMembershipHandler } from './membership.handlers';
import {
  GetMemberBalanceHandler,
  MemberActivityHandler,
  MemberLedgerHandler,
  PointsLiabilityHandler,
  TierDistributionHandler,
} from './membership.queries';

/**
 * The loyalty club: membership commands, balances, ledger, liability, tiers, activity and rule simulation.
 * The earning reactor and the expiry watcher are declared in `membership.feature.ts`. Stores and pipeline
 * come from the core.
 */
@Module({
  providers: [
    ExecuteMembershipHandler,
    GetMemberBalanceHandler,
    MemberLedgerHandler,
    PointsLiabilityHandler,
    TierDistributionHandler,
    MemberActivityHandler,
    SimulateLoyaltyRulesHandler,
  ],
})
export class MembershipModule {}
