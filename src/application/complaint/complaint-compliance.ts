import type { ComplaintCategory, ComplaintLevel } from '../../domain/complaint/complaint.types';
import type { ComplaintDetails } from '../../projections/complaint-details/complaint-details.projection';

export type ComplaintCompliance = {
  dealerId: string;
  /** Cohort: month the complaints were filed (China Standard Time). */
  month: string;
  filed: number;
  acknowledged: number;
  acknowledgedOnTime: number;
  acknowledgedOnTimeRate: number | null;
  resolved: number;
  resolvedOnTime: number;
  resolvedOnTimeRate: number | null;
  closedWithinTwoWeeks: number;
  /** closedWithinTwoWeeks ÷ filed. */
  twoWeekClosureRate: number | null;
  breaches: number;
  breachesByLevel: Record<ComplaintLevel, number>;
  breachesByCategory: Record<ComplaintCategory, number>;
};

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/**
 * SLA compliance of the complaints filed in a month, per dealer: first acknowledgement and first
 * resolution on time, closed within 14 days of filing, and every missed deadline by the level it was
 * missed at and by category. Computed from the one-document-per-complaint read model, so any cohort and
 * filter stays exact.
 */
export const complianceOf = (complaints: readonly ComplaintDetails[]): ComplaintCompliance[] => {
  const rows = new Map<string, ComplaintCompliance>();
  for (const complaint of complaints) {
    const key = `${complaint.dealerId}|${complaint.filedMonth}`;
    const row = rows.get(key) ?? {
      dealerId: complaint.dealerId,
      month: complaint.filedMonth,
      filed: 0,
      acknowledged: 0,
      acknowledgedOnTime: 0,
      acknowledgedOnTimeRate: null,
      resolved: 0,
      resolvedOnTime: 0,
      resolvedOnTimeRate: null,
      closedWithinTwoWeeks: 0,
      twoWeekClosureRate: null,
      breaches: 0,
      breachesByLevel: { L1: 0, L2: 0, L3: 0 },
      breachesByCategory: { product: 0, service: 0, staff: 0 },
    };
    row.filed += 1;
    if (complaint.firstAcknowledgement) {
      row.acknowledged += 1;
      if (complaint.firstAcknowledgement.onTime) row.acknowledgedOnTime += 1;
    }
    if (complaint.firstResolution) {
      row.resolved += 1;
      if (complaint.firstResolution.onTime) row.resolvedOnTime += 1;
    }
    if (complaint.closedWithinTwoWeeks) row.closedWithinTwoWeeks += 1;
    for (const breach of complaint.breaches) {
      row.breaches += 1;
      row.breachesByLevel[breach.level] += 1;
      row.breachesByCategory[complaint.category] += 1;
    }
    rows.set(key, row);
  }
  return [...rows.values()]
    .map((row) => ({
      ...row,
      acknowledgedOnTimeRate: rate(row.acknowledgedOnTime, row.acknowledged),
      resolvedOnTimeRate: rate(row.resolvedOnTime, row.resolved),
      twoWeekClosureRate: rate(row.closedWithinTwoWeeks, row.filed),
    }))
    .sort((a, b) => a.dealerId.localeCompare(b.dealerId) || a.month.localeCompare(b.month));
};
