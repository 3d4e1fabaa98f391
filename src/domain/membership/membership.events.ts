import type { Event, EventUpcasters } from '../shared/event';
import type { PersonalDataDeclaration } from '../shared/personal-data';
import type { EarnSource, LotDraw, MembershipDecision, RedemptionPurpose, Tier } from './membership.types';

type Id = { customerId: string };
/** The home dealer carries the points liability of its members. */
type Home = { homeDealerId: string };

/**
 * The lapse clock a fact ends and the one it starts, as lapse instants (`lapseDueAt`), decided by the decider
 * so the care-tasks projection finds each lapse warning from the event alone (docs/care.md, "Lapse
 * warnings"). `ends` is the lapse the running clock's own starting fact restated (null when that fact was
 * written before v2, or no clock runs); `starts` the lapse of the clock the fact starts. Null on the event:
 * the fact moves no clock (points not from a paid visit), or it was written before v2 (upcast: not known).
 */
export type LapseClockRestated = Readonly<{ ends: string | null; starts: string | null }>;
type RestatesLapseClock = { lapseClock: LapseClockRestated | null };

export type MembershipEnrolled = Event<
  'MembershipEnrolled',
  Id &
    Home &
    RestatesLapseClock & { cardNumber: string; tier: Tier; enrolledAt: string; ruleSetVersion: string }
>;

/** A lot of points: spendable until `expiresAt`. */
export type PointsEarned = Event<
  'PointsEarned',
  Id &
    Home &
    RestatesLapseClock & {
      lotId: string;
      source: EarnSource;
      /** The dealer where the visit or the sale happened. */
      dealerId: string;
      /** Paid service spend in fen; null for a purchase bonus. */
      spendFen: number | null;
      /** The tier whose rate applied (the tier before this lot was counted). */
      tier: Tier;
      ratePerRmb: number | null;
      amount: number;
      earnedAt: string;
      expiresAt: string;
      ruleSetVersion: string;
    }
>;

export type MembershipTierChanged = Event<
  'MembershipTierChanged',
  Id & Home & { from: Tier; to: Tier; lifetimePoints: number; changedAt: string; ruleSetVersion: string }
>;

/** Paid by the soonest-expiring lots first; `draws` says which lots paid and how much. */
export type PointsRedeemed = Event<
  'PointsRedeemed',
  Id &
    Home & {
      redemptionId: string;
      purpose: RedemptionPurpose;
      /** The gift, or the voucher code. */
      reward: string;
      amount: number;
      draws: readonly LotDraw[];
      redeemedAt: string;
    }
>;

export type VoucherIssued = Event<
  'VoucherIssued',
  Id &
    Home & {
      voucherCode: string;
      redemptionId: string;
      pointsCost: number;
      valueFen: number;
      issuedAt: string;
      expiresAt: string;
    }
>;

export type VoucherRedeemed = Event<
  'VoucherRedeemed',
  Id &
    Home & {
      voucherCode: string;
      repairOrderId: string;
      dealerId: string;
      valueFen: number;
      redeemedAt: string;
    }
>;

/** Recorded by the clock-driven sweep; `expiresAt` is when it took effect. */
export type VoucherExpired = Event<
  'VoucherExpired',
  Id & Home & { voucherCode: string; valueFen: number; expiresAt: string }
>;

/** What was left of a lot at its expiry; `expiresAt` is when it took effect. */
export type PointsExpired = Event<
  'PointsExpired',
  Id & Home & { lotId: string; amount: number; expiresAt: string }
>;

/** By hand: a credit is a new lot, a debit draws soonest-expiring first like a redemption. */
export type PointsAdjusted = Event<
  'PointsAdjusted',
  Id &
    Home & {
      adjustmentId: string;
      delta: number;
      reason: string;
      actorId: string;
      adjustedAt: string;
      lotId: string | null;
      expiresAt: string | null;
      draws: readonly LotDraw[];
    }
>;

/** No paid visit for the lapse period: the remaining points are forfeited as of `lapsedAt`. */
export type MembershipLapsed = Event<
  'MembershipLapsed',
  Id &
    Home & {
      lastPaidVisitAt: string | null;
      lapsedAt: string;
      forfeited: readonly LotDraw[];
      forfeitedPoints: number;
    }
>;

export type MembershipCancelled = Event<
  'MembershipCancelled',
  Id &
    Home &
    RestatesLapseClock & {
      reason: string;
      cancelledAt: string;
      forfeited: readonly LotDraw[];
      forfeitedPoints: number;
    }
>;

/**
 * A lapsed or cancelled member joins again: a new period from `reEnrolledAt`, at the entry tier, with no
 * points and a new card (`previousCardNumber` is blocked from then). What the earlier period earned, spent
 * and forfeited stays in the stream; vouchers bought then stay valid to their own expiry.
 */
export type MembershipReEnrolled = Event<
  'MembershipReEnrolled',
  Id &
    Home &
    RestatesLapseClock & {
      cardNumber: string;
      previousCardNumber: string;
      tier: Tier;
      /** How the earlier period ended, and when. */
      previousStatus: 'lapsed' | 'cancelled';
      endedAt: string;
      reEnrolledAt: string;
      ruleSetVersion: string;
    }
>;

/** The member's card was replaced: `previousCardNumber` is blocked from `replacedAt`. */
export type MemberCardReplaced = Event<
  'MemberCardReplaced',
  Id & Home & { previousCardNumber: string; cardNumber: string; reason: string; replacedAt: string }
>;
export type MemberCardBlocked = Event<
  'MemberCardBlocked',
  Id & Home & { cardNumber: string; reason: string; blockedAt: string }
>;

/**
 * The member's birthday, `MM-DD` (never the year): personal data, sealed under the customer's key
 * (`MEMBERSHIP_PERSONAL_DATA`), so forgetting the customer erases it. A later one replaces it.
 */
export type MemberBirthdayRecorded = Event<
  'MemberBirthdayRecorded',
  Id & Home & { birthday: string; recordedAt: string }
>;

/**
 * The clock's note that the birthday reminder of `year` fell due (docs/care.md, "Birthday reminders"):
 * `dueAt` is 09:00 CST seven days before that year's birthday, and the event's business time, whenever the
 * sweep came by. The home dealer's desk calls. Once per member and year.
 */
export type MemberBirthdayReminderDue = Event<
  'MemberBirthdayReminderDue',
  Id & Home & { year: number; dueAt: string }
>;

/**
 * A cancellation dated before the due time of birthday reminders already noted: those reminders end
 * (`years`), as of `endedAt` (the cancellation's business time), so the care task is not due.
 */
export type MemberBirthdayRemindersEnded = Event<
  'MemberBirthdayRemindersEnded',
  Id & Home & { years: number[]; endedAt: string }
>;

/**
 * A fact dated `lateFactAt` arrived after the clock had decided by itself later than that time: the
 * decisions it was in time for (the last ones recorded, in order) no longer hold, the membership is back in
 * the state before them, and the sweep records again whatever is still due.
 */
export type MembershipDecisionsWithdrawn = Event<
  'MembershipDecisionsWithdrawn',
  Id & Home & { lateFactAt: string; decisions: MembershipDecision[] }
>;

export type MembershipEvent =
  | MembershipEnrolled
  | PointsEarned
  | MembershipTierChanged
  | PointsRedeemed
  | VoucherIssued
  | VoucherRedeemed
  | VoucherExpired
  | PointsExpired
  | PointsAdjusted
  | MembershipLapsed
  | MembershipCancelled
  | MembershipReEnrolled
  | MembershipDecisionsWithdrawn
  | MemberCardReplaced
  | MemberCardBlocked
  | MemberBirthdayRecorded
  | MemberBirthdayReminderDue
  | MemberBirthdayRemindersEnded;

/** Stable type names and their current schema versions; never derived from class names. */
export const MEMBERSHIP_EVENT_TYPES = {
  MembershipEnrolled: 2,
  PointsEarned: 2,
  MembershipTierChanged: 1,
  PointsRedeemed: 1,
  VoucherIssued: 1,
  VoucherRedeemed: 1,
  VoucherExpired: 1,
  PointsExpired: 1,
  PointsAdjusted: 1,
  MembershipLapsed: 1,
  MembershipCancelled: 2,
  MembershipReEnrolled: 2,
  MembershipDecisionsWithdrawn: 1,
  MemberCardReplaced: 1,
  MemberCardBlocked: 1,
  MemberBirthdayRecorded: 1,
  MemberBirthdayReminderDue: 1,
  MemberBirthdayRemindersEnded: 1,
} as const satisfies Record<MembershipEvent['type'], number>;

/** v1 → v2: the lapse clock was not restated then; `null` says so (docs/care.md, "Lapse warnings"). */
const lapseClockNotRestated = (data: Readonly<Record<string, unknown>>) => ({ ...data, lapseClock: null });
export const MEMBERSHIP_UPCASTERS: EventUpcasters<MembershipEvent['type']> = {
  MembershipEnrolled: { 1: lapseClockNotRestated },
  PointsEarned: { 1: lapseClockNotRestated },
  MembershipCancelled: { 1: lapseClockNotRestated },
  MembershipReEnrolled: { 1: lapseClockNotRestated },
};

/** Personal data of the membership's events, sealed with the customer's key when stored (docs/privacy.md). */
export const MEMBERSHIP_PERSONAL_DATA = {
  MemberBirthdayRecorded: { subject: 'customerId', fields: { birthday: 'birthday' }, since: 1 },
} as const satisfies Partial<Record<MembershipEvent['type'], PersonalDataDeclaration>>;
