import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import {
  BUSINESS_MONTH,
  BUSINESS_MONTH_MESSAGE,
  RECORD_ID,
  RECORD_ID_MESSAGE,
} from '../../../application/shared/record-id';
import {
  CARE_TASK_KINDS,
  type CareTaskKind,
  type CareTaskStatus,
} from '../../../domain/care-task/care-task.types';
import { PageParams } from '../shared/page.params';
import { OUTBOX_STATUSES, type OutboxStatus } from '../../../application/ports/outbound-message.port';

const ISO = { strict: true, strictSeparator: true };
const ID = { message: RECORD_ID_MESSAGE };
const STATUSES: readonly CareTaskStatus[] = ['open', 'completed', 'not-reached', 'cancelled'];

export class ListCareTasksParams extends PageParams {
  /** Default for a dealer-bound reader: their own dealer. @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID, ID) dealerId?: string;
  /** @example delivery */
  @IsOptional() @IsIn(CARE_TASK_KINDS) kind?: CareTaskKind;
  /** @example open */
  @IsOptional() @IsIn(STATUSES) status?: CareTaskStatus;
  /** The caller the task counts for: its assignee, else who made its first attempt. @example cs-wang */
  @IsOptional() @Matches(RECORD_ID, ID) callerId?: string;
  /** The desk whose work it is. @example customer-service */
  @IsOptional() @IsIn(['customer-service', 'sales-consultant', 'service-advisor']) role?: string;
  /** CST month of the due date, YYYY-MM. @example 2026-03 */
  @IsOptional() @Matches(BUSINESS_MONTH, { message: BUSINESS_MONTH_MESSAGE }) dueMonth?: string;
  /** Only tasks due at or before this instant (e.g. now: what is due today). @example 2026-03-09T23:59:59+08:00 */
  @IsOptional() @IsISO8601(ISO) dueBy?: string;
}

export class OutboxParams extends PageParams {
  /** Default for a dealer-bound reader: their own dealer. @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID, ID) dealerId?: string;
  /** @example pending */
  @IsOptional() @IsIn(OUTBOX_STATUSES) status?: OutboxStatus;
}

export class UnhappyReasonsParams {
  /** First CST month of the surveys, YYYY-MM. @example 2026-01 */
  @Matches(BUSINESS_MONTH, { message: BUSINESS_MONTH_MESSAGE }) from!: string;
  /** Last CST month, YYYY-MM (at most 24 months from `from`). @example 2026-03 */
  @Matches(BUSINESS_MONTH, { message: BUSINESS_MONTH_MESSAGE }) to!: string;
  /** Default for a dealer-bound reader: their own dealer; without one, the network's figures. @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID, ID) dealerId?: string;
}

export class CallbackSuccessParams {
  /** CST month of the due dates, YYYY-MM. @example 2026-03 */
  @Matches(BUSINESS_MONTH, { message: BUSINESS_MONTH_MESSAGE }) month!: string;
  /** Default for a dealer-bound reader: their own dealer. @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID, ID) dealerId?: string;
  /** As-of instant; defaults to now: facts dated up to it count, tasks due after it are not due yet. @example 2026-03-31T23:59:59+08:00 */
  @IsOptional() @IsISO8601(ISO) asOf?: string;
}
