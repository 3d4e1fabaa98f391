import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { RECORD_ID } from '../../../application/shared/record-id';
import { PageParams } from '../shared/page.params';

const ISO = { strict: true, strictSeparator: true } as const;

export class AsOfParams {
  /** Figures as of this time, now or later (a past one is refused); default now. @example 2026-06-30T23:59:59+08:00 */
  @IsOptional() @IsISO8601(ISO) asOf?: string;
}

export class DealerParams {
  /** The members' home dealer. @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID) dealerId?: string;
}

export class DealerAsOfParams extends AsOfParams {
  /** The members' home dealer. @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID) dealerId?: string;
}

export class ActivityParams extends PageParams {
  /** @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID) dealerId?: string;
  /** At risk: lapse due within this many days (default 90). @example 90 */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(3_660) withinDays?: number;
  /** Now or later (a past one is refused); default now. @example 2026-06-30T23:59:59+08:00 */
  @IsOptional() @IsISO8601(ISO) asOf?: string;
}
