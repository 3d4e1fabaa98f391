import { contradictedBy } from '../shared/automatic-decisions';
import type { Decider } from '../shared/event';
import {
  addBusinessMonths,
  currentRules,
  DEFAULT_LOYALTY_RULE_SETS,
  type LoyaltyRuleSet,
  type LoyaltyRuleSets,
  servicePoints,
  tierFor,
} from './loyalty-rules';
import type * as C from './membership.commands';
import { birthdayOf, birthdayReminderDueAt, parseBirthday } from './member-birthday';
import { dueEvents } from './membership-due';
import {
  adjustmentRecorded,
  alreadyEarned,
  alreadyEnrolled,
  beforeEnrolment,
  cardAlreadyBlocked,
  cardNumberUsed,
  factOutOfOrder,
  insufficientPoints,
  MembershipNotFound,
  membershipCancelled,
  membershipLapsed,
  membershipStillActive,
  redemptionRecorded,
  voucherAlreadyRedeemed,
  voucherCodeTaken,
  voucherExpired,
  voucherExpiryNotAfterIssue,
  VoucherNotFound,
  zeroAdjustment,
} from './membership.errors';
import type { LapseClockRestated, MembershipDecisionsWithdrawn, MembershipEvent } from './membership.events';
import {
  drawSoonestExpiring,
  contradictsMembershipDecision,
  type EnrolledMembership,
  evolveMembership,
  isActiveAt,
  lapseDueAt,
  type MembershipState,
  spendableAt,
  spendableLots,
  wasActiveAt,
} from './membership.state';
import { sourceKey, tierRank } from './membership.types';

export type { MembershipState } from './membership.state';

const ms = (iso: string): number => Date.parse(iso);

/** Enrolment and re-enrolment start a lapse clock from their own time; no clock runs before them. */
const startsClock = (now: string, rules: LoyaltyRuleSet): LapseClockRestated => ({
  ends: null,
  starts: lapseDueAt({ enrolledAt: now, lastPaidVisitAt: null }, rules),
});

/** Earning, spending and adjusting need a membership that is active now, a due lapse included. */
const requireActive = (state: EnrolledMembership, now: string, rules: LoyaltyRuleSet): void => {
  if (state.status === 'cancelled') throw membershipCancelled(state.customerId);
  if (!isActiveAt(state, now, rules))
    throw membershipLapsed(state.customerId, state.endedAt ?? lapseDueAt(state, rules));
};

const requireSpendable = (state: EnrolledMembership, now: string, rules: LoyaltyRuleSet, points: number) => {
  const spendable = spendableAt(state, now, rules);
  if (points > spendable) throw insufficientPoints(state.customerId, points, spendable);
  return drawSoonestExpiring(spendableLots(state, now), points);
};

/** Paid service earns by tier; a purchase the bonus; a club activity its own fixed points, whatever the tier. */
const earnedAmount = (
  data: C.EarnPoints['data'],
  state: EnrolledMembership,
  rules: LoyaltyRuleSet,
): number => {
  switch (data.source.kind) {
    case 'repair-order':
      return servicePoints(data.spendFen ?? 0, state.tier, rules);
    case 'vehicle-sale':
      return rules.purchaseBonus;
    case 'club-activity':
      return data.points ?? 0;
    default: {
      const unreachable: never = data.source.kind;
      return unreachable;
    }
  }
};

const earn = (command: C.EarnPoints, state: EnrolledMembership, rules: LoyaltyRuleSet): MembershipEvent[] => {
  const now = command.metadata.now;
  requireActive(state, now, rules);
  const { source, dealerId, spendFen } = command.data;
  // Once per source: a repair order, a sale, or one member's attendance of one club activity.
  if (state.earnedSources.includes(sourceKey(source)))
    throw alreadyEarned(state.customerId, sourceKey(source));
  const service = source.kind === 'repair-order';
  const amount = earnedAmount(command.data, state, rules);
  if (amount <= 0) return [];
  const home = { customerId: state.customerId, homeDealerId: state.homeDealerId };
  const lifetimePoints = state.lifetimePoints + amount;
  const reached = tierFor(lifetimePoints, rules);
  return [
    {
      type: 'PointsEarned',
      data: {
        ...home,
        lotId: `lot-${state.lotsIssued + 1}`,
        source,
        dealerId,
        // A paid visit restarts the lapse clock: it ends the running one and starts one from the visit.
        lapseClock: service
          ? { ends: state.restatedLapseAt, starts: lapseDueAt({ ...state, lastPaidVisitAt: now }, rules) }
          : null,
        spendFen: service ? (spendFen ?? 0) : null,
        tier: state.tier,
        ratePerRmb: service ? rules.earnRatePerRmb[state.tier] : null,
        amount,
        earnedAt: now,
        expiresAt: addBusinessMonths(now, rules.lotExpiryMonths),
        ruleSetVersion: rules.version,
      },
    },
    // Tiers only climb: lifetime points never fall. The new rate applies from the next visit.
    ...(tierRank(reached) > tierRank(state.tier)
      ? [
          {
            type: 'MembershipTierChanged' as const,
            data: {
              ...home,
              from: state.tier,
              to: reached,
              lifetimePoints,
              changedAt: now,
              ruleSetVersion: rules.version,
            },
          },
        ]
      : []),
  ];
};

/** The compensating event for the clock's decisions that a late fact at `factAt` was in time for, if any. */
const withdrawal = (state: EnrolledMembership, factAt: string): MembershipDecisionsWithdrawn[] => {
  const decisions = contradictedBy(state.automatic, factAt, contradictsMembershipDecision);
  if (decisions.length === 0) return [];
  const { customerId, homeDealerId } = state;
  return [
    {
      type: 'MembershipDecisionsWithdrawn',
      data: { customerId, homeDealerId, lateFactAt: factAt, decisions },
    },
  ];
};

/**
 * Everything but enrolment acts on a member, at or after enrolment. Business time decides, not arrival: a
 * human fact must not be dated before the last one (422), withdraws the expiries and the lapse that it was
 * in time for, and is decided on the membership as it stood at its time; the sweep records again what is
 * still due.
 */
const onMember = (
  command: Exclude<C.MembershipCommand, C.EnrollMember>,
  recorded: EnrolledMembership,
  rules: LoyaltyRuleSet,
): MembershipEvent[] => {
  const { customerId } = recorded;
  const now = command.metadata.now;
  if (ms(now) < ms(recorded.enrolledAt)) throw beforeEnrolment(customerId, recorded.enrolledAt, now);
  if (command.type === 'ApplyDueExpiries') return dueEvents(recorded, now, rules);
  if (command.type === 'NoteMemberBirthdayReminderDue') return birthdayReminderDue(command, recorded, rules);
  if (ms(now) < ms(recorded.lastFactAt)) throw factOutOfOrder(customerId, recorded.lastFactAt, now);
  const withdrawn = withdrawal(recorded, now);
  const state = withdrawn.reduce<MembershipState>(evolveMembership, recorded) as EnrolledMembership;
  return [...withdrawn, ...onHumanFact(command, state, rules)];
};

/**
 * The clock's note that a birthday reminder fell due, dated at its due time whenever the sweep comes. Quietly
 * nothing (never an error in the sweep) when it is not due: not yet, noted already for that year, the
 * birthday the watcher opened is not the one recorded now, recorded only after the due time, or the member
 * was not active then (not yet enrolled, lapsed, cancelled: business time).
 */
const birthdayReminderDue = (
  command: C.NoteMemberBirthdayReminderDue,
  state: EnrolledMembership,
  rules: LoyaltyRuleSet,
): MembershipEvent[] => {
  const { year, birthday } = command.data;
  const recorded = state.birthday;
  const monthDay = parseBirthday(birthday.monthDay);
  if (recorded === null || recorded.sealed !== birthday.sealed || monthDay === null) return [];
  if (state.birthdayReminders.some((reminder) => reminder.year === year)) return [];
  const dueAt = birthdayReminderDueAt(monthDay, year);
  if (ms(dueAt) > ms(command.metadata.now)) return [];
  if (ms(recorded.recordedAt) >= ms(dueAt) || !wasActiveAt(state, dueAt, rules)) return [];
  return [
    {
      type: 'MemberBirthdayReminderDue',
      data: { customerId: state.customerId, homeDealerId: state.homeDealerId, year, dueAt },
    },
  ];
};

/** A cancellation ends the birthday reminders noted already whose due time is after it. */
const endedBirthdayReminders = (state: EnrolledMembership, at: string): MembershipEvent[] => {
  const years = state.birthdayReminders
    .filter((reminder) => !reminder.ended && ms(reminder.dueAt) > ms(at))
    .map((reminder) => reminder.year);
  if (years.length === 0) return [];
  const { customerId, homeDealerId } = state;
  return [
    {
      type: 'MemberBirthdayRemindersEnded',
      data: { customerId, homeDealerId, years, endedAt: at },
    },
  ];
};

const onHumanFact = (
  command: Exclude<
    C.MembershipCommand,
    C.EnrollMember | C.ApplyDueExpiries | C.NoteMemberBirthdayReminderDue
  >,
  state: EnrolledMembership,
  rules: LoyaltyRuleSet,
): MembershipEvent[] => {
  const { customerId } = state;
  const now = command.metadata.now;
  const home = { customerId, homeDealerId: state.homeDealerId };
  switch (command.type) {
    case 'EarnPoints':
      return earn(command, state, rules);
    case 'RedeemPoints': {
      const { redemptionId, points, gift } = command.data;
      requireActive(state, now, rules);
      if (state.redemptionIds.includes(redemptionId)) throw redemptionRecorded(customerId, redemptionId);
      const draws = requireSpendable(state, now, rules, points);
      return [
        {
          type: 'PointsRedeemed',
          data: {
            ...home,
            redemptionId,
            purpose: 'gift',
            reward: gift,
            amount: points,
            draws,
            redeemedAt: now,
          },
        },
      ];
    }
    case 'BuyVoucher': {
      const { voucherCode, points, valueFen } = command.data;
      requireActive(state, now, rules);
      if (state.vouchers.some((v) => v.voucherCode === voucherCode))
        throw voucherCodeTaken(customerId, voucherCode);
      const redemptionId = `voucher-${voucherCode}`;
      if (state.redemptionIds.includes(redemptionId)) throw redemptionRecorded(customerId, redemptionId);
      const expiresAt = new Date(
        command.data.expiresAt ?? addBusinessMonths(now, rules.voucherValidityMonths),
      ).toISOString();
      if (ms(expiresAt) <= ms(now)) throw voucherExpiryNotAfterIssue(customerId, expiresAt, now);
      const draws = requireSpendable(state, now, rules, points);
      return [
        {
          type: 'PointsRedeemed',
          data: {
            ...home,
            redemptionId,
            purpose: 'voucher',
            reward: voucherCode,
            amount: points,
            draws,
            redeemedAt: now,
          },
        },
        {
          type: 'VoucherIssued',
          data: {
            ...home,
            voucherCode,
            redemptionId,
            pointsCost: points,
            valueFen,
            issuedAt: now,
            expiresAt,
          },
        },
      ];
    }
    case 'RedeemVoucher': {
      const { voucherCode, repairOrderId, dealerId } = command.data;
      const voucher = state.vouchers.find((v) => v.voucherCode === voucherCode);
      if (!voucher) throw new VoucherNotFound(customerId, voucherCode);
      if (voucher.status === 'redeemed')
        throw voucherAlreadyRedeemed(customerId, voucherCode, voucher.repairOrderId ?? '');
      // Paid for with points already: a voucher outlives a lapse or a cancellation, never its own expiry.
      if (voucher.status === 'expired' || ms(now) >= ms(voucher.expiresAt))
        throw voucherExpired(customerId, voucherCode, voucher.expiresAt);
      return [
        {
          type: 'VoucherRedeemed',
          data: {
            ...home,
            voucherCode,
            repairOrderId,
            dealerId,
            valueFen: voucher.valueFen,
            redeemedAt: now,
          },
        },
      ];
    }
    case 'AdjustPoints': {
      const { adjustmentId, delta, reason } = command.data;
      requireActive(state, now, rules);
      if (delta === 0) throw zeroAdjustment(customerId);
      if (state.adjustmentIds.includes(adjustmentId)) throw adjustmentRecorded(customerId, adjustmentId);
      const credit = delta > 0;
      return [
        {
          type: 'PointsAdjusted',
          data: {
            ...home,
            adjustmentId,
            delta,
            reason,
            actorId: command.metadata.actor.userId,
            adjustedAt: now,
            lotId: credit ? `lot-${state.lotsIssued + 1}` : null,
            expiresAt: credit ? addBusinessMonths(now, rules.lotExpiryMonths) : null,
            draws: credit ? [] : requireSpendable(state, now, rules, -delta),
          },
        },
      ];
    }
    case 'CancelMembership': {
      if (state.status === 'cancelled') throw membershipCancelled(customerId);
      const due = dueEvents(state, now, rules);
      const after = due.reduce<MembershipState>(evolveMembership, state) as EnrolledMembership;
      const forfeited = after.lots.map((lot) => ({
        lotId: lot.lotId,
        amount: lot.remaining,
        expiresAt: lot.expiresAt,
      }));
      return [
        ...due,
        {
          type: 'MembershipCancelled',
          data: {
            ...home,
            reason: command.data.reason,
            cancelledAt: now,
            // Leaving ends the running clock; a lapse (recorded first when due) has ended it already.
            lapseClock: after.status === 'active' ? { ends: after.restatedLapseAt, starts: null } : null,
            forfeited,
            forfeitedPoints: forfeited.reduce((sum, draw) => sum + draw.amount, 0),
          },
        },
        ...endedBirthdayReminders(after, now),
      ];
    }
    case 'ReEnrollMember': {
      const { cardNumber } = command.data;
      // What fell due by now is recorded first: a lapse due but not yet swept ends the period.
      const due = dueEvents(state, now, rules);
      const after = due.reduce<MembershipState>(evolveMembership, state) as EnrolledMembership;
      if (after.status === 'active') throw membershipStillActive(customerId, lapseDueAt(after, rules));
      if (cardNumber === after.cardNumber || after.previousCardNumbers.includes(cardNumber))
        throw cardNumberUsed(customerId, cardNumber);
      return [
        ...due,
        {
          type: 'MembershipReEnrolled',
          data: {
            ...home,
            cardNumber,
            previousCardNumber: after.cardNumber,
            tier: tierFor(0, rules),
            previousStatus: after.status,
            endedAt: after.endedAt ?? now,
            reEnrolledAt: now,
            ruleSetVersion: rules.version,
            lapseClock: startsClock(now, rules),
          },
        },
      ];
    }
    case 'ReplaceMemberCard': {
      const { cardNumber, reason } = command.data;
      if (cardNumber === state.cardNumber || state.previousCardNumbers.includes(cardNumber))
        throw cardNumberUsed(customerId, cardNumber);
      const previousCardNumber = state.cardNumber;
      return [
        {
          type: 'MemberCardReplaced',
          data: { ...home, previousCardNumber, cardNumber, reason, replacedAt: now },
        },
      ];
    }
    case 'BlockMemberCard': {
      if (state.cardBlocked) throw cardAlreadyBlocked(customerId, state.cardNumber);
      const { cardNumber } = state;
      return [
        {
          type: 'MemberCardBlocked',
          data: { ...home, cardNumber, reason: command.data.reason, blockedAt: now },
        },
      ];
    }
    case 'RecordMemberBirthday': {
      requireActive(state, now, rules);
      const birthday = birthdayOf(customerId, command.data.month, command.data.day);
      return [{ type: 'MemberBirthdayRecorded', data: { ...home, birthday, recordedAt: now } }];
    }
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
};

/** The club membership of one customer. Rule sets are a parameter: a new version never touches this code. */
export const createMembershipDecider = (
  ruleSets: LoyaltyRuleSets = DEFAULT_LOYALTY_RULE_SETS,
): Decider<MembershipState, C.MembershipCommand, MembershipEvent> => ({
  initialState: () => ({ status: 'none' }),
  evolve: evolveMembership,
  decide: (command, state) => {
    const rules = currentRules(ruleSets);
    if (command.type === 'EnrollMember') {
      if (state.status !== 'none') throw alreadyEnrolled(state.customerId, state.cardNumber);
      const { customerId, cardNumber, homeDealerId } = command.data;
      return [
        {
          type: 'MembershipEnrolled',
          data: {
            customerId,
            cardNumber,
            homeDealerId,
            tier: tierFor(0, rules),
            enrolledAt: command.metadata.now,
            ruleSetVersion: rules.version,
            lapseClock: startsClock(command.metadata.now, rules),
          },
        },
      ];
    }
    if (state.status === 'none') throw new MembershipNotFound(command.data.customerId);
    return onMember(command, state, rules);
  },
});

/** One membership per customer, so the earning reactor finds it from the customer id without a lookup. */
export const membershipStreamId = (customerId: string): string => `membership-${customerId}`;
