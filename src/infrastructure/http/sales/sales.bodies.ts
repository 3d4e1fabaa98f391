import { ONE_LINE, ONE_LINE_MESSAGE } from '../shared/text-rules';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmptyObject,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { OrderTerms, RegisterProspectCommand } from '../../../application/sales/sales.commands';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../../../application/shared/record-id';
import {
  FOLLOW_UP_CHANNELS,
  FOLLOW_UP_OUTCOMES,
  type FollowUpChannel,
  type FollowUpOutcome,
  LOST_REASONS,
  type LostReason,
  OPEN_GRADES,
  type OpenGrade,
  PROSPECT_CHANNELS,
  type ProspectChannel,
  type ProspectContact,
} from '../../../domain/prospect/prospect.types';
import type { LogWalkInGroups } from '../../../domain/showroom/showroom-traffic';
import {
  PAYMENT_METHODS,
  type PaymentMethod,
  type SsiAnswers,
  type SsiSurvey,
} from '../../../domain/vehicle-sale/vehicle-sale.types';
import { BusinessTime } from '../shared/command.bodies';
import { UnhappyReasonsRules } from '../shared/unhappy-reasons.rules';
import { VIN } from '../shared/vin';

// A step's body is its command's data less the record id (from the path): its route's entry checks it.
const ISO = { strict: true, strictSeparator: true } as const;
/** Up to a billion RMB in fen: integers only, so money never drifts. */
const MAX_FEN = 100_000_000_000;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_MESSAGE = '$property must be a date as YYYY-MM-DD';

export class ProspectContactBody implements Omit<ProspectContact, 'customerId'> {
  /** The customer id, if the person is known; otherwise one is assigned. @example cu-30211 */
  @IsOptional() @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) customerId?: string;
  /** @example 张伟 */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 100) name!: string;
  /** Digits, spaces, dashes, optional leading +; +86 is ignored. @example 13800000001 */
  @Matches(/^\+?[\d -]{6,24}$/, {
    message: '$property must be 6 to 24 digits, spaces or dashes, with an optional leading +',
  })
  phone!: string;
}

type Registration = Omit<RegisterProspectCommand['data'], 'prospectId' | 'contact'>;

export class RegisterProspectBody extends BusinessTime implements Registration {
  /**
   * Client-chosen id. Omitted: derived from the Idempotency-Key if sent, otherwise generated.
   * @example p-2026-000318
   */
  @IsOptional() @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) prospectId?: string;
  /** @example d-sh-01 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId!: string;
  /** @example sc-li */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) consultantId!: string;
  /** @example walk-in */
  @IsIn(PROSPECT_CHANNELS) channel!: ProspectChannel;
  @IsDefined()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => ProspectContactBody)
  contact!: ProspectContactBody;
  /** @example Lavida */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 100) modelOfInterest!: string;
  /** Budget in fen (1/100 RMB). @example 15000000 */
  @IsOptional() @IsInt() @Min(0) @Max(MAX_FEN) budgetFen?: number;
  /** Expected purchase by, YYYY-MM-DD. @example 2026-03-20 */
  @IsOptional() @Matches(DATE, { message: DATE_MESSAGE }) expectedPurchaseBy?: string;
  /** @example cmp-spring-2026 */
  @IsOptional() @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) campaignId?: string;
  /** H within 7 days, A 14, B 21, C 90. @example A */
  @IsIn(OPEN_GRADES) grade!: OpenGrade;
}

export class GradeProspectBody extends BusinessTime {
  /** F (lost) needs lostReason; O comes with an order. @example H */
  @IsIn([...OPEN_GRADES, 'F']) grade!: OpenGrade | 'F';
  /** @example price */
  @IsOptional() @IsIn(LOST_REASONS) lostReason?: LostReason;
  /** @example "Test drive went well, wants delivery before the holiday" */
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class ScheduleFollowUpBody extends BusinessTime {
  /** @example 2026-03-05T10:00:00+08:00 */
  @IsISO8601(ISO) dueAt!: string;
  /** @example "Call after the family discussed the budget" */
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class RecordFollowUpBody extends BusinessTime {
  /** @example phone */
  @IsIn(FOLLOW_UP_CHANNELS) channel!: FollowUpChannel;
  /** @example visit-booked */
  @IsIn(FOLLOW_UP_OUTCOMES) outcome!: FollowUpOutcome;
  /** @example "Comes on Saturday with his wife" */
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
  /** The next contact planned. @example 2026-03-07T10:00:00+08:00 */
  @IsOptional() @IsISO8601(ISO) nextContactAt?: string;
}

export class RecordNeedsAnalysisBody extends BusinessTime {
  /** @example "Family of four, city commute, wants an automatic under 150k" */
  @IsString() @Length(1, 4000) summary!: string;
}

export class PresentVehicleBody extends BusinessTime {
  /** @example Lavida */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 100) model!: string;
}

export class BookTestDriveBody extends PresentVehicleBody {
  /** @example 2026-03-07T14:00:00+08:00 */
  @IsISO8601(ISO) scheduledFor!: string;
}

export class CompleteTestDriveBody extends BusinessTime {
  /** Defaults to the model of interest. @example Lavida */
  @IsOptional() @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 100) model?: string;
}

/** The model and its price, as a quote gives them and an order signs them. */
export class PricedModelBody extends PresentVehicleBody {
  /** List price in fen. @example 15000000 */
  @IsInt() @Min(0) @Max(MAX_FEN) listPriceFen!: number;
  /** Discount in fen. @example 800000 */
  @IsInt() @Min(0) @Max(MAX_FEN) discountFen!: number;
}

export class IssueQuoteBody extends PricedModelBody {
  /** @example loan */
  @IsIn(PAYMENT_METHODS) financeOption!: PaymentMethod;
}

/** Personal data, encrypted with the customer's key when stored; only some roles see the ID number. */
export class BuyerDetailsBody implements NonNullable<OrderTerms['buyer']> {
  /** Resident ID (or passport) number. @example 310101199001011234 */
  @IsOptional()
  @Matches(/^[0-9A-Za-z-]{5,40}$/, { message: 'must be 5 to 40 letters, digits or dashes' })
  idNumber?: string;
  /** @example "上海市徐汇区漕溪北路 88 号" */
  @IsOptional() @IsString() @Length(1, 500) address?: string;
}

export class OrderProspectBody extends PricedModelBody implements OrderTerms {
  /** For the invoice and the vehicle registration. */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => BuyerDetailsBody) buyer?: BuyerDetailsBody;
  /** @example loan */
  @IsIn(PAYMENT_METHODS) payment!: PaymentMethod;
  /** Delivery promised to the customer. @example 2026-03-15T18:00:00+08:00 */
  @IsISO8601(ISO) promisedDeliveryAt!: string;
}

export class ReassignProspectBody extends BusinessTime {
  /** @example sc-wu */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) consultantId!: string;
  /** @example "sc-li left the dealership" */
  @IsString() @Length(1, 1000) reason!: string;
}

export class ReactivateProspectBody extends BusinessTime {
  /** @example B */
  @IsIn(OPEN_GRADES) grade!: OpenGrade;
  /** @example "Called back: the competitor could not deliver before May" */
  @IsString() @Length(1, 1000) reason!: string;
}

// A vehicle sale is opened by an order (OrderProspectBody); the bodies of its steps follow.
export class PayDepositBody extends BusinessTime {
  /** Deposit in fen. @example 500000 */
  @IsInt() @Min(1) @Max(MAX_FEN) amountFen!: number;
}

export class AllocateVehicleBody extends BusinessTime {
  /** 17-character VIN (no I, O or Q). @example LSVAA4182E2100001 */
  @Matches(VIN, { message: '$property must be a 17-character VIN without I, O or Q' }) vin!: string;
}

export class InvoiceSaleBody extends BusinessTime {
  /** @example INV-2026-03-0042 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) invoiceNo!: string;
}

export class PassInspectionBody extends BusinessTime {
  /** @example qc-zhao */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) inspectorId!: string;
}

export class CancelOrderBody extends BusinessTime {
  /** @example "Loan application refused" */
  @IsString() @Length(1, 1000) reason!: string;
}

/** Every SSI factor, answered 1–10. */
export class SsiAnswersBody implements SsiAnswers {
  /** @example 9 */
  @IsInt() @Min(1) @Max(10) 'delivery-process'!: number;
  /** @example 8 */
  @IsInt() @Min(1) @Max(10) 'sales-initiation'!: number;
  /** @example 8 */
  @IsInt() @Min(1) @Max(10) deal!: number;
  /** @example 9 */
  @IsInt() @Min(1) @Max(10) 'dealer-facility'!: number;
  /** @example 10 */
  @IsInt() @Min(1) @Max(10) salesperson!: number;
}

export class SsiSurveyBody implements SsiSurvey {
  /** Every SSI factor, 1–10. */
  @IsDefined()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => SsiAnswersBody)
  answers!: SsiAnswersBody;
  /** Would you recommend us? 0–10. @example 9 */
  @IsInt() @Min(0) @Max(10) wouldRecommend!: number;
}

export class DeliveryCallbackBody extends BusinessTime {
  /** Whether the call reached the customer. @example true */
  @IsBoolean() reached!: boolean;
  /** The SSI survey, if the customer answered it. */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => SsiSurveyBody) survey?: SsiSurveyBody;
  /**
   * Why the customer is unhappy, coded from the survey (SSI codes of the reason catalogue: delivery-late,
   * vehicle-condition, paperwork, price-or-terms, consultant-attitude, not-explained, facility); needs the
   * survey. A factor answered 6 or less opens a follow-up task (docs/care.md). @example ["delivery-late"]
   */
  @UnhappyReasonsRules() unhappyReasons?: string[];
}

type WalkInGroups = LogWalkInGroups['data'];

export class LogWalkInGroupsBody extends BusinessTime implements WalkInGroups {
  /** @example d-sh-01 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId!: string;
  /** Business day (China Standard Time), YYYY-MM-DD. @example 2026-03-02 */
  @Matches(DATE, { message: DATE_MESSAGE }) date!: string;
  /** Walk-in groups (批次) in this log. @example 6 */
  @IsInt() @Min(1) @Max(1000) groups!: number;
  /** @example "Morning shift tally" */
  @IsOptional() @IsString() @Length(1, 1000) note?: string;
}
