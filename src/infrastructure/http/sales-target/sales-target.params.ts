import { Type } from 'class-transformer';
import {
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
} from 'class-validator';
import { BUSINESS_MONTH, BUSINESS_MONTH_MESSAGE, RECORD_ID } from '../../../application/shared/record-id';
import { monthsBetween } from '../../../domain/sales-target/target-month';

const ISO = { strict: true, strictSeparator: true } as const;
const MAX_FORECAST_MONTHS = 24;

/** `to` is a month from `from` on, at most 24 months in all. */
const IsMonthRangeEnd = () =>
  ValidateBy({
    name: 'isMonthRangeEnd',
    validator: {
      validate: (to, args) => {
        const from = (args?.object as { from?: unknown }).from;
        if (typeof to !== 'string' || typeof from !== 'string') return true;
        if (!BUSINESS_MONTH.test(to) || !BUSINESS_MONTH.test(from)) return true;
        return to >= from && monthsBetween(from, to).length <= MAX_FORECAST_MONTHS;
      },
      defaultMessage: () =>
        `to must be the month of from or later, at most ${MAX_FORECAST_MONTHS} months in all`,
    },
  });

export class SalesTargetParams {
  /** @example d-sh-01 */
  @Matches(RECORD_ID) dealerId!: string;
  /** Business month (CST). @example 2026-03 */
  @Matches(BUSINESS_MONTH, { message: BUSINESS_MONTH_MESSAGE }) month!: string;
  /** As of when (default now): targets as revised by then, orders and deliveries dated up to it. @example 2026-03-15T09:00:00+08:00 */
  @IsOptional() @IsISO8601(ISO) asOf?: string;
}

export class SalesForecastParams {
  /** @example d-sh-01 */
  @Matches(RECORD_ID) dealerId!: string;
  /** First expected month (CST). @example 2026-03 */
  @Matches(BUSINESS_MONTH, { message: BUSINESS_MONTH_MESSAGE }) from!: string;
  /** Last expected month (CST), at most 24 months after from. @example 2026-06 */
  @Matches(BUSINESS_MONTH, { message: BUSINESS_MONTH_MESSAGE }) @IsMonthRangeEnd() to!: string;
  /** Only this consultant's prospects and orders. @example sc-li */
  @IsOptional() @Matches(RECORD_ID) consultantId?: string;
  /** Only this model (of interest for prospects, ordered for orders). @example Lavida */
  @IsOptional() @IsString() @Length(1, 100) model?: string;
  /** The weight set to weigh with (default: the one in force today). @example 1 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000) weightsVersion?: number;
}
