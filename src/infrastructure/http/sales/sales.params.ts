import { IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { RECORD_ID, BUSINESS_MONTH, BUSINESS_MONTH_MESSAGE } from '../../../application/shared/record-id';
import {
  OPEN_GRADES,
  PROSPECT_CHANNELS,
  type ProspectChannel,
  type ProspectGrade,
} from '../../../domain/prospect/prospect.types';
import type { ProspectStatus } from '../../../domain/prospect/prospect.state';
import type { VehicleSaleStatus } from '../../../domain/vehicle-sale/vehicle-sale.state';
import { ListParams, PageParams } from '../shared/page.params';
import { VIN } from '../shared/vin';

const ISO = { strict: true, strictSeparator: true } as const;

export class ListProspectsParams extends ListParams {
  /** @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID) dealerId?: string;
  /** @example sc-li */
  @IsOptional() @Matches(RECORD_ID) consultantId?: string;
  /** @example open */
  @IsOptional() @IsIn(['open', 'ordered', 'lost']) status?: ProspectStatus;
  /** @example H */
  @IsOptional() @IsIn([...OPEN_GRADES, 'O', 'F']) grade?: ProspectGrade;
  /** @example walk-in */
  @IsOptional() @IsIn(PROSPECT_CHANNELS) channel?: ProspectChannel;
  /** Month of registration (CST), YYYY-MM. @example 2026-03 */
  @IsOptional() @Matches(BUSINESS_MONTH, { message: BUSINESS_MONTH_MESSAGE }) month?: string;
  /** @deprecated The former name of `month`; still read. @example 2026-03 */
  @IsOptional() @Matches(BUSINESS_MONTH, { message: BUSINESS_MONTH_MESSAGE }) cohortMonth?: string;
}

export class WorklistParams extends PageParams {
  /** @example d-sh-01 */
  @Matches(RECORD_ID) dealerId!: string;
  /** @example sc-li */
  @IsOptional() @Matches(RECORD_ID) consultantId?: string;
  /** As of when (default now): lists contacts due by the end of that business day. Today (China Standard Time) or later: an earlier day is refused (400), the list is read from today's records. @example 2026-03-20T09:00:00+08:00 */
  @IsOptional() @IsISO8601(ISO) asOf?: string;
}

export class FunnelParams {
  /** @example d-sh-01 */
  @Matches(RECORD_ID) dealerId!: string;
  /** Cohort: month of registration (CST). @example 2026-03 */
  @Matches(BUSINESS_MONTH, { message: BUSINESS_MONTH_MESSAGE }) month!: string;
  /** @example sc-li */
  @IsOptional() @Matches(RECORD_ID) consultantId?: string;
  /** Model of interest at registration. @example Lavida */
  @IsOptional() @IsString() @Length(1, 100) model?: string;
  /** @example walk-in */
  @IsOptional() @IsIn(PROSPECT_CHANNELS) channel?: ProspectChannel;
}

export class ListVehicleSalesParams extends ListParams {
  /** @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID) dealerId?: string;
  /** @example sc-li */
  @IsOptional() @Matches(RECORD_ID) consultantId?: string;
  /** @example delivered */
  @IsOptional() @IsIn(['ordered', 'delivered', 'cancelled']) status?: VehicleSaleStatus;
  /** @example p-2026-000318 */
  @IsOptional() @Matches(RECORD_ID) prospectId?: string;
  /** @example cu-30211 */
  @IsOptional() @Matches(RECORD_ID) customerId?: string;
  /** @example LSVAA4182E2100001 */
  @IsOptional() @Matches(VIN, { message: '$property must be a 17-character VIN' }) vin?: string;
}

export class CallbacksParams extends PageParams {
  /** @example d-sh-01 */
  @Matches(RECORD_ID) dealerId!: string;
  /** As of when (default now): lists open callbacks due by the end of that business day. Today (China Standard Time) or later: an earlier day is refused (400), the list is read from today's records. @example 2026-03-20T09:00:00+08:00 */
  @IsOptional() @IsISO8601(ISO) asOf?: string;
}

export class DealerMonthParams {
  /** @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID) dealerId?: string;
  /** Business month, YYYY-MM (CST). @example 2026-03 */
  @IsOptional() @Matches(BUSINESS_MONTH, { message: BUSINESS_MONTH_MESSAGE }) month?: string;
}
