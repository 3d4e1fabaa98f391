import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { CALLBACK_STATES, type CallbackState } from '../../../application/repair-order/repair-order.queries';
import {
  RECORD_ID,
  RECORD_ID_MESSAGE,
  BUSINESS_MONTH,
  BUSINESS_MONTH_MESSAGE,
} from '../../../application/shared/record-id';
import { REPAIR_ORDER_STAGES, type RepairOrderStage } from '../../../domain/repair-order/repair-order.types';
import { ListParams, PageParams } from '../shared/page.params';
import { VIN } from '../shared/vin';

const MONTH_MESSAGE = { message: BUSINESS_MONTH_MESSAGE };
const ISO = { strict: true, strictSeparator: true };
const ID = { message: RECORD_ID_MESSAGE };

export class ListRepairOrdersParams extends ListParams {
  /** @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID, ID) dealerId?: string;
  /** @example LSVAB4BR5MN000001 */
  @IsOptional() @Matches(VIN, { message: '$property must be a 17-character VIN' }) vin?: string;
  /** @example settled */
  @IsOptional() @IsIn(REPAIR_ORDER_STAGES) status?: RepairOrderStage;
}

export class DealerMonthParams {
  /** @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID, ID) dealerId?: string;
  /** Business month, YYYY-MM (China Standard Time). @example 2026-03 */
  @IsOptional() @Matches(BUSINESS_MONTH, MONTH_MESSAGE) month?: string;
}

/** W of the retention and lost-vehicle definitions: 6 calendar months unless asked otherwise. */
export class WindowParams {
  /** @example d-sh-01 */
  @Matches(RECORD_ID, ID) dealerId!: string;
  /** Window W in calendar months; default 6. @example 6 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(36) windowMonths?: number;
  /** @deprecated The former name of `windowMonths`; still read. @example 6 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(36) window?: number;
}

export class RetentionParams extends WindowParams {
  /** First month N reported, YYYY-MM. @example 2026-07 */
  @Matches(BUSINESS_MONTH, MONTH_MESSAGE) from!: string;
  /** Last month N reported, YYYY-MM (at most 36 months after from). @example 2026-09 */
  @Matches(BUSINESS_MONTH, MONTH_MESSAGE) to!: string;
}

export class LostVehiclesParams extends WindowParams {
  /** How many vehicles (1–200). @example 50 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number = 50;
  /** How many vehicles to skip (at most 1,000,000). @example 0 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000) offset?: number = 0;
  /** As-of instant; defaults to now: the settlements up to it count, so a past one gives the list as it stood. @example 2026-09-30T12:00:00+08:00 */
  @IsOptional() @IsISO8601(ISO) asOf?: string;
}

export class AppointmentsParams {
  /** @example d-sh-01 */
  @Matches(RECORD_ID, ID) dealerId!: string;
  /** Business month of the slots, YYYY-MM (China Standard Time). @example 2026-03 */
  @Matches(BUSINESS_MONTH, MONTH_MESSAGE) month!: string;
  /** As-of instant; defaults to now: the facts dated up to it count, so a past one gives the figures as they stood. @example 2026-03-31T23:00:00+08:00 */
  @IsOptional() @IsISO8601(ISO) asOf?: string;
}

export class MaintenanceDueParams extends PageParams {
  /** @example d-sh-01 */
  @Matches(RECORD_ID, ID) dealerId!: string;
  /** As-of instant; defaults to now. Today (China Standard Time) or later: an earlier day is refused (400), the list is read from today's records. @example 2026-09-30T12:00:00+08:00 */
  @IsOptional() @IsISO8601(ISO) asOf?: string;
  /** Months after the last service; default 6. @example 6 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(24) intervalMonths?: number;
  /** Km after the last service; default 7500. @example 7500 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(500) @Max(100_000) intervalKm?: number;
  /** @deprecated The former name of `intervalMonths`; still read. @example 6 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(24) months?: number;
  /** @deprecated The former name of `intervalKm`; still read. @example 7500 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(500) @Max(100_000) km?: number;
}

export class CallbacksParams extends PageParams {
  /** @example d-sh-01 */
  @Matches(RECORD_ID, ID) dealerId!: string;
  /** @example overdue */
  @IsOptional() @IsIn(CALLBACK_STATES) state?: CallbackState;
  /** As-of instant; defaults to now. Today (China Standard Time) or later: an earlier day is refused (400), the list is read from today's records. @example 2026-03-06T09:00:00+08:00 */
  @IsOptional() @IsISO8601(ISO) asOf?: string;
}
