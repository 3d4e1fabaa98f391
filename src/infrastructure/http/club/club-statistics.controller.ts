import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ClubStatisticsQuery } from '../../../application/membership/club-statistics.query';
import { ask } from '../shared/query-routes';
import { routeTable } from '../shared/route-table';
import { ClubStatisticsParams } from './club.params';
import { ClubStatisticsView } from './club.responses';

@ApiTags('loyalty club')
@Controller('club/statistics')
export class ClubStatisticsController extends routeTable({
  statistics: ask('', ClubStatisticsParams, ClubStatisticsQuery, {
    permit: ['loyalty.kpi', 'dealer'],
    summary:
      "会员统计分析: a home dealer's members (or the network's) by tier, active rate and redemption rate for a month, as of its end",
    description:
      "Without `dealerId`, every home dealer together (OEM staff, analysts, auditors, admin): the counts are summed and the rates are of the totals, not a mean of the dealers' rates. A dealer's own roles always get their dealer.",
    type: ClubStatisticsView,
  }),
}) {}
