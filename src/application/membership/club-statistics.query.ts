import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type ClubStatistics, clubStatisticsOf } from '../../domain/membership/club-statistics';
import { currentRules } from '../../domain/membership/loyalty-rules';
import {
  type ClubMemberHistory,
  clubMemberHistoryProjection,
} from '../../projections/club-member-history/club-member-history.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import type { Kpi } from '../shared/kpi';
import { LIVE_LOYALTY_RULES } from './live-loyalty-rules';

const HISTORY = physicalCollection(clubMemberHistoryProjection);

export class ClubStatisticsQuery extends Query<ClubStatistics> {
  constructor(readonly params: Readonly<{ dealerId?: string; month: string }>) {
    super();
  }
}

/**
 * 会员统计分析, computed when asked from one small history document per member of the home dealer (read
 * in chunks), so any month's end can be asked and the answer depends only on business times. Without a
 * dealer, every member of the network (the OEM's roll-up; a dealer's own roles are pinned to theirs).
 */
@QueryHandler(ClubStatisticsQuery)
export class ClubStatisticsHandler implements IQueryHandler<ClubStatisticsQuery, ClubStatistics> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ params: { dealerId, month } }: ClubStatisticsQuery): Promise<ClubStatistics> {
    const members: ClubMemberHistory[] = [];
    const filter: Readonly<Record<string, string>> = dealerId === undefined ? {} : { homeDealerId: dealerId };
    for await (const member of this.readStore.stream<ClubMemberHistory>(HISTORY, filter))
      members.push(member);
    return clubStatisticsOf(members, dealerId ?? null, month, currentRules(LIVE_LOYALTY_RULES));
  }
}

export const CLUB_STATISTICS_KPIS: Readonly<Record<string, Kpi>> = {
  'club-statistics': {
    description:
      "a home dealer's club (--dealer; without it the network) for --month: members by tier, active rate, points issued and redeemed",
    required: ['month'],
    read: (store, _clock, p) =>
      new ClubStatisticsHandler(store).execute(
        new ClubStatisticsQuery({ dealerId: p.dealer, month: p.month! }),
      ),
    projections: [clubMemberHistoryProjection],
  },
};
