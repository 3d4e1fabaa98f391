import { BUSINESS_UTC_OFFSET_MINUTES } from '../shared/time';
import type { Decider } from '../shared/event';
import type {
  CancelCareGreeting,
  CareGreetingCommand,
  ScheduleCareGreeting,
  SendCareGreeting,
} from './care-greeting.commands';
import {
  CareGreetingNotFound,
  greetingAlreadyScheduled,
  greetingAlreadySent,
  greetingCancelled,
  greetingNotDue,
  greetingSendDayPast,
} from './care-greeting.errors';
import type { CareGreetingEvent, CareGreetingScheduled } from './care-greeting.events';

/** A greeting goes out at 10:00 CST of its day: outside the quiet hours, after the morning's opening. */
export const GREETING_SEND_HOUR_CST = 10;

export type ScheduledGreeting = CareGreetingScheduled['data'];
export type CareGreetingState =
  | Readonly<{ status: 'none' }>
  | Readonly<{ status: 'scheduled'; greeting: ScheduledGreeting }>
  | Readonly<{ status: 'cancelled'; greeting: ScheduledGreeting; cancelledAt: string }>
  | Readonly<{ status: 'sent'; greeting: ScheduledGreeting; sentAt: string }>;

export const careGreetingStreamId = (greetingId: string): string => `caregreeting-${greetingId}`;

/** The send instant of a CST calendar day `YYYY-MM-DD`: 10:00 CST, as a UTC instant. */
export const greetingSendAt = (sendOn: string): string =>
  new Date(
    Date.parse(`${sendOn}T00:00:00.000Z`) +
      (GREETING_SEND_HOUR_CST * 60 - BUSINESS_UTC_OFFSET_MINUTES) * 60_000,
  ).toISOString();

const SAME_FIELDS = ['dealerId', 'holiday', 'sendOn', 'channel', 'templateId', 'audience'] as const;

const schedule = (command: ScheduleCareGreeting, state: CareGreetingState): CareGreetingEvent[] => {
  const { greetingId } = command.data;
  const now = command.metadata.now;
  if (state.status === 'cancelled') throw greetingCancelled(greetingId);
  if (state.status !== 'none') {
    // The same greeting sent again (a retry) changes nothing; other details under its id are a conflict.
    if (SAME_FIELDS.every((field) => state.greeting[field] === command.data[field])) return [];
    throw greetingAlreadyScheduled(greetingId);
  }
  const sendAt = greetingSendAt(command.data.sendOn);
  if (Date.parse(sendAt) <= Date.parse(now)) throw greetingSendDayPast(greetingId, sendAt, now);
  return [{ type: 'CareGreetingScheduled', data: { ...command.data, sendAt, scheduledAt: now } }];
};

const cancel = (command: CancelCareGreeting, state: CareGreetingState): CareGreetingEvent[] => {
  const { greetingId, reason } = command.data;
  const now = command.metadata.now;
  if (state.status === 'none') throw new CareGreetingNotFound(greetingId);
  if (state.status === 'cancelled') throw greetingCancelled(greetingId);
  const { sendAt, dealerId } = state.greeting;
  if (state.status === 'sent' || Date.parse(sendAt) <= Date.parse(now))
    throw greetingAlreadySent(greetingId, sendAt, now);
  return [{ type: 'CareGreetingCancelled', data: { greetingId, dealerId, reason, cancelledAt: now } }];
};

/** At the send instant (the watcher's), once; a cancelled greeting sends nothing. */
const send = (command: SendCareGreeting, state: CareGreetingState): CareGreetingEvent[] => {
  const { greetingId } = command.data;
  if (state.status === 'none') throw new CareGreetingNotFound(greetingId);
  if (state.status !== 'scheduled') return [];
  const { sendAt, dealerId } = state.greeting;
  if (Date.parse(command.metadata.now) < Date.parse(sendAt))
    throw greetingNotDue(greetingId, sendAt, command.metadata.now);
  return [{ type: 'CareGreetingSent', data: { greetingId, dealerId, sentAt: sendAt } }];
};

/** 节日问候 (docs/care.md, "Holiday greetings"): scheduled once, cancelled only before it goes out, sent once. */
export const careGreetingDecider: Decider<CareGreetingState, CareGreetingCommand, CareGreetingEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'CareGreetingScheduled':
        return { status: 'scheduled', greeting: event.data };
      case 'CareGreetingCancelled':
        return state.status === 'none'
          ? state
          : { status: 'cancelled', greeting: state.greeting, cancelledAt: event.data.cancelledAt };
      case 'CareGreetingSent':
        return state.status === 'none'
          ? state
          : { status: 'sent', greeting: state.greeting, sentAt: event.data.sentAt };
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'ScheduleCareGreeting':
        return schedule(command, state);
      case 'CancelCareGreeting':
        return cancel(command, state);
      case 'SendCareGreeting':
        return send(command, state);
      default: {
        const unreachable: never = command;
        return unreachable;
      }
    }
  },
};
