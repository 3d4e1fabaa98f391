import type { SimulationReport } from '../../../application/membership/loyalty-simulation.query';
import type {
  DealerLiability,
  MemberActivity,
  MemberBalance,
  TierDistribution,
} from '../../../application/membership/membership.queries';
import type { LoyaltyRuleSet } from '../../../domain/membership/loyalty-rules';
import type { LoyaltyFigures, SimulationPeriod } from '../../../domain/membership/loyalty-simulation';
import type {
  EarnSource,
  EarnSourceKind,
  LotDraw,
  MembershipStatus,
  Tier,
  Voucher,
  VoucherStatus,
} from '../../../domain/membership/membership.types';
import type { Answered } from '../../../application/shared/answered';
import type { LoyaltyMember } from '../../../projections/loyalty-members/loyalty-members.projection';
import type {
  LedgerEntryKind,
  LoyaltyLedgerEntry,
} from '../../../projections/loyalty-ledger/loyalty-ledger.projection';
import { PageOf } from '../shared/page.responses';

/** The answers of the loyalty routes, typed by the read models they show: `implements` keeps them in step. */
export class VoucherView implements Voucher {
  voucherCode!: string;
  valueFen!: number;
  pointsCost!: number;
  issuedAt!: string;
  expiresAt!: string;
  status!: VoucherStatus;
  /** The repair order it paid towards, once redeemed. */
  repairOrderId!: string | null;
}

export class NextExpiry {
  expiresAt!: string;
  /** Points of the lots expiring then. */
  points!: number;
}

/** A member as the customer's file shows it; the balance route adds the figures as of a moment. */
export class MemberView implements Answered<LoyaltyMember> {
  customerId!: string;
  cardNumber!: string;
  homeDealerId!: string;
  status!: MembershipStatus;
  tier!: Tier;
  lifetimePoints!: number;
  /** Points left in lots not yet recorded as expired or forfeited. */
  outstandingPoints!: number;
  enrolledAt!: string;
  lastPaidVisitAt!: string | null;
  /** When the membership lapses without another paid visit (active members only). */
  lapseDueAt!: string | null;
  /** Soonest moment something falls due: a lot, a voucher or the lapse. */
  nextDueAt!: string | null;
  vouchers!: VoucherView[];
  /**
   * The member's birthday, `MM-DD` (never the year), personal data: shown to the roles that see a phone in
   * full (docs/privacy.md), null for the others and while none is recorded; `[erased]` once forgotten.
   */
  birthday!: string | null;
  /** The years whose birthday reminder fell due (docs/care.md, "Birthday reminders"). */
  birthdayReminderYears!: number[];
  /** Revision of the membership stream: the ETag of this record, for If-Match. */
  revision!: number;
  updatedAt!: string;
}

export class MemberBalanceView extends MemberView implements MemberBalance {
  asOf!: string;
  /** From the lots at `asOf`: zero once lapsed or cancelled, never counting an expired lot. */
  spendablePoints!: number;
  nextExpiry!: NextExpiry | null;
}

export class LotDrawView implements LotDraw {
  lotId!: string;
  amount!: number;
  expiresAt!: string;
}

export class EarnSourceView implements EarnSource {
  kind!: EarnSourceKind;
  id!: string;
}

export class LedgerEntryView implements LoyaltyLedgerEntry {
  entryId!: string;
  customerId!: string;
  homeDealerId!: string;
  kind!: LedgerEntryKind;
  /** + earned or credited, − spent, expired or forfeited. */
  points!: number;
  /** When it took effect. */
  at!: string;
  /** The lot an earning or a credit created. */
  lotId!: string | null;
  /** The lots that paid a redemption, a debit or a forfeit. */
  draws!: LotDrawView[];
  source!: EarnSourceView | null;
  /** The gift, the voucher code, or the reason of an adjustment, a lapse or a cancellation. */
  detail!: string | null;
  /** Global position of the event: the order of the ledger. */
  position!: number;
  /** Always false here: an expiry or a lapse that a late fact withdrew is not listed. */
  withdrawn!: boolean;
}

export class LedgerPage extends PageOf(LedgerEntryView) {}

export class DealerLiabilityView implements DealerLiability {
  dealerId!: string;
  activeMembers!: number;
  outstandingPoints!: number;
  expiringWithin30Days!: number;
  expiringWithin90Days!: number;
  asOf!: string;
}

export class TierDistributionView implements TierDistribution {
  dealerId!: string;
  /** Active members of the dealer. */
  total!: number;
  silver!: number;
  gold!: number;
  platinum!: number;
}

type AtRiskMember = MemberActivity['atRisk']['items'][number];
type TierThresholds = LoyaltyRuleSet['tierThresholds'];

export class AtRiskMemberView implements AtRiskMember {
  customerId!: string;
  cardNumber!: string;
  homeDealerId!: string;
  tier!: Tier;
  lastPaidVisitAt!: string | null;
  lapseDueAt!: string | null;
  outstandingPoints!: number;
}

export class AtRiskPage extends PageOf(AtRiskMemberView) {}

export class MemberActivityView implements MemberActivity {
  asOf!: string;
  withinDays!: number;
  /** Active members whose lapse falls due within `withinDays` without another paid visit. */
  atRisk!: AtRiskPage;
}

export class PeriodView implements SimulationPeriod {
  /** Inclusive. */
  from!: string;
  /** Exclusive. */
  to!: string;
}

export class EarnRatesView implements Record<Tier, number> {
  silver!: number;
  gold!: number;
  platinum!: number;
}

export class TierThresholdsView implements TierThresholds {
  gold!: number;
  platinum!: number;
}

export class RuleSetView implements LoyaltyRuleSet {
  /** `proposed` for the rule set tried. */
  version!: string;
  /** Points per RMB of paid service spend, by tier. */
  earnRatePerRmb!: EarnRatesView;
  purchaseBonus!: number;
  tierThresholds!: TierThresholdsView;
  lotExpiryMonths!: number;
  lapseMonths!: number;
  voucherValidityMonths!: number;
}

export class FigureDifferences implements Omit<LoyaltyFigures, 'liabilityByDealer'> {
  pointsIssued!: number;
  pointsRedeemed!: number;
  pointsExpired!: number;
  /** Lost to a lapse or a cancellation. */
  pointsForfeited!: number;
  pointsAdjusted!: number;
  /** Spendable points of active members at the end of the period. */
  liability!: number;
  /** Recorded redemptions the simulated balance could not pay (always 0 for the live figures). */
  redemptionsRefused!: number;
}

export class LoyaltyFiguresView extends FigureDifferences implements LoyaltyFigures {
  /** Liability by home dealer. */
  liabilityByDealer!: Record<string, number>;
}

export class SimulationReportView implements SimulationReport {
  period!: PeriodView;
  /** The home dealer whose members the figures cover; null for the whole network. @example d-sh-01 */
  dealerId!: string | null;
  /** The version of the live rules. */
  liveRuleSet!: string;
  proposedRules!: RuleSetView;
  live!: LoyaltyFiguresView;
  simulated!: LoyaltyFiguresView;
  /** simulated − live, figure by figure. */
  difference!: FigureDifferences;
}
