import { careConsentStreamId } from '../../domain/care-consent/care-consent';
import { careGreetingStreamId } from '../../domain/care-greeting/care-greeting.decider';
import type { CareGreetingSent } from '../../domain/care-greeting/care-greeting.events';
import { type CustomerFacts, greetingMessages } from '../../domain/care-greeting/greeting-messages';
import { dataSubjectStreamId } from '../../domain/privacy/privacy.events';
import {
  careGreetingAudienceProjection,
  type GreetingAudienceDoc,
} from '../../projections/care-greeting-audience/care-greeting-audience.projection';
import { physicalCollection } from '../../projections/shared/projection';
import type { OutboundMessagePort } from '../ports/outbound-message.port';
import type { ReadStore } from '../ports/read-store.port';
import type { CommandPipeline } from '../shared/command-pipeline';
import type { ReactorDefinition } from '../shared/reactor';
import { careConsentFeature } from '../care-task/care-consent.feature';
import { dataSubjectFeature } from '../privacy/data-subject.feature';
import { careGreetingFeature } from './care-greeting.feature';

export const CARE_GREETING_OUTBOX_REACTOR = 'care-greeting-outbox';
const AUDIENCE = physicalCollection(careGreetingAudienceProjection);

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

/**
 * A sent greeting goes to the outbound port, one message per customer of its audience at the send instant
 * (keyed `greeting-<greetingId>-<customerId>`, so a second delivery writes nothing new): `pending` at the
 * send instant, `withheld` for a forgotten customer; an opted-out customer's is not written (the report
 * counts it). The task of an outbox line is `greeting-<greetingId>`.
 */
export const createCareGreetingOutboxReactor = (
  pipeline: CommandPipeline,
  readStore: ReadStore,
  outbound: OutboundMessagePort,
): ReactorDefinition => ({
  name: CARE_GREETING_OUTBOX_REACTOR,
  handles: ['CareGreetingSent'],
  react: async (event) => {
    const { greetingId } = event.data as CareGreetingSent['data'];
    const state = await pipeline.currentState(careGreetingFeature, careGreetingStreamId(greetingId));
    if (state.status === 'none') return;
    const { greeting } = state;
    const audience = await dealerAudience(readStore, greeting.dealerId);
    const facts = new Map<string, CustomerFacts>();
    for (const { customerId } of audience) facts.set(customerId, await customerFactsOf(pipeline, customerId));
    const messages = greetingMessages(
      greeting,
      audience,
      (id) => facts.get(id) ?? { consent: [], forgotten: false },
    );
    for (const message of messages.filter((m) => m.status !== 'opted-out'))
      await outbound.enqueue(
        {
          messageId: message.messageId,
          dealerId: greeting.dealerId,
          taskId: `greeting-${greetingId}`,
          recipient: { customerId: message.customerId, channel: greeting.channel },
          templateId: greeting.templateId,
          queuedAt: greeting.sendAt,
          sendAt: greeting.sendAt,
          status: message.status === 'withheld' ? 'withheld' : 'pending',
          reason: message.reason,
        },
        event.globalPosition,
      );
  },
});
