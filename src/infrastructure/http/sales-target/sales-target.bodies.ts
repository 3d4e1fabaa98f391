import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  BUSINESS_MONTH,
  BUSINESS_MONTH_MESSAGE,
  RECORD_ID,
  RECORD_ID_MESSAGE,
} from '../../../application/shared/record-id';
import type { SetForecastWeights } from '../../../domain/forecast-weights/forecast-weights';
import type { OpenGrade } from '../../../domain/prospect/prospect.types';
import type { ReviseSalesTarget, SetSalesTarget } from '../../../domain/sales-target/sales-target.commands';
import { TARGET_LEVELS, type TargetLevel } from '../../../domain/sales-target/sales-target.events';
import { BusinessTime } from '../shared/command.bodies';
import { ONE_LINE, ONE_LINE_MESSAGE } from '../shared/text-rules';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_MESSAGE = '$property must be a date as YYYY-MM-DD';
const NOT_BLANK = /\S/;

export class SetSalesTargetBody extends BusinessTime implements Omit<SetSalesTarget['data'], never> {
  /** @example d-sh-01 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId!: string;
  /** Business month (CST), YYYY-MM. @example 2026-03 */
  @Matches(BUSINESS_MONTH, { message: BUSINESS_MONTH_MESSAGE }) month!: string;
  /** The dealer's own line, one consultant's, or one model's; no roll-up between them. @example consultant */
  @IsIn(TARGET_LEVELS) level!: TargetLevel;
  /** For a consultant's line only. @example sc-li */
  @IsOptional() @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) consultantId?: string;
  /** For a model's line only. @example Lavida */
  @IsOptional() @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 100) model?: string;
  /** Orders to sign in the month (one vehicle, one order). @example 12 */
  @IsInt() @Min(0) @Max(100_000) orders!: number;
  /** Vehicles to deliver in the month. @example 10 */
  @IsInt() @Min(0) @Max(100_000) deliveries!: number;
}

export class ReviseSalesTargetBody
  extends SetSalesTargetBody
  implements Omit<ReviseSalesTarget['data'], never>
{
  /** Why the target changes; required. @example "Tiguan allocation cut by the OEM for March" */
  @IsString()
  @Length(1, 1000)
  @Matches(NOT_BLANK, { message: '$property must not be blank' })
  reason!: string;
}

export class GradeWeightsBody implements Record<OpenGrade, number> {
  /** @example 0.9 */
  @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(1) H!: number;
  /** @example 0.7 */
  @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(1) A!: number;
  /** @example 0.4 */
  @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(1) B!: number;
  /** @example 0.1 */
  @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(1) C!: number;
}

export class GradeHorizonsBody implements Record<OpenGrade, number> {
  /** @example 7 */
  @IsInt() @Min(1) @Max(366) H!: number;
  /** @example 14 */
  @IsInt() @Min(1) @Max(366) A!: number;
  /** @example 21 */
  @IsInt() @Min(1) @Max(366) B!: number;
  /** @example 90 */
  @IsInt() @Min(1) @Max(366) C!: number;
}

export class SetForecastWeightsBody extends BusinessTime implements Omit<SetForecastWeights['data'], never> {
  /** First business day (CST) the set applies to: today or later, and not before the version in force. @example 2026-04-01 */
  @Matches(DATE, { message: DATE_MESSAGE }) effectiveFrom!: string;
  /** Chance an open prospect of the grade orders, 0 to 1, 2 decimals at most. */
  @IsObject() @ValidateNested() @Type(() => GradeWeightsBody) weights!: GradeWeightsBody;
  /** Days from the last grading to the expected order, per grade. */
  @IsObject() @ValidateNested() @Type(() => GradeHorizonsBody) horizonDays!: GradeHorizonsBody;
  /** Why the weights change. @example "H converted at 0.82 over the last two quarters" */
  @IsString()
  @Length(1, 1000)
  @Matches(NOT_BLANK, { message: '$property must not be blank' })
  reason!: string;
}
