import { IsOptional, Matches } from 'class-validator';
import { BUSINESS_MONTH, BUSINESS_MONTH_MESSAGE, RECORD_ID } from '../../../application/shared/record-id';

export class LeadWorklistParams {
  /** The dealer whose open leads are listed (a dealer's own roles: theirs). @example d-sh-01 */
  @Matches(RECORD_ID) dealerId!: string;
}

export class LeadKpiParams {
  /** CST month of the handing. @example 2026-03 */
  @Matches(BUSINESS_MONTH, { message: BUSINESS_MONTH_MESSAGE }) month!: string;
  /** One dealer (OEM roles: omit for every dealer with a handing that month). @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID) dealerId?: string;
}
