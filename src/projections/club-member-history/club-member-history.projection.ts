import type { MembershipEvent } from '../../domain/membership/membership.events';
import type { ClubMemberFacts } from '../../domain/membership/club-statistics';
import type { Tier } from '../../domain/membership/membership.types';
import { businessMonthOf } from '../../domain/shared/time';
import type { Envelope, ProjectionDefinition } from '../shared/projection';

export type MonthPoints = { issued: number; redeemed: number };

/**
 * One member's history as the club statistics read it for any month's end: when they joined and left,
 * their tier changes and paid visits (in business-time order), and points issued and redeemed per
 * calendar month (CST). Only facts with their own business time, never "now", so the figures for a month
 * are the same live and after a rebuild, whatever order the history arrived in.
 */
export type ClubMemberHistory = ClubMemberFacts & {
  customerId: string;
  homeDealerId: string;
  enrolledAt: string;
  cancelledAt: string | null;
  /** The tier from each instant on, the enrolment's first. */
  tiers: { at: string; tier: Tier }[];
  /** Every paid visit (a settled paid repair order that earned), ascending. */
  paidVisits: string[];
  /** `YYYY-MM` → points earned (issued) and redeemed in that month. */
  pointsByMonth: Record<string, MonthPoints>;
};

type Handled = Extract<
  MembershipEvent,
  {
    type:
      | 'MembershipEnrolled'
      | 'MembershipReEnrolled'
      | 'PointsEarned'
      | 'MembershipTierChanged'
      | 'PointsRedeemed'
      | 'MembershipCancelled';
  }
>;

const ms = (iso: string): number => Date.parse(iso);
const inOrder = (dates: readonly string[], at: string): string[] =>
  [...dates.filter((d) => d !== at), at].sort((a, b) => ms(a) - ms(b));

const addPoints = (doc: ClubMemberHistory, at: string, change: Partial<MonthPoints>): ClubMemberHistory => {
  const month = businessMonthOf(at);
  const was = doc.pointsByMonth[month] ?? { issued: 0, redeemed: 0 };
  const now = { issued: was.issued + (change.issued ?? 0), redeemed: was.redeemed + (change.redeemed ?? 0) };
  return { ...doc, pointsByMonth: { ...doc.pointsByMonth, [month]: now } };
};

const applyEvent = (doc: ClubMemberHistory, event: Envelope<Handled>): ClubMemberHistory => {
  switch (event.type) {
    case 'MembershipEnrolled':
      return doc;
    case 'MembershipReEnrolled': {
      const { reEnrolledAt, endedAt, tier } = event.data;
      const ended = { startedAt: doc.enrolledAt, endedAt };
      // Replayed twice, the same period is not added again.
      if (doc.enrolledAt === reEnrolledAt) return doc;
      return {
        ...doc,
        enrolledAt: reEnrolledAt,
        cancelledAt: null,
        earlierPeriods: [...doc.earlierPeriods, ended],
        tiers: [...doc.tiers, { at: reEnrolledAt, tier }].sort((a, b) => ms(a.at) - ms(b.at)),
      };
    }
    case 'PointsEarned': {
      const { amount, earnedAt, source } = event.data;
      const visited =
        source.kind === 'repair-order' ? { ...doc, paidVisits: inOrder(doc.paidVisits, earnedAt) } : doc;
      return addPoints(visited, earnedAt, { issued: amount });
    }
    case 'MembershipTierChanged': {
      const { changedAt, to } = event.data;
      const tiers = [...doc.tiers, { at: changedAt, tier: to }].sort((a, b) => ms(a.at) - ms(b.at));
      return { ...doc, tiers };
    }
    case 'PointsRedeemed':
      return addPoints(doc, event.data.redeemedAt, { redeemed: event.data.amount });
    case 'MembershipCancelled':
      return { ...doc, cancelledAt: event.data.cancelledAt };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};

export const clubMemberHistoryProjection: ProjectionDefinition<Handled, ClubMemberHistory> = {
  name: 'club-member-history',
  // 2: re-enrolment: the current period's start and the earlier periods.
  version: 2,
  collection: 'club_member_history',
  indexes: [['homeDealerId']],
  handles: [
    'MembershipEnrolled',
    'MembershipReEnrolled',
    'PointsEarned',
    'MembershipTierChanged',
    'PointsRedeemed',
    'MembershipCancelled',
  ],
  documentIds: (event) => [event.data.customerId],
  apply: (doc, event) => {
    if (event.type === 'MembershipEnrolled') {
      const { customerId, homeDealerId, enrolledAt, tier } = event.data;
      return {
        customerId,
        homeDealerId,
        enrolledAt,
        cancelledAt: null,
        earlierPeriods: [],
        tiers: [{ at: enrolledAt, tier }],
        paidVisits: [],
        pointsByMonth: {},
      };
    }
    if (!doc) throw new Error(`membership ${event.data.customerId}: ${event.type} before enrolment`);
    return applyEvent(doc, event);
  },
};
