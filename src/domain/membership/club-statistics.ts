import { ratio4 } from '../shared/ratio';
import { BUSINESS_UTC_OFFSET_MINUTES } from '../shared/time';
import { addBusinessMonths, type LoyaltyRuleSet } from './loyalty-rules';
import { TIERS, type Tier } from './membership.types';

/** What the statistics need of one member: facts with their business time only (never "now"). */
export type ClubMemberFacts = Readonly<{
  /** The start of the current period: the enrolment, or the latest re-enrolment. */
  enrolledAt: string;
  /** The current period's cancellation. */
  cancelledAt: string | null;
  /** Periods that ended (lapsed or cancelled) before a re-enrolment, ascending. */
  earlierPeriods: readonly Readonly<{ startedAt: string; endedAt: string }>[];
  /** The tier from each instant on, ascending, the enrolment's first. */
  tiers: readonly Readonly<{ at: string; tier: Tier }>[];
  /** Paid visits (settled paid repair orders that earned), ascending. */
  paidVisits: readonly string[];
  /** `YYYY-MM` → points issued (earned) and redeemed in that month. */
  pointsByMonth: Readonly<Record<string, Readonly<{ issued: number; redeemed: number }>>>;
}>;

/** 会员统计分析 for one home dealer (or the whole network) and month, as of the month's end. */
export type ClubStatistics = {
  month: string;
  /** The home dealer whose members are counted; null: every dealer's (the network). */
  dealerId: string | null;
  /** The first instant after the month (CST): facts strictly before it count. */
  monthEndsAt: string;
  /** Active members by tier at the month's end. */
  membersByTier: Record<Tier, number>;
  /** Members neither lapsed nor cancelled at the month's end. */
  activeMembers: number;
  /** Active members with a paid visit in the 12 months ending with this month. */
  membersWithPaidVisit: number;
  /** membersWithPaidVisit ÷ activeMembers, 4 decimals; null when there are none. */
  activeRate: number | null;
  pointsIssued: number;
  pointsRedeemed: number;
  /** pointsRedeemed ÷ pointsIssued, 4 decimals; null when none were issued. */
  redemptionRate: number | null;
};

const OFFSET_MS = BUSINESS_UTC_OFFSET_MINUTES * 60_000;
const ms = (iso: string): number => Date.parse(iso);

/** The first instant of a `YYYY-MM` month `shift` months on, in China Standard Time. */
const monthStart = (month: string, shift = 0): string => {
  const [year, index] = month.split('-').map(Number);
  return new Date(Date.UTC(year, index - 1 + shift, 1) - OFFSET_MS).toISOString();
};

const before = (at: string, end: number) => ms(at) < end;

/**
 * A member's standing at `end` (exclusive): enrolled before it, not cancelled before it, and no lapse
 * due before it. The lapse clock runs from the last paid visit before `end` (from enrolment before the
 * first), as the membership's own rule does, so a lapse counts from its date whether or not the sweep
 * has recorded it, and a late visit that withdrew a lapse counts too. After a re-enrolment the current
 * period runs from it (visits before it do not count for its lapse); an earlier period from its start to
 * the lapse or cancellation that ended it.
 */
const activeAt = (member: ClubMemberFacts, end: number, rules: LoyaltyRuleSet): boolean => {
  // An earlier period is active at the instant before `end` when it started before and ended at or after it.
  if (!before(member.enrolledAt, end))
    return member.earlierPeriods.some((p) => before(p.startedAt, end) && !before(p.endedAt, end));
  if (member.cancelledAt !== null && before(member.cancelledAt, end)) return false;
  const visits = member.paidVisits.filter((at) => before(at, end) && !before(at, ms(member.enrolledAt)));
  const lapseDue = addBusinessMonths(visits.at(-1) ?? member.enrolledAt, rules.lapseMonths);
  return ms(lapseDue) >= end;
};

const tierAt = (member: ClubMemberFacts, end: number): Tier =>
  member.tiers.filter((t) => before(t.at, end)).at(-1)?.tier ?? 'silver';

/**
 * Members by tier, active rate (paid visit in the last 12 months ÷ active members) and redemption rate
 * (points redeemed ÷ points issued in the month) of the members given (one home dealer's, or every
 * dealer's for the network: the rates are then of the network's totals, not a mean of the dealers' rates)
 * for `month`, as of its end.
 */
export const clubStatisticsOf = (
  members: Iterable<ClubMemberFacts>,
  dealerId: string | null,
  month: string,
  rules: LoyaltyRuleSet,
): ClubStatistics => {
  const monthEndsAt = monthStart(month, 1);
  const end = ms(monthEndsAt);
  const windowStart = ms(monthStart(month, -11));
  const membersByTier = Object.fromEntries(TIERS.map((tier) => [tier, 0])) as Record<Tier, number>;
  let activeMembers = 0;
  let membersWithPaidVisit = 0;
  let pointsIssued = 0;
  let pointsRedeemed = 0;
  for (const member of members) {
    const points = member.pointsByMonth[month];
    pointsIssued += points?.issued ?? 0;
    pointsRedeemed += points?.redeemed ?? 0;
    if (!activeAt(member, end, rules)) continue;
    activeMembers += 1;
    membersByTier[tierAt(member, end)] += 1;
    if (member.paidVisits.some((at) => ms(at) >= windowStart && ms(at) < end)) membersWithPaidVisit += 1;
  }
  return {
    month,
    dealerId,
    monthEndsAt,
    membersByTier,
    activeMembers,
    membersWithPaidVisit,
    activeRate: ratio4(membersWithPaidVisit, activeMembers),
    pointsIssued,
    pointsRedeemed,
    redemptionRate: ratio4(pointsRedeemed, pointsIssued),
  };
};
