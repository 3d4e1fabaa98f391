import { IsOptional, Matches } from 'class-validator';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../../../application/shared/record-id';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class CallReportParams {
  /** Business day (China Standard Time), YYYY-MM-DD: the calls that started on it. @example 2026-03-02 */
  @Matches(DATE, { message: '$property must be a date as YYYY-MM-DD' }) date!: string;
  /** Default for a dealer-bound reader: their own dealer; network-wide readers see every dealer. @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId?: string;
}
