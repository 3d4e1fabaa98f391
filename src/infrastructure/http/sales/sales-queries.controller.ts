import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import {
  FollowUpWorklistQuery,
  GetProspectQuery,
  ListProspectsQuery,
  SalesFunnelQuery,
} from '../../../application/sales/prospect.queries';
import { SsiMonthlyQuery } from '../../../application/sales/vehicle-sale.queries';
import { RecordsFileAccess } from '../shared/file-access.decorator';
import { Permit } from '../shared/permission.decorator';
import { QueryRoute } from '../shared/query-route';
import { RecordIdPipe } from '../shared/record-id.pipe';
import { DealerMonthParams, FunnelParams, ListProspectsParams, WorklistParams } from './sales.params';
import { FollowUpWorklistView, ProspectPage, ProspectView, SalesFunnelView } from './prospect.responses';
import { SsiMonthlyView } from './vehicle-sale.responses';

/** The sales floor's reads: prospects, the follow-up worklist, the funnel and SSI. */
@ApiTags('sales')
@Controller()
export class SalesQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('prospects')
  @Permit('prospect.read', 'dealer-and-consultant')
  @ApiTags('prospects')
  @QueryRoute({ summary: 'List prospects, newest registration first', type: ProspectPage })
  listProspects(@Query() { limit = 50, offset = 0, ...filter }: ListProspectsParams) {
    return this.queries.execute(new ListProspectsQuery(filter, limit, offset));
  }

  @Get('prospects/worklist')
  @Permit('prospect.read', 'dealer-and-consultant')
  @ApiTags('prospects')
  @QueryRoute({
    summary: "Each consultant's follow-up worklist: open prospects due or overdue for contact",
    description:
      "Due = last contact + the grade's interval (H 2 days, A 5, B 7, C 30), or the planned next contact if sooner; listed when due by the end of asOf's business day (CST), `overdue` when due before asOf.",
    type: FollowUpWorklistView,
  })
  worklist(@Query() { dealerId, consultantId, asOf }: WorklistParams) {
    return this.queries.execute(new FollowUpWorklistQuery(dealerId, consultantId, asOf));
  }

  @Get('prospects/:prospectId')
  @RecordsFileAccess()
  @Permit('prospect.read', 'record')
  @ApiTags('prospects')
  @QueryRoute({
    summary: 'One prospect file; the ETag is its revision, for If-Match on the next command',
    type: ProspectView,
    notFound: 'PROSPECT_NOT_FOUND',
    revision: (prospect) => prospect.revision,
  })
  getProspect(@Param('prospectId', new RecordIdPipe('prospectId')) prospectId: string) {
    return this.queries.execute(new GetProspectQuery(prospectId));
  }

  @Get('sales/funnel')
  @Permit('sales.kpi', 'dealer')
  @QueryRoute({
    summary: 'The sales funnel of a dealer and cohort month (month of registration, CST)',
    description:
      'reached per stage (a skipped stage counts as passed), conversion between stages, closing rate, test-drive rate, record rate, lost prospects by reason and stage, open pipeline by grade. Filters narrow the cohort; the record rate is null under a consultant or model filter, since walk-in groups are not attributed.',
    type: SalesFunnelView,
  })
  funnel(@Query() { dealerId, month, ...filters }: FunnelParams) {
    return this.queries.execute(new SalesFunnelQuery(dealerId, month, filters));
  }

  @Get('sales/ssi/monthly')
  @Permit('sales.kpi', 'dealer')
  @QueryRoute({
    summary: 'SSI per dealer and month of survey',
    description:
      'Factor index = mean answer × 100; weighted index = Σ weight% × factor index, rounded, with the weight-set version used; NPS = % 9–10 minus % 0–6.',
    type: [SsiMonthlyView],
  })
  ssi(@Query() query: DealerMonthParams) {
    return this.queries.execute(new SsiMonthlyQuery(query));
  }
}
