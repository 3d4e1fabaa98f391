import { ONE_LINE, ONE_LINE_MESSAGE } from '../shared/text-rules';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  NotEquals,
  ValidateNested,
} from 'class-validator';
import type { LoyaltyRuleSet } from '../../../domain/membership/loyalty-rules';
import type { RecordMemberBirthday, RedeemVoucher } from '../../../domain/membership/membership.commands';
import type { Tier } from '../../../domain/membership/membership.types';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../../../application/shared/record-id';
import { BusinessTime } from '../shared/command.bodies';

/** Each body is its command's data less the customer id (from the path): its route's entry checks it. */
type Body<C extends { data: unknown }> = Omit<C['data'], 'customerId'>;
type TierThresholds = LoyaltyRuleSet['tierThresholds'];
const MAX_POINTS = 100_000_000;
const ISO = { strict: true, strictSeparator: true } as const;

/** Enrolment names the customer in the body: the membership id is the customer id. */
export class EnrollMemberBody extends BusinessTime {
  /** One membership per customer; also the membership id. @example cu-20931 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) customerId!: string;
  /** The club card number printed on the card. @example SH01-000457 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) cardNumber!: string;
  /** The dealer that carries the points liability. @example d-sh-01 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) homeDealerId!: string;
}

/** A lapsed or cancelled member joins again at the same home dealer, with a new card. */
export class ReEnrollMemberBody extends BusinessTime {
  /** The new card's number: not one this member holds or held. @example SH01-000912 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) cardNumber!: string;
}

export class RedeemPointsBody extends BusinessTime {
  /** Chosen by the caller; a second redemption with it is refused. @example rd-2026-0031 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) redemptionId!: string;
  /** @example 800 */
  @IsInt() @Min(1) @Max(MAX_POINTS) points!: number;
  /** @example "Brand umbrella" */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 200) gift!: string;
}

export class ReplaceMemberCardBody extends BusinessTime {
  /** The new card's number; the current one is blocked. @example SH01-000458 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) cardNumber!: string;
  /** @example "lost" */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 200) reason!: string;
}

export class BlockMemberCardBody extends BusinessTime {
  /** @example "reported stolen" */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 200) reason!: string;
}

export class BuyVoucherBody extends BusinessTime {
  /** Unique within the membership. @example VCH-8F3K2 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) voucherCode!: string;
  /** Points the voucher costs. @example 1000 */
  @IsInt() @Min(1) @Max(MAX_POINTS) points!: number;
  /** Face value in fen (10,000 = 100 RMB). @example 10000 */
  @IsInt() @Min(1) @Max(100_000_000) valueFen!: number;
  /** Defaults to the rule set's voucher validity (6 months) from issue. @example 2026-09-30T23:59:59+08:00 */
  @IsOptional() @IsISO8601(ISO) expiresAt?: string;
}

/** The voucher code comes from the path, like the customer id. */
export class RedeemVoucherBody extends BusinessTime implements Omit<Body<RedeemVoucher>, 'voucherCode'> {
  /** The repair order the voucher pays towards. @example ro-55310 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) repairOrderId!: string;
  /** @example d-sh-01 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId!: string;
}

export class AdjustPointsBody extends BusinessTime {
  /** @example adj-2026-0007 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) adjustmentId!: string;
  /** Positive credits a new lot; negative debits soonest-expiring first. @example 200 */
  // A literal: the schema generator drops a property whose bound is a negated constant (-MAX_POINTS).
  @IsInt() @NotEquals(0) @Min(-100000000) @Max(MAX_POINTS) delta!: number;
  /** @example "Visit of 3 March settled at another dealer of the group" */
  @IsString() @Length(1, 500) reason!: string;
}

export class CancelMembershipBody extends BusinessTime {
  /** @example "Customer sold the car and asked to leave the club" */
  @IsString() @Length(1, 500) reason!: string;
}

/**
 * The member's birthday: month and day only, never the year (personal data, sealed under the customer's key).
 * A day the month never has (31 April) is a 422 MEMBER_BIRTHDAY_NOT_A_DATE; 29 February is allowed.
 */
export class RecordMemberBirthdayBody extends BusinessTime implements Body<RecordMemberBirthday> {
  /** @example 5 */
  @IsInt() @Min(1) @Max(12) month!: number;
  /** @example 20 */
  @IsInt() @Min(1) @Max(31) day!: number;
}

export class EarnRatesBody implements Record<Tier, number> {
  /** Points per RMB, at most two decimals. @example 1 */
  @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(100) silver!: number;
  /** @example 1.5 */
  @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(100) gold!: number;
  /** @example 2 */
  @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(100) platinum!: number;
}

export class TierThresholdsBody implements TierThresholds {
  /** @example 10000 */
  @IsInt() @Min(1) @Max(MAX_POINTS) gold!: number;
  /** @example 30000 */
  @IsInt() @Min(1) @Max(MAX_POINTS) platinum!: number;
}

/** A rule set to try: the live one's fields but its version, which the simulation names `proposed`. */
export class ProposedRulesBody implements Omit<LoyaltyRuleSet, 'version' | 'voucherValidityMonths'> {
  @IsDefined() @IsObject() @ValidateNested() @Type(() => EarnRatesBody) earnRatePerRmb!: EarnRatesBody;
  /** @example 1500 */
  @IsInt() @Min(0) @Max(MAX_POINTS) purchaseBonus!: number;
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => TierThresholdsBody)
  tierThresholds!: TierThresholdsBody;
  /** A lot expires this many calendar months after it is earned. @example 12 */
  @IsInt() @Min(1) @Max(240) lotExpiryMonths!: number;
  /** @example 18 */
  @IsInt() @Min(1) @Max(240) lapseMonths!: number;
  /** Defaults to the voucher validity of the live rules (6 months). @example 6 */
  @IsOptional() @IsInt() @Min(1) @Max(120) voucherValidityMonths?: number;
}

export class SimulationBody {
  /**
   * Only the members of this home dealer. A dealer-bound principal gets their own dealer's (filled in when
   * absent; another dealer is 403 DEALER_FORBIDDEN); absent for a network-wide role: the whole network.
   * @example d-sh-01
   */
  @IsOptional() @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId?: string;
  /** Start of the period (inclusive). @example 2026-01-01T00:00:00+08:00 */
  @IsISO8601(ISO) from!: string;
  /** End of the period (exclusive). @example 2026-07-01T00:00:00+08:00 */
  @IsISO8601(ISO) to!: string;
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ProposedRulesBody) rules!: ProposedRulesBody;
}
