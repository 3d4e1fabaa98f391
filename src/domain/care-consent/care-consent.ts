import type { Command, Decider, Event } from '../shared/event';

/** The channels a care message goes out on. */
export const MESSAGE_CHANNELS = ['sms', 'wechat'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

type Consent = { customerId: string; dealerId: string; channel: MessageChannel; at: string };

/** The customer asked not to get reminder or care messages on this channel (any dealer's). */
export type CustomerOptedOutOfCareMessages = Event<'CustomerOptedOutOfCareMessages', Consent>;
/** The customer agreed to get them again. */
export type CustomerOptedInToCareMessages = Event<'CustomerOptedInToCareMessages', Consent>;
export type CareConsentEvent = CustomerOptedOutOfCareMessages | CustomerOptedInToCareMessages;

export const CARE_CONSENT_EVENT_TYPES = {
  CustomerOptedOutOfCareMessages: 1,
  CustomerOptedInToCareMessages: 1,
} as const satisfies Record<CareConsentEvent['type'], number>;

/** `dealerId`: the dealer whose desk heard it (the consent itself is the customer's, at every dealer). */
export type RecordCareMessageConsent = Command<
  'RecordCareMessageConsent',
  { customerId: string; dealerId: string; channel: MessageChannel; optedIn: boolean }
>;

/** One consent fact; `order` breaks ties of `at` (the stream's order). */
export type ConsentFact = Readonly<{ channel: MessageChannel; optedIn: boolean; at: string; order: number }>;
export type CareConsentState = Readonly<{ facts: readonly ConsentFact[] }>;

export const careConsentStreamId = (customerId: string): string => `careconsent-${customerId}`;

/**
 * Whether the customer may be sent a message on the channel at `at`: the latest consent fact dated up to
 * then decides (business time, so a late opt-out dated earlier applies to what follows it); none: yes.
 */
export const mayMessage = (facts: readonly ConsentFact[], channel: MessageChannel, at: string): boolean => {
  const latest = facts
    .filter((fact) => fact.channel === channel && Date.parse(fact.at) <= Date.parse(at))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order)
    .pop();
  return latest?.optedIn ?? true;
};

/** A customer's consent to care messages per channel: every statement is a fact, the latest in time counts. */
export const careConsentDecider: Decider<CareConsentState, RecordCareMessageConsent, CareConsentEvent> = {
  initialState: () => ({ facts: [] }),
  evolve: (state, event) => ({
    facts: [
      ...state.facts,
      {
        channel: event.data.channel,
        optedIn: event.type === 'CustomerOptedInToCareMessages',
        at: event.data.at,
        order: state.facts.length,
      },
    ],
  }),
  decide: (command) => {
    const { customerId, dealerId, channel, optedIn } = command.data;
    const data = { customerId, dealerId, channel, at: command.metadata.now };
    return [
      optedIn
        ? { type: 'CustomerOptedInToCareMessages', data }
        : { type: 'CustomerOptedOutOfCareMessages', data },
    ];
  },
};
