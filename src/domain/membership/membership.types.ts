/** Club tiers, lowest first: they earn faster as lifetime points grow. */
export type Tier = 'silver' | 'gold' | 'platinum';
export const TIERS: readonly Tier[] = ['silver', 'gold', 'platinum'];
export const tierRank = (tier: Tier): number => TIERS.indexOf(tier);

export type MembershipStatus = 'active' | 'lapsed' | 'cancelled';
export const MEMBERSHIP_STATUSES: readonly MembershipStatus[] = ['active', 'lapsed', 'cancelled'];

/** What earned a lot: a settled paid repair order, a delivered vehicle sale, or attending a club activity. */
export type EarnSourceKind = 'repair-order' | 'vehicle-sale' | 'club-activity';
export type EarnSource = Readonly<{ kind: EarnSourceKind; id: string }>;
export const sourceKey = (source: EarnSource): string => `${source.kind}:${source.id}`;

/** Points earned together, spent soonest-expiring first; `remaining` is what is left of it. */
export type PointsLot = Readonly<{
  lotId: string;
  amount: number;
  remaining: number;
  earnedAt: string;
  expiresAt: string;
}>;

/** How much one lot paid towards a redemption, an adjustment or a forfeit. */
export type LotDraw = Readonly<{ lotId: string; amount: number; expiresAt: string }>;

export type VoucherStatus = 'issued' | 'redeemed' | 'expired';
export type Voucher = Readonly<{
  voucherCode: string;
  valueFen: number;
  pointsCost: number;
  issuedAt: string;
  expiresAt: string;
  status: VoucherStatus;
  repairOrderId: string | null;
}>;

export type RedemptionPurpose = 'gift' | 'voucher';

/** A decision the club's clock made by itself, as a later fact may withdraw it (at the time it took effect). */
export type MembershipDecision = Readonly<
  | { kind: 'points-expired'; at: string; lotId: string; amount: number }
  | { kind: 'voucher-expired'; at: string; voucherCode: string }
  | { kind: 'lapsed'; at: string; forfeitedPoints: number }
>;
