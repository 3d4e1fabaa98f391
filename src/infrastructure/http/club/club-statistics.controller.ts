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
      "会员统计分析: a home dealer's members by tier, active rate and redemption rate for a month, as of its end",
    type: ClubStatisticsView,
  }),
}) {}
