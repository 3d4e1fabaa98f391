import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DdcMonthlyQuery } from '../../../application/ddc/ddc.queries';
import { askWith } from '../shared/query-routes';
import { routeTable } from '../shared/route-table';
import { DdcMonthlyParams } from './ddc.params';
import { DdcMonthlyView } from './ddc.responses';

/** The OEM's dealer data centre: every dealer side by side for a month. */
@ApiTags('ddc')
@Controller('ddc')
export class DdcQueriesController extends routeTable({
  monthly: askWith('monthly', DdcMonthlyParams, ({ month }) => new DdcMonthlyQuery(month), {
    permit: ['ddc.read'],
    summary:
      'Every dealer side by side for a CST month: each figure with the network median and the dealer rank (1 = best)',
    description:
      'Walk-ins, calls, leads, prospects, record rate, closing rate, SSI, CSI, callback success rate, complaint SLA compliance, churn, each read through the query that already answers it. Ranks: 1 = best, ties share the rank and the next skips; churn lower is better. A cell about fewer than 5 customers shows "<5"; ranks and medians use true values over the dealers that have one. OEM staff and admin only.',
    type: DdcMonthlyView,
  }),
}) {}
