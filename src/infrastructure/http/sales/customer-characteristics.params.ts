import { IsOptional, Matches, ValidateBy } from 'class-validator';
import {
  BUSINESS_MONTH,
  BUSINESS_MONTH_MESSAGE,
  RECORD_ID,
  RECORD_ID_MESSAGE,
} from '../../../application/shared/record-id';
import { monthsBetween } from '../../../domain/sales-target/target-month';

const MAX_MONTHS = 24;

/** `to` is the month of `from` or later, at most 24 months in all. */
const IsMonthSpanEnd = () =>
  ValidateBy({
    name: 'isMonthSpanEnd',
    validator: {
      validate: (to, args) => {
        const from = (args?.object as { from?: unknown }).from;
        if (typeof to !== 'string' || typeof from !== 'string') return true;
        if (!BUSINESS_MONTH.test(to) || !BUSINESS_MONTH.test(from)) return true;
        return to >= from && monthsBetween(from, to).length <= MAX_MONTHS;
      },
      defaultMessage: () => `to must be the month of from or later, at most ${MAX_MONTHS} months in all`,
    },
  });

export class CustomerCharacteristicsParams {
  /** First CST month (of delivery for buyers, of settlement for owners), YYYY-MM. @example 2026-01 */
  @Matches(BUSINESS_MONTH, { message: BUSINESS_MONTH_MESSAGE }) from!: string;
  /** Last CST month, YYYY-MM (at most 24 months from `from`). @example 2026-03 */
  @Matches(BUSINESS_MONTH, { message: BUSINESS_MONTH_MESSAGE }) @IsMonthSpanEnd() to!: string;
  /** Default for a dealer-bound reader: their own dealer; without one, the network. @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId?: string;
}
