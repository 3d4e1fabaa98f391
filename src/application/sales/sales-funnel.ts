import {
  FUNNEL_STAGES,
  type FunnelStage,
  LOST_REASONS,
  type LostReason,
  OPEN_GRADES,
  type OpenGrade,
  stageRank,
} from '../../domain/prospect/prospect.types';
import type { SalesFunnelEntry } from '../../projections/sales-funnel-entries/sales-funnel-entries.projection';
import { ratio4 } from '../../domain/shared/ratio';

export type FunnelFilters = Readonly<{ consultantId?: string; model?: string; channel?: string }>;

export type SalesFunnel = {
  dealerId: string;
  month: string;
  filters: FunnelFilters;
  registered: number;
  /** reached(k): prospects whose furthest stage is k or later (a skipped stage counts as passed). */
  reached: Record<FunnelStage, number>;
  /** reached(k+1) ÷ reached(k), null when reached(k) is 0. */
  conversion: Array<{ from: FunnelStage; to: FunnelStage; rate: number | null }>;
  ordered: number;
  delivered: number;
  /** Prospects who actually drove (a skipped test drive counts in `reached`, not here). */
  testDriven: number;
  closingRate: number | null;
  testDriveRate: number | null;
  /** Walk-in prospects registered ÷ walk-in groups logged; null when filtered by consultant or model, or by a channel other than walk-in (groups are not attributed). */
  recordRate: number | null;
  walkInProspects: number;
  walkInGroups: number;
  lost: { total: number; byReason: Record<LostReason, number>; byStage: Record<FunnelStage, number> };
  openPipeline: Record<OpenGrade, number> & { total: number };
  cancelledOrders: number;
  /** Repeat enquiries merged into the cohort's files. */
  touches: number;
};

/** Ratios to four decimals: exact enough for a KPI, and stable to compare. */
export const ratio = ratio4;

const counter = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

export const computeFunnel = (
  dealerId: string,
  month: string,
  filters: FunnelFilters,
  entries: readonly SalesFunnelEntry[],
  walkInGroups: number,
): SalesFunnel => {
  const reached = counter(FUNNEL_STAGES);
  const byReason = counter(LOST_REASONS);
  const byStage = counter(FUNNEL_STAGES);
  const pipeline = counter(OPEN_GRADES);
  let testDriven = 0;
  let walkIns = 0;
  let lost = 0;
  let cancelled = 0;
  let touches = 0;
  for (const entry of entries) {
    for (const stage of FUNNEL_STAGES)
      if (stageRank(entry.furthestStage) >= stageRank(stage)) reached[stage] += 1;
    if (entry.testDriven) testDriven += 1;
    if (entry.channel === 'walk-in') walkIns += 1;
    if (entry.orderCancelled) cancelled += 1;
    touches += entry.touches;
    if (entry.grade === 'F' && entry.lostReason && entry.lostStage) {
      lost += 1;
      byReason[entry.lostReason] += 1;
      byStage[entry.lostStage] += 1;
    }
    if (entry.grade === 'H' || entry.grade === 'A' || entry.grade === 'B' || entry.grade === 'C')
      pipeline[entry.grade] += 1;
  }
  const registered = reached.registered;
  const attributable =
    !filters.consultantId && !filters.model && (!filters.channel || filters.channel === 'walk-in');
  return {
    dealerId,
    month,
    filters,
    registered,
    reached,
    conversion: FUNNEL_STAGES.slice(1).map((to, index) => ({
      from: FUNNEL_STAGES[index],
      to,
      rate: ratio(reached[to], reached[FUNNEL_STAGES[index]]),
    })),
    ordered: reached.ordered,
    delivered: reached.delivered,
    testDriven,
    closingRate: ratio(reached.ordered, registered),
    testDriveRate: ratio(testDriven, registered),
    recordRate: attributable ? ratio(walkIns, walkInGroups) : null,
    walkInProspects: walkIns,
    walkInGroups,
    lost: { total: lost, byReason, byStage },
    openPipeline: { ...pipeline, total: OPEN_GRADES.reduce((sum, grade) => sum + pipeline[grade], 0) },
    cancelledOrders: cancelled,
    touches,
  };
};
