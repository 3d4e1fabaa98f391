import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import type { RecordVehicleDates } from '../../../domain/care-vehicle/care-vehicle.commands';
import {
  MESSAGE_CHANNELS,
  type MessageChannel,
  type RecordCareMessageConsent,
} from '../../../domain/care-consent/care-consent';
import type { CareTaskRequest } from '../../../application/care-task/care-task.commands';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../../../application/shared/record-id';
import { ATTEMPT_OUTCOMES, type AttemptOutcome } from '../../../domain/care-task/care-task.types';
import { BusinessTime } from '../shared/command.bodies';
export { VIN } from '../shared/vin';

/** Each body is its command's data less the task id (from the path). */
type Body<T extends CareTaskRequest['type']> = Omit<Extract<CareTaskRequest, { type: T }>['data'], 'taskId'>;

/** `occurredAt` is when the call was made: it decides what the task came to. */
export class RecordCareTaskAttemptBody extends BusinessTime implements Body<'RecordCareTaskAttempt'> {
  /**
   * `reached`, `declined` (reached, would not talk) and `booked` (reached, booked an appointment) complete
   * the task; the third `not-reached` closes it as not reached. @example reached
   */
  @IsIn(ATTEMPT_OUTCOMES) outcome!: AttemptOutcome;
  /** @example Customer happy with the handover; asked about the first service */
  @IsOptional() @IsString() @Length(1, 2000) note?: string;
  /**
   * Only with `booked`: the repair order of the appointment booked (of the task's dealer), which the task
   * shows as what it led to. @example ro-60112
   */
  @IsOptional() @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) repairOrderId?: string;
}

export class AssignCareTaskBody extends BusinessTime implements Body<'AssignCareTask'> {
  /** The caller's user id; the success rate counts the task for them. @example cs-li */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) assigneeId!: string;
  /** @example cs-wang is on leave this week */
  @IsOptional() @IsString() @Length(1, 500) reason?: string;
}

export class CancelCareTaskBody extends BusinessTime implements Body<'CancelCareTask'> {
  /**
   * Why the task is not due any more: a cancelled task is not counted as due.
   * @example "The customer asked not to be called"
   */
  @IsString() @Length(1, 500) reason!: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = { message: '$property must be a calendar date as YYYY-MM-DD' };
const STRICT = { strict: true, strictSeparator: true };

/** At least one date; `occurredAt` is when it was learnt: a later one replaces the date. */
export class RecordVehicleDatesBody extends BusinessTime implements Omit<RecordVehicleDates['data'], 'vin'> {
  /** The dealer whose customer's vehicle it is. @example d-sh-01 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId!: string;
  /** @example cu-20931 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) customerId!: string;
  /** The day the insurance policy expires (CST). @example 2027-03-15 */
  @IsOptional() @Matches(DATE, DATE_MESSAGE) @IsISO8601(STRICT, DATE_MESSAGE) insuranceExpiresOn?: string;
  /** The day the annual inspection is due (CST). @example 2027-05-31 */
  @IsOptional() @Matches(DATE, DATE_MESSAGE) @IsISO8601(STRICT, DATE_MESSAGE) inspectionDueOn?: string;
}

/** `occurredAt` is when it was queued: between 21:00 and 08:00 CST it waits until 08:00. */
export class QueueCareTaskMessageBody extends BusinessTime implements Body<'QueueCareTaskMessage'> {
  /** @example sms */
  @IsIn(MESSAGE_CHANNELS) channel!: MessageChannel;
  /** The gateway's message template (the text lives there, not here). @example insurance-renewal-1 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) templateId!: string;
}

/** What the customer said about care messages on a channel; the latest in business time counts. */
export class RecordCareMessageConsentBody
  extends BusinessTime
  implements Omit<RecordCareMessageConsent['data'], 'customerId'>
{
  /** The dealer whose desk heard it. @example d-sh-01 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId!: string;
  /** @example sms */
  @IsIn(MESSAGE_CHANNELS) channel!: MessageChannel;
  /** false: opted out (no reminder or care messages on the channel); true: opted in again. @example false */
  @IsBoolean() optedIn!: boolean;
}
