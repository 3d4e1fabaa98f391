import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import type { CareTaskRequest } from '../../../application/care-task/care-task.commands';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../../../application/shared/record-id';
import { ATTEMPT_OUTCOMES, type AttemptOutcome } from '../../../domain/care-task/care-task.types';
import { BusinessTime } from '../shared/command.bodies';

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
