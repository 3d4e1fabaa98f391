import type { CareGreetingReport } from '../../../application/care-greeting/care-greeting.queries';
import type { GreetingAudience } from '../../../domain/care-greeting/care-greeting.events';
import type { GreetingMessage, GreetingMessageStatus } from '../../../domain/care-greeting/greeting-messages';
import type { MessageChannel } from '../../../domain/care-consent/care-consent';

export class CareGreetingMessageView implements GreetingMessage {
  /** One per greeting and customer. @example greeting-gr-spring-2027-sh01-cu-20931 */
  messageId!: string;
  /** The recipient, as a reference: no phone number or account. @example cu-20931 */
  customerId!: string;
  /** 10:00 CST of the send day. @example 2027-02-06T02:00:00.000Z */
  sendAt!: string;
  /** `queued`, `opted-out` (consent as of the send instant), `withheld` (a forgotten customer). @example queued */
  status!: GreetingMessageStatus;
  /** `opted-out` or `customer-forgotten`; null when queued. @example null */
  reason!: string | null;
}

export class CareGreetingView implements CareGreetingReport {
  /** @example gr-spring-2027-sh01 */
  greetingId!: string;
  /** @example d-sh-01 */
  dealerId!: string;
  /** @example spring-festival-2027 */
  holiday!: string;
  /** @example 2027-02-06 */
  sendOn!: string;
  /** @example 2027-02-06T02:00:00.000Z */
  sendAt!: string;
  /** @example wechat */
  channel!: MessageChannel;
  /** @example spring-festival-1 */
  templateId!: string;
  /** @example customers */
  audience!: GreetingAudience;
  /** `sent` once its send instant came (the messages are in the outbox). @example scheduled */
  status!: 'scheduled' | 'cancelled' | 'sent';
  /** @example null */
  cancelledAt!: string | null;
  /** Customers in the audience at the send instant, as known when read. @example 3 */
  audienceSize!: number;
  /** @example 1 */
  queued!: number;
  /** @example 1 */
  optedOut!: number;
  /** @example 1 */
  withheld!: number;
  /** One per customer of the audience, by customer id; none when cancelled. */
  messages!: CareGreetingMessageView[];
}
