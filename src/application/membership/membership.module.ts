import { Module } from '@nestjs/common';
import { LoyaltyExpiryWatcher } from './loyalty-expiry-watcher';
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
 * The loyalty club: membership commands, balances, ledger, liability, tiers, activity, rule simulation and
 * the expiry sweep. The earning reactor is registered in `reactors.ts`. Stores and pipeline come from the core.
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
    LoyaltyExpiryWatcher,
  ],
  exports: [LoyaltyExpiryWatcher],
})
export class MembershipModule {}
