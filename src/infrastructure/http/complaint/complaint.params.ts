import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { CLOCK_STATUSES, type ClockStatus } from '../../../application/complaint/complaint.queries';
import { RECORD_ID, BUSINESS_MONTH, BUSINESS_MONTH_MESSAGE } from '../../../application/shared/record-id';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_LEVELS,
  type ComplaintCategory,
  type ComplaintLevel,
  type ComplaintStage,
} from '../../../domain/complaint/complaint.types';
import { ListParams, PageParams } from '../shared/page.params';

const STAGES: readonly ComplaintStage[] = [
  'filed',
  'acknowledged',
  'assigned',
  'investigating',
  'resolution-proposed',
  'resolved',
  'closed',
];

export class ListComplaintsParams extends ListParams {
  /** @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID) dealerId?: string;
  @IsOptional() @IsIn(STAGES) status?: ComplaintStage;
  @IsOptional() @IsIn(COMPLAINT_LEVELS) level?: ComplaintLevel;
  @IsOptional() @IsIn(COMPLAINT_CATEGORIES) category?: ComplaintCategory;
}

export class WorklistParams extends PageParams {
  /** @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID) dealerId?: string;
  @IsOptional() @IsIn(COMPLAINT_LEVELS) level?: ComplaintLevel;
  /** The owner the complaint is assigned to. @example u-sa-14 */
  @IsOptional() @Matches(RECORD_ID) assigneeId?: string;
  /** due-soon: a deadline within 4 hours. */
  @IsOptional() @IsIn(CLOCK_STATUSES) clockStatus?: ClockStatus;
  /** Clock status as of this time; default now. Today (China Standard Time) or later: an earlier day is refused (400), the list is read from today's records. @example 2026-03-03T10:00:00+08:00 */
  @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) asOf?: string;
}

export class ComplianceParams {
  /** @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID) dealerId?: string;
  /** Month of filing (the cohort), YYYY-MM, China Standard Time. @example 2026-03 */
  @IsOptional() @Matches(BUSINESS_MONTH, { message: BUSINESS_MONTH_MESSAGE }) month?: string;
  /**
   * The figures as of this time; default now. A step is due once made, or once its deadline passed
   * without it. @example 2026-03-31T23:59:59+08:00
   */
  @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) asOf?: string;
}

export class ComplaintSlaParams {
  /** @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID) dealerId?: string;
  /** Business month, YYYY-MM (China Standard Time). @example 2026-03 */
  @IsOptional() @Matches(BUSINESS_MONTH, { message: BUSINESS_MONTH_MESSAGE }) month?: string;
}

export class TrailParams {
  /** @default json */
  @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
  /**
   * The trail as it stood at this time (default now): the facts dated up to it; time in the current stage
   * is counted up to it.
   * @example 2026-03-10T00:00:00Z
   */
  @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) asOf?: string;
}

export class ComplaintChannelParams {
  /** @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID) dealerId?: string;
  /** Business month of filing, YYYY-MM (China Standard Time). @example 2026-03 */
  @IsOptional() @Matches(BUSINESS_MONTH, { message: BUSINESS_MONTH_MESSAGE }) month?: string;
}
