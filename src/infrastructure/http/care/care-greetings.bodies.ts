import { IsIn, IsISO8601, IsString, Length, Matches } from 'class-validator';
import type { CareGreetingCommand } from '../../../domain/care-greeting/care-greeting.commands';
import {
  GREETING_AUDIENCES,
  type GreetingAudience,
} from '../../../domain/care-greeting/care-greeting.events';
import { MESSAGE_CHANNELS, type MessageChannel } from '../../../domain/care-consent/care-consent';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../../../application/shared/record-id';
import { BusinessTime } from '../shared/command.bodies';
import { ONE_LINE, ONE_LINE_MESSAGE } from '../shared/text-rules';

type Body<T extends CareGreetingCommand['type']> = Omit<
  Extract<CareGreetingCommand, { type: T }>['data'],
  'greetingId'
>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = { message: '$property must be a calendar date as YYYY-MM-DD' };
const STRICT = { strict: true, strictSeparator: true };

/** `occurredAt` is when it was scheduled: the send instant (10:00 CST of `sendOn`) must be later. */
export class ScheduleCareGreetingBody extends BusinessTime implements Body<'ScheduleCareGreeting'> {
  /** Optional: one is made up when left out; the same id and details again change nothing. @example gr-spring-2027-sh01 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) greetingId?: string;
  /** The dealer whose customers are greeted. @example d-sh-01 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId!: string;
  /** The holiday, a free code. @example spring-festival-2027 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) holiday!: string;
  /** The CST day it goes out (at 10:00 CST). @example 2027-02-06 */
  @Matches(DATE, DATE_MESSAGE) @IsISO8601(STRICT, DATE_MESSAGE) sendOn!: string;
  /** @example wechat */
  @IsIn(MESSAGE_CHANNELS) channel!: MessageChannel;
  /** The gateway's message template (the text lives there, not here). @example spring-festival-1 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) templateId!: string;
  /** `customers`: buyers and repair-order owners of the dealer; `members`: its club's members. @example customers */
  @IsIn(GREETING_AUDIENCES) audience!: GreetingAudience;
}

export class CancelCareGreetingBody extends BusinessTime implements Body<'CancelCareGreeting'> {
  /** Why it will not go out. @example "Wrong template chosen" */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 500) reason!: string;
}
