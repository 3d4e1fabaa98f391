import type { CareGreetingEvent } from '../../domain/care-greeting/care-greeting.events';
import type { ProjectionDefinition } from '../shared/projection';

/** Where the send watcher looks: each greeting's send instant and status. */
export type CareGreetingLine = {
  greetingId: string;
  dealerId: string;
  sendAt: string;
  status: 'scheduled' | 'cancelled' | 'sent';
};

export const careGreetingsProjection: ProjectionDefinition<CareGreetingEvent, CareGreetingLine> = {
  name: 'care-greetings',
  version: 1,
  collection: 'care_greetings',
  indexes: [['status', 'sendAt'], ['dealerId']],
  handles: ['CareGreetingScheduled', 'CareGreetingCancelled', 'CareGreetingSent'],
  documentIds: (event) => [event.data.greetingId],
  apply: (doc, event) => {
    switch (event.type) {
      case 'CareGreetingScheduled': {
        const { greetingId, dealerId, sendAt } = event.data;
        return { greetingId, dealerId, sendAt, status: doc?.status ?? 'scheduled' };
      }
      case 'CareGreetingCancelled':
        return { ...(doc ?? { ...event.data, sendAt: '' }), status: 'cancelled' };
      case 'CareGreetingSent':
        return { ...(doc ?? { ...event.data, sendAt: event.data.sentAt }), status: 'sent' };
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  },
};
