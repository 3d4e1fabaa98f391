import { Matches } from 'class-validator';
import { BUSINESS_MONTH, BUSINESS_MONTH_MESSAGE } from '../../../application/shared/record-id';

export class DdcMonthlyParams {
  /** CST business month. @example 2026-03 */
  @Matches(BUSINESS_MONTH, { message: BUSINESS_MONTH_MESSAGE }) month!: string;
}
