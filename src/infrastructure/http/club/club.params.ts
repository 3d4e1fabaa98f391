import { IsISO8601, IsOptional, Matches } from 'class-validator';
import {
  BUSINESS_MONTH,
  BUSINESS_MONTH_MESSAGE,
  RECORD_ID,
  RECORD_ID_MESSAGE,
} from '../../../application/shared/record-id';

export class ClubActivitiesParams {
  /** The dealer whose activities are listed (a dealer's own roles: theirs). @example d-sh-01 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId!: string;
}

export class ClubStatisticsParams {
  /** CST business month; the figures are as of its end. @example 2026-03 */
  @Matches(BUSINESS_MONTH, { message: BUSINESS_MONTH_MESSAGE }) month!: string;
  /**
   * The home dealer whose members are counted; default every dealer's, the network (a dealer's own roles:
   * theirs). @example d-sh-01
   */
  @IsOptional() @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId?: string;
}

export class VoucherLiabilityParams {
  /**
   * The home dealer whose vouchers are counted; default every dealer (a dealer's own roles: theirs).
   * @example d-sh-01
   */
  @IsOptional() @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId?: string;
  /** The instant the figures are as of, past or future; default now. @example 2026-06-30T23:59:59+08:00 */
  @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) asOf?: string;
}
