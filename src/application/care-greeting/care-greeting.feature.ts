import type { CareGreetingCommand } from '../../domain/care-greeting/care-greeting.commands';
import {
  careGreetingDecider,
  type CareGreetingState,
  careGreetingStreamId,
} from '../../domain/care-greeting/care-greeting.decider';
import {
  CARE_GREETING_EVENT_TYPES,
  type CareGreetingEvent,
} from '../../domain/care-greeting/care-greeting.events';
import { careGreetingAudienceProjection } from '../../projections/care-greeting-audience/care-greeting-audience.projection';
import { careGreetingsProjection } from '../../projections/care-greetings/care-greetings.projection';
import type { Feature } from '../shared/feature';
import { createCareGreetingOutboxReactor } from './care-greeting-outbox.reactor';
import { careGreetingSendWatcher } from './care-greeting-send-watcher';

/** Holiday greetings (节日问候, issue 19 §1): one stream per greeting, `caregreeting-<greetingId>`. */
export const careGreetingFeature: Feature<CareGreetingState, CareGreetingCommand, CareGreetingEvent> = {
  name: 'care-greeting',
  category: 'caregreeting',
  decider: careGreetingDecider,
  streamOf: ({ greetingId }) => careGreetingStreamId(greetingId),
  eventTypes: CARE_GREETING_EVENT_TYPES,
  // The dealer that scheduled it; a greeting never changes dealer.
  scope: (state, command) => ({
    dealerId:
      state.status !== 'none'
        ? state.greeting.dealerId
        : command.type === 'ScheduleCareGreeting'
          ? command.data.dealerId
          : undefined,
  }),
  // Sent at its send instant, whenever the watcher comes by.
  businessTimeOf: (event) => (event.type === 'CareGreetingSent' ? event.data.sentAt : null),
  projections: [careGreetingAudienceProjection, careGreetingsProjection],
  reactors: ({ pipeline, readStore, outbound }) => [
    createCareGreetingOutboxReactor(pipeline, readStore, outbound),
  ],
  watchers: [careGreetingSendWatcher],
};
