import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiTags } from '@nestjs/swagger';
import { SimulateLoyaltyRulesQuery } from '../../../application/membership/loyalty-simulation.query';
import {
  GetMemberBalanceQuery,
  MemberActivityQuery,
  MemberLedgerQuery,
  PointsLiabilityQuery,
  TierDistributionQuery,
} from '../../../application/membership/membership.queries';
import { CLOCK, type Clock } from '../../../application/ports/clock.port';
import { DEFAULT_LOYALTY_RULES, type LoyaltyRuleSet } from '../../../domain/membership/loyalty-rules';
import { RecordsFileAccess } from '../shared/file-access.decorator';
import { PageParams } from '../shared/page.params';
import { Permit } from '../shared/permission.decorator';
import { QueryRoute } from '../shared/query-route';
import { RecordIdPipe } from '../shared/record-id.pipe';
import { type ProposedRulesBody, SimulationBody } from './membership.bodies';
import { ActivityParams, AsOfParams, DealerAsOfParams, DealerParams } from './membership.params';
import {
  DealerLiabilityView,
  LedgerPage,
  MemberActivityView,
  MemberBalanceView,
  SimulationReportView,
  TierDistributionView,
} from './membership.responses';
import { refusePast } from '../shared/as-of';
import { RequestValidationError } from '../shared/problem-details';

const ID = new RecordIdPipe('customerId');
const NOT_FOUND = 'MEMBERSHIP_NOT_FOUND';

/** The rule set a simulation tries: named `proposed`, with the live voucher validity unless given. */
const proposal = ({ voucherValidityMonths, ...rules }: ProposedRulesBody): LoyaltyRuleSet => ({
  version: 'proposed',
  ...rules,
  earnRatePerRmb: { ...rules.earnRatePerRmb },
  tierThresholds: { ...rules.tierThresholds },
  voucherValidityMonths: voucherValidityMonths ?? DEFAULT_LOYALTY_RULES.voucherValidityMonths,
});

@ApiTags('loyalty club')
@Controller()
export class MembershipQueriesController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private presentOrFuture(asOf: string | undefined): string | undefined {
    refusePast(asOf, this.clock.now());
    return asOf;
  }

  @Get('memberships/:customerId')
  // The member's birthday is personal data: an answer that shows it records the opening (docs/privacy.md).
  @RecordsFileAccess()
  @Permit('membership.read', 'record')
  @QueryRoute({
    summary: "A member's balance: spendable and lifetime points, tier, the next expiry; ETag is its revision",
    description:
      "Spendable points are derived from the lots as of `asOf` (default now): an expired lot never counts. `asOf` is now or later: a past one is refused (400), since the read model holds today's state only.",
    type: MemberBalanceView,
    badRequest:
      "VALIDATION_FAILED: every bad parameter with its reason, also when `asOf` is before now: the read model holds today's state only (see docs/loyalty.md).",
    notFound: NOT_FOUND,
    revision: (balance) => balance.revision,
  })
  balance(@Param('customerId', ID) customerId: string, @Query() { asOf }: AsOfParams) {
    return this.queries.execute(new GetMemberBalanceQuery(customerId, this.presentOrFuture(asOf)));
  }

  @Get('memberships/:customerId/ledger')
  @Permit('membership.read', 'record')
  @QueryRoute({
    summary:
      "A member's points ledger, oldest first, with the lots behind every redemption, debit and forfeit",
    type: LedgerPage,
    notFound: NOT_FOUND,
  })
  ledger(@Param('customerId', ID) customerId: string, @Query() { limit = 50, offset = 0 }: PageParams) {
    return this.queries.execute(new MemberLedgerQuery(customerId, limit, offset));
  }

  @Get('loyalty/liability')
  @Permit('loyalty.kpi', 'dealer')
  @QueryRoute({
    summary:
      'Points liability per home dealer: outstanding points, and points expiring within 30 and 90 days',
    type: [DealerLiabilityView],
    badRequest:
      "VALIDATION_FAILED: every bad parameter with its reason, also when `asOf` is before now: the read model holds today's state only (see docs/loyalty.md).",
  })
  liability(@Query() { dealerId, asOf }: DealerAsOfParams) {
    return this.queries.execute(new PointsLiabilityQuery(dealerId, this.presentOrFuture(asOf)));
  }

  @Get('loyalty/tiers')
  @Permit('loyalty.kpi', 'dealer')
  @QueryRoute({ summary: 'Active members per tier and home dealer', type: [TierDistributionView] })
  tiers(@Query() { dealerId }: DealerParams) {
    return this.queries.execute(new TierDistributionQuery(dealerId));
  }

  @Get('loyalty/activity')
  @Permit('loyalty.kpi', 'dealer')
  @QueryRoute({
    summary: 'Members at risk of lapsing: last paid visit, and lapse due within `withinDays` (default 90)',
    type: MemberActivityView,
    badRequest:
      "VALIDATION_FAILED: every bad parameter with its reason, also when `asOf` is before now: the read model holds today's state only (see docs/loyalty.md).",
  })
  activity(@Query() { limit = 50, offset = 0, withinDays = 90, dealerId, asOf }: ActivityParams) {
    return this.queries.execute(
      new MemberActivityQuery({ dealerId, withinDays, asOf: this.presentOrFuture(asOf) }, limit, offset),
    );
  }

  @Post('loyalty/simulations')
  @Permit('loyalty.simulate', 'dealer-in-body')
  @HttpCode(200)
  @QueryRoute({
    summary:
      '模拟测算: replay a period of recorded history under a proposed rule set, beside the live figures',
    description:
      'Nothing is written. The figures cover the members of `dealerId` (their home dealer): a dealer-bound principal gets their own dealer only. Before `from` the live rules decide; from `from` the proposed ones. Points issued, redeemed, expired and forfeited count by the date they took effect within [from, to); the liability is the spendable points of active members at `to`.',
    type: SimulationReportView,
  })
  @ApiBadRequestResponse({ description: 'Also when `to` is not after `from`.' })
  simulate(@Body() { from, to, rules, dealerId }: SimulationBody) {
    if (Date.parse(to) <= Date.parse(from))
      throw new RequestValidationError([{ field: 'to', reason: 'must be after from' }]);
    const period = { from: new Date(from).toISOString(), to: new Date(to).toISOString() };
    return this.queries.execute(new SimulateLoyaltyRulesQuery(period, proposal(rules), dealerId));
  }
}
