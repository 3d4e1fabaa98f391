import type { MembershipEvent } from '../../domain/membership/membership.events';
import type { EarnSource, LotDraw } from '../../domain/membership/membership.types';
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
  /** Global position of the event: the ledger's order. */
  position: number;
};

type Points = Exclude<
  MembershipEvent,
  {
    type:
      'MembershipEnrolled' | 'MembershipTierChanged' | 'VoucherIssued' | 'VoucherRedeemed' | 'VoucherExpired';
  }
>;
type E = Envelope<Points>;

const lineOf = (
  event: E,
): Omit<LoyaltyLedgerEntry, 'entryId' | 'customerId' | 'homeDealerId' | 'position'> => {
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

export const loyaltyLedgerProjection: ProjectionDefinition<Points, LoyaltyLedgerEntry> = {
  name: 'loyalty-ledger',
  version: 1,
  collection: 'loyalty_ledger',
  indexes: [['customerId', 'position']],
  handles: [
    'PointsEarned',
    'PointsRedeemed',
    'PointsExpired',
    'PointsAdjusted',
    'MembershipLapsed',
    'MembershipCancelled',
  ],
  // One line per event: the event id is stable across rebuilds.
  documentIds: (event) => [event.eventId],
  apply: (_doc, event) => ({
    entryId: event.eventId,
    customerId: event.data.customerId,
    homeDealerId: event.data.homeDealerId,
    position: event.globalPosition,
    ...lineOf(event),
  }),
};
