import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DEFAULT_LOYALTY_RULES } from '../../domain/membership/loyalty-rules';
import { RequestValidationError } from '../../infrastructure/http/shared/problem-details';
import { RecordIdPipe } from '../../infrastructure/http/shared/record-id.pipe';
import type { LoyaltyLedgerEntry } from '../../projections/loyalty-ledger/loyalty-ledger.projection';
import { etag } from '../../infrastructure/http/shared/http-replies';
import { type Page, PageQueryDto } from '../shared/page';
import { SimulateLoyaltyRulesQuery, type SimulationReport } from './loyalty-simulation.query';
import {
  ActivityQueryDto,
  AsOfQueryDto,
  DealerAsOfQueryDto,
  DealerQueryDto,
  SimulationDto,
} from './membership-queries.dto';
import {
  type DealerLiability,
  GetMemberBalanceQuery,
  type MemberActivity,
  MemberActivityQuery,
  type MemberBalance,
  MemberLedgerQuery,
  PointsLiabilityQuery,
  type TierDistribution,
  TierDistributionQuery,
} from './membership.queries';
import { Permit } from '../../infrastructure/http/shared/permission.decorator';

const ID = new RecordIdPipe('customerId');

@ApiTags('loyalty club')
@Controller()
export class MembershipQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('memberships/:customerId')
  @Permit('membership.read', 'record')
  @ApiOperation({
    summary: "A member's balance: spendable and lifetime points, tier, the next expiry; ETag is its revision",
    description:
      'Spendable points are derived from the lots as of `asOf` (default now): an expired lot never counts.',
  })
  @ApiNotFoundResponse({ description: 'MEMBERSHIP_NOT_FOUND' })
  async balance(
    @Param('customerId', ID) customerId: string,
    @Query() query: AsOfQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MemberBalance> {
    const balance: MemberBalance = await this.queries.execute(
      new GetMemberBalanceQuery(customerId, query.asOf),
    );
    void reply.header('etag', etag(balance.revision));
    return balance;
  }

  @Get('memberships/:customerId/ledger')
  @Permit('membership.read', 'record')
  @ApiOperation({
    summary:
      "A member's points ledger, oldest first, with the lots behind every redemption, debit and forfeit",
  })
  @ApiNotFoundResponse({ description: 'MEMBERSHIP_NOT_FOUND' })
  ledger(
    @Param('customerId', ID) customerId: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<LoyaltyLedgerEntry>> {
    return this.queries.execute(new MemberLedgerQuery(customerId, query.limit ?? 50, query.offset ?? 0));
  }

  @Get('loyalty/liability')
  @Permit('loyalty.kpi', 'dealer')
  @ApiOperation({
    summary:
      'Points liability per home dealer: outstanding points, and points expiring within 30 and 90 days',
  })
  liability(@Query() query: DealerAsOfQueryDto): Promise<DealerLiability[]> {
    return this.queries.execute(new PointsLiabilityQuery(query.dealerId, query.asOf));
  }

  @Get('loyalty/tiers')
  @Permit('loyalty.kpi', 'dealer')
  @ApiOperation({ summary: 'Active members per tier and home dealer' })
  tiers(@Query() query: DealerQueryDto): Promise<TierDistribution[]> {
    return this.queries.execute(new TierDistributionQuery(query.dealerId));
  }

  @Get('loyalty/activity')
  @Permit('loyalty.kpi', 'dealer')
  @ApiOperation({
    summary: 'Members at risk of lapsing: last paid visit, and lapse due within `withinDays` (default 90)',
  })
  activity(@Query() query: ActivityQueryDto): Promise<MemberActivity> {
    const { limit = 50, offset = 0, withinDays = 90, dealerId, asOf } = query;
    return this.queries.execute(new MemberActivityQuery({ dealerId, withinDays, asOf }, limit, offset));
  }

  @Post('loyalty/simulations')
  @Permit('loyalty.simulate')
  @HttpCode(200)
  @ApiOperation({
    summary:
      '模拟测算: replay a period of recorded history under a proposed rule set, beside the live figures',
    description:
      'Nothing is written. Before `from` the live rules decide; from `from` the proposed ones. Points issued, redeemed, expired and forfeited count by the date they took effect within [from, to); the liability is the spendable points of active members at `to`.',
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (also when `to` is not after `from`)' })
  simulate(@Body() body: SimulationDto): Promise<SimulationReport> {
    if (Date.parse(body.to) <= Date.parse(body.from))
      throw new RequestValidationError([{ field: 'to', reason: 'must be after from' }]);
    const { rules } = body;
    const proposed = {
      version: 'proposed',
      earnRatePerRmb: { ...rules.earnRatePerRmb },
      purchaseBonus: rules.purchaseBonus,
      tierThresholds: { ...rules.tierThresholds },
      lotExpiryMonths: rules.lotExpiryMonths,
      lapseMonths: rules.lapseMonths,
      voucherValidityMonths: rules.voucherValidityMonths ?? DEFAULT_LOYALTY_RULES.voucherValidityMonths,
    };
    const period = { from: new Date(body.from).toISOString(), to: new Date(body.to).toISOString() };
    return this.queries.execute(new SimulateLoyaltyRulesQuery(period, proposed));
  }
}
