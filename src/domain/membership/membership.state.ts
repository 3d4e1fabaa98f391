import { applyThroughout, type RecordedDecision, remember, withdraw } from '../shared/automatic-decisions';
import { addBusinessMonths, type LoyaltyRuleSet } from './loyalty-rules';
import type { MembershipEvent } from './membership.events';
import type {
  LotDraw,
  MembershipDecision,
  MembershipStatus,
  PointsLot,
  Tier,
  Voucher,
} from './membership.types';

interface Member {
  readonly status: MembershipStatus;
  readonly customerId: string;
  readonly cardNumber: string;
  /** The current card is blocked (a replacement issues a new one); replaced cards are blocked too. */
  readonly cardBlocked: boolean;
  readonly previousCardNumbers: readonly string[];
  readonly homeDealerId: string;
  readonly enrolledAt: string;
  readonly tier: Tier;
  readonly lifetimePoints: number;
  /** Lots with points left, in the order they were earned. */
  readonly lots: readonly PointsLot[];
  readonly vouchers: readonly Voucher[];
  /** `kind:id` of every source that has earned, so none earns twice. */
  readonly earnedSources: readonly string[];
  readonly redemptionIds: readonly string[];
  readonly adjustmentIds: readonly string[];
  readonly lastPaidVisitAt: string | null;
  /**
   * The lapse the running clock's starting fact restated (`lapseClock.starts`): what a fact ending the clock
   * names as `ends`, so it reaches the very warning that was opened. Null when that fact was written before
   * the events restated it (v1), or no clock runs.
   */
  readonly restatedLapseAt: string | null;
  /** Numbers the next lot: lot ids are decided here, never random. */
  readonly lotsIssued: number;
  /** When it lapsed or was cancelled. */
  readonly endedAt: string | null;
  /**
   * The birthday as stored (`MM-DD` sealed under the customer's key: the decider never opens it) and when it
   * was recorded; kept across a re-enrolment (it is the person's). Null until recorded.
   */
  readonly birthday: Readonly<{ sealed: string; recordedAt: string }> | null;
  /** The birthday reminders the clock noted, once per year; `ended` by a cancellation dated before `dueAt`. */
  readonly birthdayReminders: readonly Readonly<{ year: number; dueAt: string; ended: boolean }>[];
  /** Business time of the last human fact (enrolment included). */
  readonly lastFactAt: string;
  /** The clock's decisions since that fact, each with the state before it (shared/automatic-decisions). */
  readonly automatic: readonly RecordedDecision<Member, MembershipDecision>[];
}

export type MembershipState = Readonly<{ status: 'none' }> | Member;
export type EnrolledMembership = Member;

const ms = (iso: string): number => Date.parse(iso);

/** The facts the lapse clock reads: the membership's one lapse rule takes only these. */
export type LapseClock = Pick<EnrolledMembership, 'enrolledAt' | 'lastPaidVisitAt'>;

/** The lapse clock runs from the last paid visit, or from enrolment before the first. */
export const lapseDueAt = (state: LapseClock, rules: LoyaltyRuleSet): string =>
  addBusinessMonths(state.lastPaidVisitAt ?? state.enrolledAt, rules.lapseMonths);

/** True when the membership is active at `now`, counting a lapse that fell due but is not yet recorded. */
export const isActiveAt = (state: EnrolledMembership, now: string, rules: LoyaltyRuleSet): boolean =>
  state.status === 'active' && ms(now) < ms(lapseDueAt(state, rules));

/** Lots that can pay at `now`: a lot is spendable strictly before its expiry. */
export const spendableLots = (state: EnrolledMembership, now: string): PointsLot[] =>
  state.lots.filter((lot) => lot.remaining > 0 && ms(now) < ms(lot.expiresAt));

/** Spendable points at `now`: derived from the lots, zero once the membership has lapsed or ended. */
export const spendableAt = (state: EnrolledMembership, now: string, rules: LoyaltyRuleSet): number =>
  isActiveAt(state, now, rules) ? spendableLots(state, now).reduce((sum, lot) => sum + lot.remaining, 0) : 0;

/** Soonest-expiring first; lots expiring together pay in the order they were earned. */
export const drawSoonestExpiring = (lots: readonly PointsLot[], points: number): LotDraw[] => {
  const ordered = [...lots].sort((a, b) => ms(a.expiresAt) - ms(b.expiresAt));
  const draws: LotDraw[] = [];
  let left = points;
  for (const lot of ordered) {
    if (left === 0) break;
    const amount = Math.min(lot.remaining, left);
    draws.push({ lotId: lot.lotId, amount, expiresAt: lot.expiresAt });
    left -= amount;
  }
  return draws;
};

const takeDraws = (lots: readonly PointsLot[], draws: readonly LotDraw[]): PointsLot[] =>
  lots
    .map((lot) => {
      const taken = draws.filter((draw) => draw.lotId === lot.lotId).reduce((sum, d) => sum + d.amount, 0);
      return taken ? { ...lot, remaining: lot.remaining - taken } : lot;
    })
    .filter((lot) => lot.remaining > 0);

const withVoucher = (vouchers: readonly Voucher[], code: string, change: Partial<Voucher>): Voucher[] =>
  vouchers.map((voucher) => (voucher.voucherCode === code ? { ...voucher, ...change } : voucher));

/** The business time of a human fact. */
const factTime = (event: MembershipEvent): string | undefined => {
  switch (event.type) {
    case 'PointsEarned':
      return event.data.earnedAt;
    case 'MembershipTierChanged':
      return event.data.changedAt;
    case 'PointsRedeemed':
    case 'VoucherRedeemed':
      return event.data.redeemedAt;
    case 'VoucherIssued':
      return event.data.issuedAt;
    case 'PointsAdjusted':
      return event.data.adjustedAt;
    case 'MembershipCancelled':
      return event.data.cancelledAt;
    case 'MemberCardReplaced':
      return event.data.replacedAt;
    case 'MemberCardBlocked':
      return event.data.blockedAt;
    case 'MembershipReEnrolled':
      return event.data.reEnrolledAt;
    case 'MemberBirthdayRecorded':
      return event.data.recordedAt;
    default:
      return undefined;
  }
};

/**
 * True when the membership was active at `at` in its current period: enrolled (or re-enrolled) before it,
 * and neither lapsed (a lapse due but not yet recorded included) nor ended by then.
 */
export const wasActiveAt = (state: EnrolledMembership, at: string, rules: LoyaltyRuleSet): boolean => {
  if (ms(state.enrolledAt) >= ms(at)) return false;
  if (state.status === 'active') return ms(at) < ms(lapseDueAt(state, rules));
  return state.endedAt !== null && ms(at) < ms(state.endedAt);
};

/** A fact at `factAt` was in time for a decision that took effect at `decisionAt`, strictly after it. */
export const contradictsMembershipDecision = (decisionAt: string, factAt: string): boolean =>
  ms(factAt) < ms(decisionAt);

/** The decision an event of the club's clock records, if it is one. */
export const membershipDecisionOf = (event: MembershipEvent): MembershipDecision | null => {
  switch (event.type) {
    case 'PointsExpired':
      return {
        kind: 'points-expired',
        at: event.data.expiresAt,
        lotId: event.data.lotId,
        amount: event.data.amount,
      };
    case 'VoucherExpired':
      return { kind: 'voucher-expired', at: event.data.expiresAt, voucherCode: event.data.voucherCode };
    case 'MembershipLapsed':
      return { kind: 'lapsed', at: event.data.lapsedAt, forfeitedPoints: event.data.forfeitedPoints };
    default:
      return null;
  }
};

/**
 * Folds one event. Besides lots, vouchers and status it keeps what a late fact needs: the time of the
 * last human fact and the clock's decisions since, each with the state before it.
 */
export const evolveMembership = (state: MembershipState, event: MembershipEvent): MembershipState => {
  if (state.status === 'none' || event.type === 'MembershipEnrolled') return applyEvent(state, event);
  if (event.type === 'MembershipDecisionsWithdrawn') return withdraw(state, event.data.decisions);
  // The clock's birthday notes neither decide nor depend on a deadline: a withdrawal keeps them.
  if (event.type === 'MemberBirthdayReminderDue' || event.type === 'MemberBirthdayRemindersEnded')
    return applyThroughout(state, (member) => applyEvent(member, event) as Member) as Member;
  const applied = applyEvent(state, event) as Member;
  const decision = membershipDecisionOf(event);
  if (decision) return remember(state, decision, applied, contradictsMembershipDecision);
  return { ...applied, lastFactAt: factTime(event) ?? state.lastFactAt, automatic: [] };
};

const applyEvent = (state: MembershipState, event: MembershipEvent): MembershipState => {
  if (event.type === 'MembershipEnrolled') {
    const { data } = event;
    return {
      status: 'active',
      customerId: data.customerId,
      cardNumber: data.cardNumber,
      cardBlocked: false,
      previousCardNumbers: [],
      homeDealerId: data.homeDealerId,
      enrolledAt: data.enrolledAt,
      tier: data.tier,
      lifetimePoints: 0,
      lots: [],
      vouchers: [],
      earnedSources: [],
      redemptionIds: [],
      adjustmentIds: [],
      lastPaidVisitAt: null,
      restatedLapseAt: data.lapseClock?.starts ?? null,
      lotsIssued: 0,
      endedAt: null,
      lastFactAt: data.enrolledAt,
      birthday: null,
      birthdayReminders: [],
      automatic: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'PointsEarned': {
      const { data } = event;
      const paidVisit = data.source.kind === 'repair-order';
      const lot = {
        lotId: data.lotId,
        amount: data.amount,
        remaining: data.amount,
        earnedAt: data.earnedAt,
        expiresAt: data.expiresAt,
      };
      return {
        ...state,
        lifetimePoints: state.lifetimePoints + data.amount,
        lots: [...state.lots, lot],
        earnedSources: [...state.earnedSources, `${data.source.kind}:${data.source.id}`],
        lastPaidVisitAt: paidVisit ? data.earnedAt : state.lastPaidVisitAt,
        restatedLapseAt: paidVisit ? (data.lapseClock?.starts ?? null) : state.restatedLapseAt,
        lotsIssued: state.lotsIssued + 1,
      };
    }
    case 'MembershipTierChanged':
      return { ...state, tier: event.data.to };
    case 'PointsRedeemed':
      return {
        ...state,
        lots: takeDraws(state.lots, event.data.draws),
        redemptionIds: [...state.redemptionIds, event.data.redemptionId],
      };
    case 'VoucherIssued': {
      const { data } = event;
      const voucher: Voucher = {
        voucherCode: data.voucherCode,
        valueFen: data.valueFen,
        pointsCost: data.pointsCost,
        issuedAt: data.issuedAt,
        expiresAt: data.expiresAt,
        status: 'issued',
        repairOrderId: null,
      };
      return { ...state, vouchers: [...state.vouchers, voucher] };
    }
    case 'VoucherRedeemed':
      return {
        ...state,
        vouchers: withVoucher(state.vouchers, event.data.voucherCode, {
          status: 'redeemed',
          repairOrderId: event.data.repairOrderId,
        }),
      };
    case 'VoucherExpired':
      return {
        ...state,
        vouchers: withVoucher(state.vouchers, event.data.voucherCode, { status: 'expired' }),
      };
    case 'PointsExpired':
      return { ...state, lots: state.lots.filter((lot) => lot.lotId !== event.data.lotId) };
    case 'PointsAdjusted': {
      const { data } = event;
      const adjustmentIds = [...state.adjustmentIds, data.adjustmentId];
      if (data.delta < 0) return { ...state, adjustmentIds, lots: takeDraws(state.lots, data.draws) };
      const lot = {
        lotId: data.lotId ?? `adj-${data.adjustmentId}`,
        amount: data.delta,
        remaining: data.delta,
        earnedAt: data.adjustedAt,
        expiresAt: data.expiresAt ?? data.adjustedAt,
      };
      return { ...state, adjustmentIds, lots: [...state.lots, lot], lotsIssued: state.lotsIssued + 1 };
    }
    case 'MembershipLapsed':
      return { ...state, status: 'lapsed', lots: [], endedAt: event.data.lapsedAt, restatedLapseAt: null };
    case 'MembershipCancelled':
      return {
        ...state,
        status: 'cancelled',
        lots: [],
        endedAt: event.data.cancelledAt,
        restatedLapseAt: null,
      };
    case 'MemberCardReplaced':
      return {
        ...state,
        cardNumber: event.data.cardNumber,
        cardBlocked: false,
        previousCardNumbers: [...state.previousCardNumbers, event.data.previousCardNumber],
      };
    case 'MemberCardBlocked':
      return { ...state, cardBlocked: true };
    case 'MembershipReEnrolled': {
      // A new period: what identifies earlier sources, redemptions, adjustments, lots and vouchers is kept
      // (none of them may repeat, a voucher stays valid); tier, points and the lapse clock start again.
      const { data } = event;
      return {
        ...state,
        status: 'active',
        cardNumber: data.cardNumber,
        cardBlocked: false,
        previousCardNumbers: [...state.previousCardNumbers, data.previousCardNumber],
        enrolledAt: data.reEnrolledAt,
        tier: data.tier,
        lifetimePoints: 0,
        lots: [],
        lastPaidVisitAt: null,
        restatedLapseAt: data.lapseClock?.starts ?? null,
        endedAt: null,
      };
    }
    case 'MemberBirthdayRecorded':
      return { ...state, birthday: { sealed: event.data.birthday, recordedAt: event.data.recordedAt } };
    case 'MemberBirthdayReminderDue': {
      const { year, dueAt } = event.data;
      const reminders = state.birthdayReminders ?? [];
      return reminders.some((known) => known.year === year)
        ? state
        : { ...state, birthdayReminders: [...reminders, { year, dueAt, ended: false }] };
    }
    case 'MemberBirthdayRemindersEnded':
      return {
        ...state,
        birthdayReminders: (state.birthdayReminders ?? []).map((reminder) =>
          event.data.years.includes(reminder.year) ? { ...reminder, ended: true } : reminder,
        ),
      };
    case 'MembershipDecisionsWithdrawn':
      return state;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};
