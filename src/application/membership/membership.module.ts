import { Module } from '@nestjs/common';
import { SimulateLoyaltyRulesHandler } from './loyalty-simulation.query';
import { MembershipCommandsController } from './membership-commands.controller';
import { MembershipQueriesController } from './membership-queries.controller';
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
  controllers: [MembershipCommandsController, MembershipQueriesController],
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
