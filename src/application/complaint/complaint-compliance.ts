import type {
  ComplaintCategory,
  ComplaintClock,
  ComplaintLevel,
} from '../../domain/complaint/complaint.types';
import type { ComplaintDetails } from '../../projections/complaint-details/complaint-details.projection';

export type ComplaintCompliance = {
  dealerId: string;
  /** Cohort: month the complaints were filed (China Standard Time). */
  month: string;
  filed: number;
  acknowledged: number;
  acknowledgedOnTime: number;
  /** Acknowledged by asOf, or whose first acknowledgement deadline passed by asOf without one. */
  acknowledgementsDue: number;
  /** acknowledgedOnTime ÷ acknowledgementsDue. */
  acknowledgedOnTimeRate: number | null;
  resolved: number;
  resolvedOnTime: number;
  /** Resolved by asOf, or whose first resolution deadline passed by asOf without a resolution. */
  resolutionsDue: number;
  /** resolvedOnTime ÷ resolutionsDue. */
  resolvedOnTimeRate: number | null;
  closedWithinTwoWeeks: number;
  /** closedWithinTwoWeeks ÷ filed. */
  twoWeekClosureRate: number | null;
  breaches: number;
  breachesByLevel: Record<ComplaintLevel, number>;
  breachesByCategory: Record<ComplaintCategory, number>;
};

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

type Step = { clock: ComplaintClock; first: { at: string; onTime: boolean } | null };
type StepAsOf = 'on-time' | 'late' | 'missed' | 'not-due';

/**
 * Where a complaint's first acknowledgement (or resolution) stood at asOf. Without the step by then, the
 * deadline that counts is the earliest one known: a recorded miss, or the clock still running. A step made
 * after asOf on time had its deadline after asOf too, and a late one recorded its miss, so both are known.
 */
const stepAsOf = (complaint: ComplaintDetails, { clock, first }: Step, asOf: number): StepAsOf => {
  if (first && Date.parse(first.at) <= asOf) return first.onTime ? 'on-time' : 'late';
  const deadlines = [...complaint.breaches, ...complaint.clocks]
    .filter((entry) => entry.clock === clock)
    .map((entry) => Date.parse(entry.dueBy));
  return deadlines.some((dueBy) => dueBy < asOf) ? 'missed' : 'not-due';
};

/**
 * SLA compliance as of a time of the complaints filed in a month, per dealer: first acknowledgement and
 * first resolution on time over those that fell due (made, or deadline passed without them: a breach),
 * closed within 14 days of filing, and every missed deadline by the level it was missed at and by
 * category. Computed from the one-document-per-complaint read model, so any cohort and filter stays exact.
 */
export const complianceOf = (
  complaints: readonly ComplaintDetails[],
  asOf: string,
): ComplaintCompliance[] => {
  const at = Date.parse(asOf);
  const rows = new Map<string, ComplaintCompliance>();
  for (const complaint of complaints) {
    if (Date.parse(complaint.filedAt) > at) continue;
    const key = `${complaint.dealerId}|${complaint.filedMonth}`;
    const row = rows.get(key) ?? {
      dealerId: complaint.dealerId,
      month: complaint.filedMonth,
      filed: 0,
      acknowledged: 0,
      acknowledgedOnTime: 0,
      acknowledgementsDue: 0,
      acknowledgedOnTimeRate: null,
      resolved: 0,
      resolvedOnTime: 0,
      resolutionsDue: 0,
      resolvedOnTimeRate: null,
      closedWithinTwoWeeks: 0,
      twoWeekClosureRate: null,
      breaches: 0,
      breachesByLevel: { L1: 0, L2: 0, L3: 0 },
      breachesByCategory: { product: 0, service: 0, staff: 0 },
    };
    row.filed += 1;
    const acknowledgement = stepAsOf(
      complaint,
      { clock: 'acknowledge', first: complaint.firstAcknowledgement },
      at,
    );
    if (acknowledgement !== 'not-due') row.acknowledgementsDue += 1;
    if (acknowledgement === 'on-time' || acknowledgement === 'late') row.acknowledged += 1;
    if (acknowledgement === 'on-time') row.acknowledgedOnTime += 1;
    const resolution = stepAsOf(complaint, { clock: 'resolve', first: complaint.firstResolution }, at);
    if (resolution !== 'not-due') row.resolutionsDue += 1;
    if (resolution === 'on-time' || resolution === 'late') row.resolved += 1;
    if (resolution === 'on-time') row.resolvedOnTime += 1;
    // The first closing counts once it happened by asOf.
    const firstClosedAt = complaint.firstClosedAt ?? complaint.closedAt;
    if (complaint.closedWithinTwoWeeks && firstClosedAt !== null && Date.parse(firstClosedAt) <= at)
      row.closedWithinTwoWeeks += 1;
    // A miss counts from the moment its deadline passed, so a past asOf leaves out the later ones.
    for (const breach of complaint.breaches.filter((entry) => Date.parse(entry.dueBy) < at)) {
      row.breaches += 1;
      row.breachesByLevel[breach.level] += 1;
      row.breachesByCategory[complaint.category] += 1;
    }
    rows.set(key, row);
  }
  return [...rows.values()]
    .map((row) => ({
      ...row,
      acknowledgedOnTimeRate: rate(row.acknowledgedOnTime, row.acknowledgementsDue),
      resolvedOnTimeRate: rate(row.resolvedOnTime, row.resolutionsDue),
      twoWeekClosureRate: rate(row.closedWithinTwoWeeks, row.filed),
    }))
    .sort((a, b) => a.dealerId.localeCompare(b.dealerId) || a.month.localeCompare(b.month));
};
