import type { MessageChannel } from '../care-consent/care-consent';
import type { Command } from '../shared/event';
import type { GreetingAudience } from './care-greeting.events';

export type ScheduleCareGreeting = Command<
  'ScheduleCareGreeting',
  {
    greetingId: string;
    dealerId: string;
    holiday: string;
    sendOn: string;
    channel: MessageChannel;
    templateId: string;
    audience: GreetingAudience;
  }
>;
export type CancelCareGreeting = Command<'CancelCareGreeting', { greetingId: string; reason: string }>;

/** Sent by the clock watcher at the send instant; refused before it. */
export type SendCareGreeting = Command<'SendCareGreeting', { greetingId: string }>;

export type CareGreetingCommand = ScheduleCareGreeting | CancelCareGreeting | SendCareGreeting;
