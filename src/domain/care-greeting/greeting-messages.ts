import { type ConsentFact, mayMessage } from '../care-consent/care-consent';
import type { ScheduledGreeting } from './care-greeting.decider';

/** When a customer joined the dealer's audiences; the earliest business time of each kind of fact. */
export type GreetingAudienceEntry = Readonly<{
  customerId: string;
  /** First delivery of a sale to them, or first repair order of theirs checked in, at this dealer. */
  customerSince: string | null;
  /**
   * The club membership with this dealer as home dealer, as dated facts: an enrolment or re-enrolment
   * (`member: true`), a cancellation (`member: false`), ascending. A lapsed member is still a member.
   */
  membership: readonly Readonly<{ at: string; member: boolean }>[];
}>;

/** Adds a membership fact in business-time order; the same fact twice is kept once. */
export const withMembershipFact = (
  facts: GreetingAudienceEntry['membership'],
  at: string,
  member: boolean,
): GreetingAudienceEntry['membership'] =>
  facts.some((fact) => fact.at === at && fact.member === member)
    ? facts
    : [...facts, { at, member }].sort(
        (a, b) => Date.parse(a.at) - Date.parse(b.at) || Number(a.member) - Number(b.member),
      );

/** A member at `at`: the latest membership fact dated up to it is an enrolment (a cancellation first at one instant). */
const memberAt = (entry: GreetingAudienceEntry, at: string): boolean =>
  entry.membership.filter((fact) => onOrBefore(fact.at, at)).at(-1)?.member ?? false;

export const GREETING_MESSAGE_STATUSES = ['queued', 'opted-out', 'withheld'] as const;
export type GreetingMessageStatus = (typeof GREETING_MESSAGE_STATUSES)[number];

export type GreetingMessage = Readonly<{
  /** One per greeting and customer, so it is written once whatever is read again. */
  messageId: string;
  customerId: string;
  sendAt: string;
  status: GreetingMessageStatus;
  /** `opted-out` (consent as of the send instant) or `customer-forgotten`; null when queued. */
  reason: string | null;
}>;

export type CustomerFacts = Readonly<{ consent: readonly ConsentFact[]; forgotten: boolean }>;

const onOrBefore = (at: string | null, limit: string): boolean =>
  at !== null && Date.parse(at) <= Date.parse(limit);

/** Whether the entry is in the greeting's audience at its send instant. */
export const inAudience = (greeting: ScheduledGreeting, entry: GreetingAudienceEntry): boolean =>
  greeting.audience === 'customers'
    ? onOrBefore(entry.customerSince, greeting.sendAt)
    : memberAt(entry, greeting.sendAt);

export const greetingMessageId = (greetingId: string, customerId: string): string =>
  `greeting-${greetingId}-${customerId}`;

/**
 * The greeting's messages, read from facts only (never from the order they arrived in): one per customer
 * in the audience at the send instant; a forgotten customer's is withheld, whatever the consent; one whose
 * latest consent statement on the channel dated up to the send instant is an opt-out is not sent.
 */
export const greetingMessages = (
  greeting: ScheduledGreeting,
  audience: readonly GreetingAudienceEntry[],
  factsOf: (customerId: string) => CustomerFacts,
): GreetingMessage[] =>
  audience
    .filter((entry) => inAudience(greeting, entry))
    .map((entry) => entry.customerId)
    .sort()
    .map((customerId) => {
      const { consent, forgotten } = factsOf(customerId);
      const status: GreetingMessageStatus = forgotten
        ? 'withheld'
        : mayMessage(consent, greeting.channel, greeting.sendAt)
          ? 'queued'
          : 'opted-out';
      const reason =
        status === 'withheld' ? 'customer-forgotten' : status === 'opted-out' ? 'opted-out' : null;
      return {
        messageId: greetingMessageId(greeting.greetingId, customerId),
        customerId,
        sendAt: greeting.sendAt,
        status,
        reason,
      };
    });
