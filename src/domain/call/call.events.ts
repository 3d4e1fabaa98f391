import type { Event } from '../shared/event';

export type CallDirection = 'inbound' | 'outbound';

/**
 * What every call event repeats about the call, so that a read model can file any of them (the agent's
 * day, the customer's contacts) without the others: a late answer may arrive after the end.
 */
export type CallHeader = {
  callId: string;
  dealerId: string;
  /** The agent the call was routed to (inbound) or who dialled (outbound). */
  agentId: string;
  direction: CallDirection;
  /** When the call started: it decides the call's CST day. */
  startedAt: string;
  /** The customers the number named at the dealer when the start arrived (none when unknown). */
  customerIds: string[];
  /** The open complaints of those customers at the dealer then: an answered call is a contact on each. */
  complaintIds: string[];
};

export type CallStarted = Event<
  'CallStarted',
  CallHeader & {
    /** The keyed blind index of the number (docs/privacy.md); the number itself is never stored. */
    numberHash: string | null;
  }
>;
export type CallAnswered = Event<'CallAnswered', CallHeader & { answeredAt: string }>;
/** Abandoned when it was never answered: that is derived, since a late answer may still arrive. */
export type CallEnded = Event<
  'CallEnded',
  CallHeader & {
    endedAt: string;
    /** The call centre's own figure, kept as sent; handling time is measured answered → ended. */
    durationSeconds: number | null;
    /** Where the call centre keeps the recording (its id, not the audio). */
    recordingRef: string | null;
  }
>;

export type CallEvent = CallStarted | CallAnswered | CallEnded;

export const CALL_EVENT_TYPES = { CallStarted: 1, CallAnswered: 1, CallEnded: 1 } as const satisfies Record<
  CallEvent['type'],
  number
>;
