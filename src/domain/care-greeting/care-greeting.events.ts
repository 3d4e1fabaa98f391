import type { MessageChannel } from '../care-consent/care-consent';
import type { Event } from '../shared/event';

/** Who a greeting goes to: every customer of the dealer, or the members of its club. */
export const GREETING_AUDIENCES = ['customers', 'members'] as const;
export type GreetingAudience = (typeof GREETING_AUDIENCES)[number];

type Id = { greetingId: string; dealerId: string };

/** 节日问候: a greeting to the dealer's audience on a CST day, sent at 10:00 CST that day (`sendAt`). */
export type CareGreetingScheduled = Event<
  'CareGreetingScheduled',
  Id & {
    holiday: string;
    sendOn: string;
    sendAt: string;
    channel: MessageChannel;
    templateId: string;
    audience: GreetingAudience;
    scheduledAt: string;
  }
>;
/** The greeting will not go out; only before its send instant. */
export type CareGreetingCancelled = Event<
  'CareGreetingCancelled',
  Id & { reason: string; cancelledAt: string }
>;

/** The send instant came: the greeting is handed to the outbox, one message per customer then known. */
export type CareGreetingSent = Event<'CareGreetingSent', Id & { sentAt: string }>;

export type CareGreetingEvent = CareGreetingScheduled | CareGreetingCancelled | CareGreetingSent;

export const CARE_GREETING_EVENT_TYPES = {
  CareGreetingScheduled: 1,
  CareGreetingCancelled: 1,
  CareGreetingSent: 1,
} as const satisfies Record<CareGreetingEvent['type'], number>;
