import { careConsentStreamId } from '../../domain/care-consent/care-consent';
import {
  careGreetingStreamId,
  type ScheduledGreeting,
} from '../../domain/care-greeting/care-greeting.decider';
import type { CareGreetingSent } from '../../domain/care-greeting/care-greeting.events';
import {
  type CustomerFacts,
  type GreetingAudienceEntry,
  greetingMessages,
} from '../../domain/care-greeting/greeting-messages';
import { dataSubjectStreamId } from '../../domain/privacy/privacy.events';
import {
  careGreetingAudienceProjection,
  type GreetingAudienceDoc,
  greetingAudienceDocId,
} from '../../projections/care-greeting-audience/care-greeting-audience.projection';
import {
  type CareGreetingLine,
  careGreetingsProjection,
} from '../../projections/care-greetings/care-greetings.projection';
import { physicalCollection } from '../../projections/shared/projection';
import type { StoredEvent } from '../ports/event-store.port';
import type { OutboundMessagePort } from '../ports/outbound-message.port';
import type { ReadStore } from '../ports/read-store.port';
import type { CommandPipeline } from '../shared/command-pipeline';
import type { ReactorDefinition } from '../shared/reactor';
import { careConsentFeature } from '../care-task/care-consent.feature';
import { dataSubjectFeature } from '../privacy/data-subject.feature';
import { careGreetingFeature } from './care-greeting.feature';

export const CARE_GREETING_OUTBOX_REACTOR = 'care-greeting-outbox';
const AUDIENCE = physicalCollection(careGreetingAudienceProjection);
const NO_FACTS: CustomerFacts = { consent: [], forgotten: false };

/** What a greeting's messages need to know of a customer: their consent facts and whether forgotten. */
export const customerFactsOf = async (
  pipeline: CommandPipeline,
  customerId: string,
): Promise<CustomerFacts> => {
  const [consent, subject] = await Promise.all([
    pipeline.currentState(careConsentFeature, careConsentStreamId(customerId)),
    pipeline.currentState(dataSubjectFeature, dataSubjectStreamId(customerId)),
  ]);
  return { consent: consent.facts, forgotten: subject.status === 'forgotten' };
};

/** Every customer of the dealer the audience read model knows, by customer id. */
export const dealerAudience = (readStore: ReadStore, dealerId: string): Promise<GreetingAudienceDoc[]> =>
  readStore.find<GreetingAudienceDoc>(AUDIENCE, { dealerId }, { sort: [['customerId', 1]] });

const AUDIENCE_EVENTS = careGreetingAudienceProjection.handles;
const CUSTOMER_EVENTS = [
  'CustomerOptedOutOfCareMessages',
  'CustomerOptedInToCareMessages',
  'CustomerForgotten',
];
const GREETINGS = physicalCollection(careGreetingsProjection);

type Hand = (greeting: ScheduledGreeting, audience: readonly GreetingAudienceEntry[]) => Promise<void>;

/**
 * A sent greeting goes to the outbound port, one message per customer of its audience at the send instant,
 * keyed `greeting-<greetingId>-<customerId>` and written with the position of the event that decided it:
 * `pending`, or `withheld` (`customer-forgotten`, or `opted-out` as of the send instant). A fact synced after
 * the send that changes a customer's message (a customer dated before the send instant, an opt-out or
 * opt-in dated before it, a forgetting) writes that message again, so the outbox ends as the report reads
 * whatever order the history arrived in. The outbox line's `taskId` is `greeting-<greetingId>`.
 */
export const createCareGreetingOutboxReactor = (
  pipeline: CommandPipeline,
  readStore: ReadStore,
  outbound: OutboundMessagePort,
): ReactorDefinition => {
  const handOver =
    (position: number): Hand =>
    async (greeting, audience) => {
      const facts = new Map<string, CustomerFacts>();
      for (const { customerId } of audience)
        facts.set(customerId, await customerFactsOf(pipeline, customerId));
      const messages = greetingMessages(greeting, audience, (id) => facts.get(id) ?? NO_FACTS);
      for (const message of messages)
        await outbound.enqueue(
          {
            messageId: message.messageId,
            dealerId: greeting.dealerId,
            taskId: `greeting-${greeting.greetingId}`,
            recipient: { customerId: message.customerId, channel: greeting.channel },
            templateId: greeting.templateId,
            queuedAt: greeting.sendAt,
            sendAt: greeting.sendAt,
            status: message.status === 'queued' ? 'pending' : 'withheld',
            reason: message.reason,
          },
          position,
        );
    };
  const sentGreetingsOf = async (dealerId: string): Promise<ScheduledGreeting[]> => {
    const lines = await readStore.find<CareGreetingLine>(GREETINGS, { dealerId, status: 'sent' });
    const states = await Promise.all(
      lines.map((line) => pipeline.currentState(careGreetingFeature, careGreetingStreamId(line.greetingId))),
    );
    return states.flatMap((state) => (state.status === 'sent' ? [state.greeting] : []));
  };
  /** The customer's entries: the read model's, with the event itself applied (the projection may lag). */
  const entriesOf = async (event: StoredEvent): Promise<GreetingAudienceDoc[]> => {
    const customerId = String(event.data.customerId);
    const known = await readStore.find<GreetingAudienceDoc>(AUDIENCE, { customerId });
    if (!AUDIENCE_EVENTS.includes(event.type as (typeof AUDIENCE_EVENTS)[number])) return known;
    const envelope = event as Parameters<typeof careGreetingAudienceProjection.apply>[1];
    const [id] = careGreetingAudienceProjection.documentIds(envelope);
    const current = known.find((doc) => greetingAudienceDocId(doc.dealerId, doc.customerId) === id) ?? null;
    const applied = careGreetingAudienceProjection.apply(current, envelope, id);
    return [...known.filter((doc) => doc !== current), applied];
  };
  return {
    name: CARE_GREETING_OUTBOX_REACTOR,
    handles: ['CareGreetingSent', ...AUDIENCE_EVENTS, ...CUSTOMER_EVENTS],
    react: async (event) => {
      const hand = handOver(event.globalPosition);
      if (event.type === 'CareGreetingSent') {
        const { greetingId } = event.data as CareGreetingSent['data'];
        const state = await pipeline.currentState(careGreetingFeature, careGreetingStreamId(greetingId));
        if (state.status === 'sent')
          await hand(state.greeting, await dealerAudience(readStore, state.greeting.dealerId));
        return;
      }
      for (const entry of await entriesOf(event))
        for (const greeting of await sentGreetingsOf(entry.dealerId)) await hand(greeting, [entry]);
    },
  };
};
