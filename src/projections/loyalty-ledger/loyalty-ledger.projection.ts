import type { MembershipEvent } from '../../domain/membership/membership.events';
import { membershipDecisionOf } from '../../domain/membership/membership.state';
import type { EarnSource, LotDraw, MembershipDecision } from '../../domain/membership/membership.types';
import type { Envelope, ProjectionDefinition } from '../shared/projection';

export type LedgerEntryKind = 'earned' | 'redeemed' | 'expired' | 'adjusted' | 'forfeited';

/**
 * One line of a member's points ledger. A redemption, a debit or a forfeit lists the lots that paid
 * (`draws`); an earning or a credit names the lot it created. `at` is when it took effect.
 */
export type LoyaltyLedgerEntry = {
  entryId: string;
  customerId: string;
  homeDealerId: string;
  kind: LedgerEntryKind;
  /** Change of the member's points: + earned or credited, − spent, expired or forfeited. */
  points: number;
  at: string;
  lotId: string | null;
  draws: LotDraw[];
  source: EarnSource | null;
  /** The gift, the voucher code, or the reason of an adjustment, a lapse or a cancellation. */
  detail: string | null;
  /** Global position of the event: the order of lines that took effect at the same time. */
  position: number;
  /** An expiry or a lapse that a late fact withdrew: kept for the record, no longer counted or listed. */
  withdrawn: boolean;
};

/**
 * A line as stored: lines that took effect at the same instant are listed by what happened first in
 * business time, never by arrival. What fell due at an instant took effect at it (a lot cannot be spent
 * at its expiry, nor anything done at a lapse), so the clock's line (0) comes before a fact's (1) there,
 * whether the sweep recorded it before the fact arrived or after.
 */
export type LoyaltyLedgerLine = LoyaltyLedgerEntry & { sameInstantOrder: 0 | 1 };

type Points = Exclude<
  MembershipEvent,
  {
    type:
      | 'MembershipEnrolled'
      | 'MembershipReEnrolled'
      | 'MembershipTierChanged'
      | 'VoucherIssued'
      | 'VoucherRedeemed'
      | 'VoucherExpired'
      | 'MembershipDecisionsWithdrawn'
      | 'MemberCardReplaced'
      | 'MemberCardBlocked'
      | 'MemberBirthdayRecorded'
      | 'MemberBirthdayReminderDue'
      | 'MemberBirthdayRemindersEnded';
  }
>;
type Handled = Points | Extract<MembershipEvent, { type: 'MembershipDecisionsWithdrawn' }>;
type E = Envelope<Points>;

/**
 * A line of the clock's (an expiry, a lapse) is named by what it decided, so a late fact can withdraw it
 * and the sweep that records it again writes the same line; every other line by its event.
 */
const decisionLineId = (customerId: string, decision: MembershipDecision): string | null =>
  decision.kind === 'points-expired'
    ? `${customerId}:expired:${decision.lotId}`
    : decision.kind === 'lapsed'
      ? `${customerId}:lapsed:${decision.at}`
      : null;

const lineIdOf = (event: Envelope<Handled>): string[] => {
  if (event.type === 'MembershipDecisionsWithdrawn')
    return event.data.decisions.flatMap((decision) => decisionLineId(event.data.customerId, decision) ?? []);
  const decision = membershipDecisionOf(event as MembershipEvent);
  return [(decision && decisionLineId(event.data.customerId, decision)) ?? event.eventId];
};

const lineOf = (
  event: E,
): Omit<LoyaltyLedgerEntry, 'entryId' | 'customerId' | 'homeDealerId' | 'position' | 'withdrawn'> => {
  const none = { lotId: null, draws: [], source: null, detail: null };
  switch (event.type) {
    case 'PointsEarned': {
      const { data } = event;
      return {
        ...none,
        kind: 'earned',
        points: data.amount,
        at: data.earnedAt,
        lotId: data.lotId,
        source: data.source,
      };
    }
    case 'PointsRedeemed': {
      const { data } = event;
      const detail = `${data.purpose}: ${data.reward}`;
      return {
        ...none,
        kind: 'redeemed',
        points: -data.amount,
        at: data.redeemedAt,
        draws: [...data.draws],
        detail,
      };
    }
    case 'PointsExpired':
      return {
        ...none,
        kind: 'expired',
        points: -event.data.amount,
        at: event.data.expiresAt,
        lotId: event.data.lotId,
      };
    case 'PointsAdjusted': {
      const { data } = event;
      return {
        kind: 'adjusted',
        points: data.delta,
        at: data.adjustedAt,
        lotId: data.lotId,
        draws: [...data.draws],
        source: null,
        detail: data.reason,
      };
    }
    case 'MembershipLapsed': {
      const { data } = event;
      return {
        ...none,
        kind: 'forfeited',
        points: -data.forfeitedPoints,
        at: data.lapsedAt,
        draws: [...data.forfeited],
        detail: 'lapsed',
      };
    }
    case 'MembershipCancelled': {
      const { data } = event;
      return {
        ...none,
        kind: 'forfeited',
        points: -data.forfeitedPoints,
        at: data.cancelledAt,
        draws: [...data.forfeited],
        detail: `cancelled: ${data.reason}`,
      };
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};

export const loyaltyLedgerProjection: ProjectionDefinition<Handled, LoyaltyLedgerLine> = {
  name: 'loyalty-ledger',
  // 2: lines of the clock are named by their decision and can be withdrawn; listed in business-time order.
  // 3: at one instant the clock's lines come first (`sameInstantOrder`).
  version: 3,
  collection: 'loyalty_ledger',
  indexes: [['customerId', 'at']],
  handles: [
    'PointsEarned',
    'PointsRedeemed',
    'PointsExpired',
    'PointsAdjusted',
    'MembershipLapsed',
    'MembershipCancelled',
    'MembershipDecisionsWithdrawn',
  ],
  // Ids are stable across rebuilds: the event's, or the decision's for a line of the clock.
  documentIds: lineIdOf,
  apply: (doc, event, id) => {
    if (event.type !== 'MembershipDecisionsWithdrawn')
      return {
        entryId: id,
        customerId: event.data.customerId,
        homeDealerId: event.data.homeDealerId,
        position: event.globalPosition,
        ...lineOf(event),
        withdrawn: false,
        sameInstantOrder: membershipDecisionOf(event as MembershipEvent) ? 0 : 1,
      };
    if (doc) return { ...doc, withdrawn: true };
    // A replay as of a date holds only the decisions that had fallen due by then: a line never recorded
    // is written withdrawn, so it is neither counted nor listed.
    const { customerId, homeDealerId } = event.data;
    const decision = event.data.decisions.find((d) => decisionLineId(customerId, d) === id);
    return {
      entryId: id,
      customerId,
      homeDealerId,
      kind: decision?.kind === 'lapsed' ? 'forfeited' : 'expired',
      points: 0,
      at: decision?.at ?? event.occurredAt,
      lotId: decision?.kind === 'points-expired' ? decision.lotId : null,
      draws: [],
      source: null,
      detail: null,
      position: event.globalPosition,
      withdrawn: true,
      // A line of the clock.
      sameInstantOrder: 0,
    };
  },
};
