import type { Tier } from './membership.types';

/**
 * The club's rules. A rule set is versioned: each event that used a rule stores the version, and a lot's
 * expiry date is computed when it is earned, so a new rule set never rewrites history.
 */
export type LoyaltyRuleSet = Readonly<{
  version: string;
  /** Points per RMB of paid service spend, by tier; at most two decimals. */
  earnRatePerRmb: Readonly<Record<Tier, number>>;
  /** Points for a delivered vehicle. */
  purchaseBonus: number;
  /** Lifetime points from which a tier applies (silver from 0). */
  tierThresholds: Readonly<{ gold: number; platinum: number }>;
  /** A lot expires this many calendar months after it was earned. */
  lotExpiryMonths: number;
  /** Months without a paid visit after which the membership lapses. */
  lapseMonths: number;
  /** Default validity of a voucher bought with points. */
  voucherValidityMonths: number;
}>;

/** The domain brief's defaults. */
export const DEFAULT_LOYALTY_RULES: LoyaltyRuleSet = {
  version: 'loyalty-rules-v1',
  earnRatePerRmb: { silver: 1, gold: 1.5, platinum: 2 },
  purchaseBonus: 1_000,
  tierThresholds: { gold: 10_000, platinum: 30_000 },
  lotExpiryMonths: 24,
  lapseMonths: 18,
  voucherValidityMonths: 6,
};

export type LoyaltyRuleSets = Readonly<{
  /** The version new decisions are made under. */
  current: string;
  byVersion: Readonly<Record<string, LoyaltyRuleSet>>;
}>;

export const DEFAULT_LOYALTY_RULE_SETS: LoyaltyRuleSets = {
  current: DEFAULT_LOYALTY_RULES.version,
  byVersion: { [DEFAULT_LOYALTY_RULES.version]: DEFAULT_LOYALTY_RULES },
};

export const currentRules = (sets: LoyaltyRuleSets): LoyaltyRuleSet => sets.byVersion[sets.current];

export const tierFor = (lifetimePoints: number, rules: LoyaltyRuleSet): Tier =>
  lifetimePoints >= rules.tierThresholds.platinum
    ? 'platinum'
    : lifetimePoints >= rules.tierThresholds.gold
      ? 'gold'
      : 'silver';

/**
 * floor(spend in RMB × rate). Computed in integers: the rate in hundredths times the spend in fen, divided
 * by 10,000 and rounded down, so 1.5 × 180.00 RMB is exactly 270 and no float can lose a point.
 */
export const servicePoints = (spendFen: number, tier: Tier, rules: LoyaltyRuleSet): number =>
  Math.floor((spendFen * Math.round(rules.earnRatePerRmb[tier] * 100)) / 10_000);

/** Calendar months in China Standard Time (src/domain/shared/time.ts). */
export { addBusinessMonths } from '../shared/time';
