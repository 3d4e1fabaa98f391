import { DomainError } from '../shared/domain-error';
import { earningCommandFor, isEarningSource } from './loyalty-earning';
import type { LoyaltyRuleSet, LoyaltyRuleSets } from './loyalty-rules';
import type { MembershipCommand } from './membership.commands';
import { createMembershipDecider } from './membership.decider';
import type { MembershipEvent } from './membership.events';
import { evolveMembership, type MembershipState } from './membership.state';

/** A recorded event as the simulation reads it, in global order. */
export type HistoryEvent = Readonly<{
  type: string;
  data: Readonly<Record<string, unknown>>;
  occurredAt: string;
}>;
export type SimulationPeriod = Readonly<{ from: string; to: string }>;

/** Points by effective date within the period, and the liability at its end. */
export type LoyaltyFigures = {
  pointsIssued: number;
  pointsRedeemed: number;
  pointsExpired: number;
  /** Lost to a lapse or a cancellation. */
  pointsForfeited: number;
  pointsAdjusted: number;
  /** Spendable points of active members at the end of the period. */
  liability: number;
  liabilityByDealer: Record<string, number>;
  /** Recorded redemptions the simulated balance could not pay (always 0 for the live figures). */
  redemptionsRefused: number;
};

const SIMULATOR = { userId: 'system:loyalty-simulation', role: 'system', dealerId: null };
type Intent = Readonly<{
  type: Exclude<MembershipCommand['type'], 'ApplyDueExpiries'>;
  data: MembershipCommand['data'];
}>;

/** The command behind a recorded event: member intents as recorded, earnings re-derived from their source. */
const intentOf = (event: HistoryEvent): Intent | null => {
  const data = event.data as Record<string, never>;
  switch (event.type) {
    case 'RepairOrderSettled':
    case 'VehicleDelivered':
    case 'ClubActivityAttended': {
      const earn = isEarningSource(event) ? earningCommandFor(event) : null;
      return earn && { type: 'EarnPoints', data: earn };
    }
    case 'MembershipEnrolled':
      return {
        type: 'EnrollMember',
        data: { customerId: data.customerId, cardNumber: data.cardNumber, homeDealerId: data.homeDealerId },
      };
    case 'PointsRedeemed': // a voucher's redemption is replayed from its VoucherIssued
      return (data.purpose as string) !== 'gift'
        ? null
        : {
            type: 'RedeemPoints',
            data: {
              customerId: data.customerId,
              redemptionId: data.redemptionId,
              points: data.amount,
              gift: data.reward,
            },
          };
    case 'VoucherIssued':
      return {
        type: 'BuyVoucher',
        data: {
          customerId: data.customerId,
          voucherCode: data.voucherCode,
          points: data.pointsCost,
          valueFen: data.valueFen,
          expiresAt: data.expiresAt,
        },
      };
    case 'VoucherRedeemed':
      return {
        type: 'RedeemVoucher',
        data: {
          customerId: data.customerId,
          voucherCode: data.voucherCode,
          repairOrderId: data.repairOrderId,
          dealerId: data.dealerId,
        },
      };
    case 'PointsAdjusted':
      return {
        type: 'AdjustPoints',
        data: {
          customerId: data.customerId,
          adjustmentId: data.adjustmentId,
          delta: data.delta,
          reason: data.reason,
        },
      };
    case 'MembershipCancelled':
      return { type: 'CancelMembership', data: { customerId: data.customerId, reason: data.reason } };
    case 'MembershipReEnrolled':
      return { type: 'ReEnrollMember', data: { customerId: data.customerId, cardNumber: data.cardNumber } };
    default:
      return null;
  }
};

/**
 * The history of one dealer's members (those whose home dealer it is: a club record belongs to the
 * member's home dealer), their earnings at any dealer included, for that dealer's own figures.
 */
export const historyOfMembersOf = (
  history: readonly HistoryEvent[],
  homeDealerId: string,
): HistoryEvent[] => {
  const members = new Set(
    history
      .filter((event) => event.type === 'MembershipEnrolled' && event.data.homeDealerId === homeDealerId)
      .map((event) => event.data.customerId),
  );
  return history.filter((event) => members.has(event.data.customerId));
};

const ms = (iso: string): number => Date.parse(iso);
const inPeriod = (at: string, period: SimulationPeriod) =>
  ms(at) >= ms(period.from) && ms(at) < ms(period.to);

/** Counts by the date each fact took effect, so a late sweep changes nothing. */
const figuresOf = (
  events: readonly MembershipEvent[],
  states: ReadonlyMap<string, MembershipState>,
  period: SimulationPeriod,
  redemptionsRefused: number,
): LoyaltyFigures => {
  const figures: LoyaltyFigures = {
    pointsIssued: 0,
    pointsRedeemed: 0,
    pointsExpired: 0,
    pointsForfeited: 0,
    pointsAdjusted: 0,
    liability: 0,
    liabilityByDealer: {},
    redemptionsRefused,
  };
  for (const { type, data } of events) {
    if (type === 'PointsEarned' && inPeriod(data.earnedAt, period)) figures.pointsIssued += data.amount;
    if (type === 'PointsRedeemed' && inPeriod(data.redeemedAt, period)) figures.pointsRedeemed += data.amount;
    if (type === 'PointsExpired' && inPeriod(data.expiresAt, period)) figures.pointsExpired += data.amount;
    if (type === 'MembershipLapsed' && inPeriod(data.lapsedAt, period))
      figures.pointsForfeited += data.forfeitedPoints;
    if (type === 'MembershipCancelled' && inPeriod(data.cancelledAt, period))
      figures.pointsForfeited += data.forfeitedPoints;
    if (type === 'PointsAdjusted' && inPeriod(data.adjustedAt, period)) figures.pointsAdjusted += data.delta;
  }
  for (const state of states.values()) {
    if (state.status !== 'active') continue;
    const points = state.lots.reduce((sum, lot) => sum + lot.remaining, 0);
    figures.liability += points;
    figures.liabilityByDealer[state.homeDealerId] =
      (figures.liabilityByDealer[state.homeDealerId] ?? 0) + points;
  }
  return figures;
};

/** Records what fell due by the end of the period for every member, as the sweep would. */
const settleAt = (
  states: Map<string, MembershipState>,
  rules: LoyaltyRuleSets,
  at: string,
): MembershipEvent[] => {
  const decider = createMembershipDecider(rules);
  const settled: MembershipEvent[] = [];
  for (const [customerId, state] of states) {
    const due = decider.decide(
      { type: 'ApplyDueExpiries', data: { customerId }, metadata: { now: at, actor: SIMULATOR } },
      state,
    );
    states.set(customerId, due.reduce(evolveMembership, state));
    settled.push(...due);
  }
  return settled;
};

const MEMBERSHIP_TYPES = new Set<string>([
  'MembershipEnrolled',
  'PointsEarned',
  'MembershipTierChanged',
  'PointsRedeemed',
  'VoucherIssued',
  'VoucherRedeemed',
  'VoucherExpired',
  'PointsExpired',
  'PointsAdjusted',
  'MembershipLapsed',
  'MembershipCancelled',
  'MembershipReEnrolled',
]);

/** What the live rules gave: the recorded membership events before the end of the period, plus what was due by then. */
export const liveFigures = (
  history: readonly HistoryEvent[],
  live: LoyaltyRuleSets,
  period: SimulationPeriod,
): LoyaltyFigures => {
  const states = new Map<string, MembershipState>();
  const recorded: MembershipEvent[] = [];
  for (const event of history) {
    if (!MEMBERSHIP_TYPES.has(event.type) || ms(event.occurredAt) >= ms(period.to)) continue;
    const member = event as unknown as MembershipEvent;
    const id = member.data.customerId;
    states.set(id, evolveMembership(states.get(id) ?? { status: 'none' }, member));
    recorded.push(member);
  }
  return figuresOf([...recorded, ...settleAt(states, live, period.to)], states, period, 0);
};

/**
 * Replays the recorded history up to the end of the period in memory: every member's own actions as
 * recorded, every earning re-derived from its repair order or delivery, deciding with the live rules
 * before the period and the proposed ones from its start. Nothing is written anywhere.
 */
export const simulateRules = (
  history: readonly HistoryEvent[],
  live: LoyaltyRuleSets,
  proposed: LoyaltyRuleSet,
  period: SimulationPeriod,
): LoyaltyFigures => {
  const withProposed: LoyaltyRuleSets = {
    current: proposed.version,
    byVersion: { ...live.byVersion, [proposed.version]: proposed },
  };
  const deciders = { before: createMembershipDecider(live), from: createMembershipDecider(withProposed) };
  const states = new Map<string, MembershipState>();
  const decided: MembershipEvent[] = [];
  let redemptionsRefused = 0;
  for (const event of history) {
    if (ms(event.occurredAt) >= ms(period.to)) continue;
    const intent = intentOf(event);
    if (!intent) continue;
    const id = intent.data.customerId;
    const state = states.get(id) ?? { status: 'none' };
    const decider = ms(event.occurredAt) < ms(period.from) ? deciders.before : deciders.from;
    const now = new Date(event.occurredAt).toISOString();
    try {
      const events = decider.decide(
        { ...intent, metadata: { now, actor: SIMULATOR } } as MembershipCommand,
        state,
      );
      states.set(id, events.reduce(evolveMembership, state));
      decided.push(...events);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      // An earning the membership cannot take is simply not earned, as live; a spend it cannot pay is counted.
      // A re-enrolment that the proposed rules refuse (the member had not lapsed under them) is no spend.
      const spend = !['EarnPoints', 'EnrollMember', 'ReEnrollMember'].includes(intent.type);
      if (spend) redemptionsRefused += 1;
    }
  }
  const end = ms(period.to) <= ms(period.from) ? live : withProposed;
  return figuresOf([...decided, ...settleAt(states, end, period.to)], states, period, redemptionsRefused);
};
