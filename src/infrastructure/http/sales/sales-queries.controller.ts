import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  FollowUpWorklistQuery,
  GetProspectQuery,
  ListProspectsQuery,
  SalesFunnelQuery,
} from '../../../application/sales/prospect.queries';
import { CustomerCharacteristicsQuery } from '../../../application/sales/customer-characteristics.query';
import { SsiMonthlyQuery } from '../../../application/sales/vehicle-sale.queries';
import type { ListRequest } from '../../../application/shared/list-page';
import type { ListParams } from '../shared/page.params';
import { ask, askList, askRecord, askWith } from '../shared/query-routes';
import { withCurrentNames } from '../shared/renamed-params';
import { routeTable } from '../shared/route-table';
import { CustomerCharacteristicsParams } from './customer-characteristics.params';
import { CustomerCharacteristicsView } from './customer-characteristics.responses';
import { DealerMonthParams, FunnelParams, ListProspectsParams, WorklistParams } from './sales.params';
import { FollowUpWorklistView, ProspectPage, ProspectView, SalesFunnelView } from './prospect.responses';
import { SsiMonthlyView } from './vehicle-sale.responses';

/**
 * The prospect list's query from its parameters (a subclass: the query bus finds the handler through the
 * prototype). `month` is the registration month; its read-model field is `cohortMonth`, the former name.
 */
class ProspectsQuery extends ListProspectsQuery {
  constructor(filter: Omit<ListProspectsParams, keyof ListParams>, page: ListRequest) {
    const { month, ...rest } = withCurrentNames(filter, { month: 'cohortMonth' });
    super({ ...rest, cohortMonth: month }, page);
  }
}

/** The sales floor's reads: prospects, the follow-up worklist, the funnel and SSI. */
@ApiTags('sales')
@Controller()
export class SalesQueriesController extends routeTable({
  listProspects: askList('prospects', ListProspectsParams, ProspectsQuery, {
    permit: ['prospect.read', 'dealer-and-consultant'],
    also: [ApiTags('prospects')],
    summary: 'List prospects, newest registration first',
    type: ProspectPage,
  }),
  worklist: askWith(
    'prospects/worklist',
    WorklistParams,
    ({ dealerId, consultantId, asOf, limit, offset }) =>
      new FollowUpWorklistQuery(dealerId, consultantId, asOf, { limit, offset }),
    {
      permit: ['prospect.read', 'dealer-and-consultant'],
      also: [ApiTags('prospects')],
      todayOrLater: true,
      summary: "Each consultant's follow-up worklist: open prospects due or overdue for contact",
      description:
        "Due = last contact + the grade's interval (H 2 days, A 5, B 7, C 30), or the planned next contact if sooner; listed when due by the end of asOf's business day (CST), `overdue` when due before asOf.",
      type: FollowUpWorklistView,
    },
  ),
  getProspect: askRecord('prospects/:prospectId', GetProspectQuery, {
    permit: ['prospect.read', 'record'],
    also: [ApiTags('prospects')],
    summary: 'One prospect file; the ETag is its revision, for If-Match on the next command',
    type: ProspectView,
    notFound: 'PROSPECT_NOT_FOUND',
    revision: (prospect) => prospect.revision,
  }),
  funnel: askWith(
    'sales/funnel',
    FunnelParams,
    ({ dealerId, month, ...filters }) => new SalesFunnelQuery(dealerId, month, filters),
    {
      permit: ['sales.kpi', 'dealer'],
      summary: 'The sales funnel of a dealer and cohort month (month of registration, CST)',
      description:
        'reached per stage (a skipped stage counts as passed), conversion between stages, closing rate, test-drive rate, record rate, lost prospects by reason and stage, open pipeline by grade. Filters narrow the cohort; the record rate is null under a consultant or model filter, since walk-in groups are not attributed.',
      type: SalesFunnelView,
    },
  ),
  ssi: ask('sales/ssi/monthly', DealerMonthParams, SsiMonthlyQuery, {
    permit: ['sales.kpi', 'dealer'],
    summary: 'SSI per dealer and month of survey',
    description:
      'Factor index = mean answer × 100; weighted index = Σ weight% × factor index, rounded, with the weight-set version used; NPS = % 9–10 minus % 0–6.',
    type: [SsiMonthlyView],
  }),
  characteristics: ask(
    'sales/customer-characteristics',
    CustomerCharacteristicsParams,
    CustomerCharacteristicsQuery,
    {
      permit: ['sales.characteristics', 'dealer'],
      summary:
        'Customer characteristics (客户特征分析): buyers and owners by model, channel, payment type and repeat purchase',
      description:
        'Counts of distinct customers only, each "<5" when fewer than 5: buyers (a vehicle delivered in the months) and owners (a repair order settled in the months) at the dealer, or the network without `dealerId`. Age band and region are not recorded yet.',
      type: CustomerCharacteristicsView,
    },
  ),
}) {}
