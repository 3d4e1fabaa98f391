import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { CallReport } from '../../../application/call/call.commands';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../../../application/shared/record-id';
import type { CallDirection } from '../../../domain/call/call.events';
import { BusinessTime } from '../shared/command.bodies';
import { ONE_LINE, ONE_LINE_MESSAGE } from '../shared/text-rules';

// Each body is its command's data less the call id (from the path); `occurredAt` is when the fact happened.
type DataOf<T extends CallReport['type']> = Omit<Extract<CallReport, { type: T }>['data'], 'callId'>;
const DIRECTIONS: readonly CallDirection[] = ['inbound', 'outbound'];
const PHONE = /^\+?\d{3,20}$/;
/** A day is 86,400 s; a call centre closes a call long before that. */
const MAX_DURATION_SECONDS = 86_400;

/** `occurredAt` is when the call started (defaults to now): it decides the call's CST day. */
export class StartCallBody extends BusinessTime implements DataOf<'StartCall'> {
  /** The dealer the call is for (the OEM call centre names the dealer it handles the call for). @example d-sh-01 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId!: string;
  /** The agent the call was routed to (inbound) or who dialled (outbound). @example ag-wang */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) agentId!: string;
  /** @example inbound */
  @IsIn(DIRECTIONS) direction!: CallDirection;
  /**
   * The customer's number (the caller's, or the one dialled), digits with an optional leading +; omitted
   * when withheld. Only its keyed blind index is kept, never the number. @example 13800000001
   */
  @IsOptional()
  @Matches(PHONE, { message: '$property must be 3 to 20 digits, with an optional leading +' })
  phone?: string;
}

/** `occurredAt` is when the call was answered (outbound: when the customer picked up). */
export class AnswerCallBody extends BusinessTime implements DataOf<'AnswerCall'> {}

/** `occurredAt` is when the call ended. An end with no answer is an abandoned call. */
export class EndCallBody extends BusinessTime implements DataOf<'EndCall'> {
  /** The call centre's own duration figure, kept as sent (handling time is answered → ended). @example 185 */
  @IsOptional() @IsInt() @Min(0) @Max(MAX_DURATION_SECONDS) durationSeconds?: number;
  /** Where the call centre keeps the recording: its reference, not the audio. @example rec-2026-03-02-000317 */
  @IsOptional() @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 200) recordingRef?: string;
}
