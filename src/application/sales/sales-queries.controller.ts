import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RecordIdPipe } from '../../infrastructure/http/shared/record-id.pipe';
import type { ProspectDetails } from '../../projections/prospect-details/prospect-details.projection';
import type { SalesShowroomTraffic } from '../../projections/sales-showroom-traffic/sales-showroom-traffic.projection';
import type { SsiMonthly } from '../../projections/ssi-monthly/ssi-monthly.projection';
import type { CommandResult } from '../shared/command-context';
import { CommandResultDto } from '../../infrastructure/http/shared/command.dto';
import { LegacyCommandSender } from '../../infrastructure/http/shared/legacy-command-sender';
import { COMMAND_HEADERS, etag } from '../../infrastructure/http/shared/http-replies';
import type { Page } from '../shared/page';
import {
  type FollowUpWorklist,
  FollowUpWorklistQuery,
  GetProspectQuery,
  ListProspectsQuery,
  SalesFunnelQuery,
} from './prospect.queries';
import type { SalesFunnel } from './sales-funnel';
import {
  DealerMonthQueryDto,
  FunnelQueryDto,
  ListProspectsQueryDto,
  WorklistQueryDto,
} from './sales-queries.dto';
import { LogWalkInGroupsCommand } from './sales.commands';
import { LogWalkInGroupsDto } from './vehicle-sale.dto';
import { ShowroomTrafficQuery, SsiMonthlyQuery } from './vehicle-sale.queries';
import { Permit } from '../../infrastructure/http/shared/permission.decorator';
import { RecordsFileAccess } from '../../infrastructure/http/shared/file-access.decorator';

/** The sales floor's reads (prospects, worklist, funnel, SSI) and the showroom traffic log. */
@ApiTags('sales')
@Controller()
export class SalesQueriesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly sender: LegacyCommandSender,
  ) {}

  @Get('prospects')
  @Permit('prospect.read', 'dealer-and-consultant')
  @ApiTags('prospects')
  @ApiOperation({ summary: 'List prospects, newest registration first' })
  listProspects(@Query() query: ListProspectsQueryDto): Promise<Page<ProspectDetails>> {
    const { limit = 50, offset = 0, ...filter } = query;
    return this.queries.execute(new ListProspectsQuery(filter, limit, offset));
  }

  @Get('prospects/worklist')
  @Permit('prospect.read', 'dealer-and-consultant')
  @ApiTags('prospects')
  @ApiOperation({
    summary: "Each consultant's follow-up worklist: open prospects due or overdue for contact",
    description:
      "Due = last contact + the grade's interval (H 2 days, A 5, B 7, C 30), or the planned next contact if sooner; listed when due by the end of asOf's business day (CST), `overdue` when due before asOf.",
  })
  worklist(@Query() query: WorklistQueryDto): Promise<FollowUpWorklist> {
    return this.queries.execute(new FollowUpWorklistQuery(query.dealerId, query.consultantId, query.asOf));
  }

  @Get('prospects/:prospectId')
  @RecordsFileAccess()
  @Permit('prospect.read', 'record')
  @ApiTags('prospects')
  @ApiOperation({ summary: 'One prospect file; the ETag is its revision, for If-Match on the next command' })
  @ApiHeader({ name: 'ETag', required: false, description: 'Returned: the stream revision' })
  @ApiNotFoundResponse({ description: 'PROSPECT_NOT_FOUND' })
  async getProspect(
    @Param('prospectId', new RecordIdPipe('prospectId')) prospectId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProspectDetails> {
    const prospect = await this.queries.execute(new GetProspectQuery(prospectId));
    void reply.header('etag', etag(prospect.revision));
    return prospect;
  }

  @Get('sales/funnel')
  @Permit('sales.kpi', 'dealer')
  @ApiOperation({
    summary: 'The sales funnel of a dealer and cohort month (month of registration, CST)',
    description:
      'reached per stage (a skipped stage counts as passed), conversion between stages, closing rate, test-drive rate, record rate, lost prospects by reason and stage, open pipeline by grade. Filters narrow the cohort; the record rate is null under a consultant or model filter, since walk-in groups are not attributed.',
  })
  funnel(@Query() query: FunnelQueryDto): Promise<SalesFunnel> {
    const { dealerId, month, ...filters } = query;
    return this.queries.execute(new SalesFunnelQuery(dealerId, month, filters));
  }

  @Get('sales/ssi/monthly')
  @Permit('sales.kpi', 'dealer')
  @ApiOperation({
    summary: 'SSI per dealer and month of survey',
    description:
      'Factor index = mean answer × 100; weighted index = Σ weight% × factor index, rounded, with the weight-set version used; NPS = % 9–10 minus % 0–6.',
  })
  ssi(@Query() query: DealerMonthQueryDto): Promise<SsiMonthly[]> {
    return this.queries.execute(new SsiMonthlyQuery(query));
  }

  @Post('showroom-traffic')
  @Permit('showroom.log')
  @ApiTags('showroom')
  @ApiOperation({ summary: 'Log walk-in groups for a dealer and business day (展厅来店登记)' })
  @COMMAND_HEADERS()
  @ApiCreatedResponse({ type: CommandResultDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiUnprocessableEntityResponse({ description: 'SHOWROOM_TRAFFIC_DATE_IN_FUTURE, IDEMPOTENCY_KEY_REUSED' })
  async logTraffic(
    @Body() body: LogWalkInGroupsDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult & { id: string }> {
    const { occurredAt, ...data } = body;
    return this.sender.send(
      `${data.dealerId}_${data.date}`,
      occurredAt,
      request,
      reply,
      (context) => new LogWalkInGroupsCommand(data, context),
    );
  }

  @Get('showroom-traffic')
  @Permit('sales.kpi', 'dealer')
  @ApiTags('showroom')
  @ApiOperation({ summary: 'Walk-in groups per dealer and month, with the days' })
  traffic(@Query() query: DealerMonthQueryDto): Promise<SalesShowroomTraffic[]> {
    return this.queries.execute(new ShowroomTrafficQuery(query));
  }
}
