import type { CallEvent } from '../../domain/call/call.events';
import type { ProjectionDefinition } from '../shared/projection';

/**
 * A call on a customer's records: one document per customer the call's number named and call. It is a
 * contact once answered (`answeredAt` set); an unanswered call is kept but is not one, and readers leave it out.
 */
export type CustomerCall = {
  customerId: string;
  callId: string;
  dealerId: string;
  agentId: string;
  direction: 'inbound' | 'outbound';
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  recordingRef: string | null;
};

export const customerCallId = (customerId: string, callId: string): string => `${customerId}:${callId}`;

export const customerCallsProjection: ProjectionDefinition<CallEvent, CustomerCall> = {
  name: 'customer-calls',
  version: 1,
  collection: 'customer_calls',
  indexes: [
    ['customerId', 'startedAt'],
    ['customerId', 'dealerId'],
  ],
  handles: ['CallStarted', 'CallAnswered', 'CallEnded'],
  documentIds: (event) =>
    event.data.customerIds.map((customerId) => customerCallId(customerId, event.data.callId)),
  apply: (doc, event, id) => {
    const { callId, dealerId, agentId, direction, startedAt } = event.data;
    const customerId = id.slice(0, id.length - callId.length - 1);
    const current: CustomerCall = doc ?? {
      customerId,
      callId,
      dealerId,
      agentId,
      direction,
      startedAt,
      answeredAt: null,
      endedAt: null,
      recordingRef: null,
    };
    switch (event.type) {
      case 'CallStarted':
        return current;
      case 'CallAnswered':
        return { ...current, answeredAt: event.data.answeredAt };
      case 'CallEnded':
        return { ...current, endedAt: event.data.endedAt, recordingRef: event.data.recordingRef };
      default: {
        const exhaustive: never = event;
        return exhaustive;
      }
    }
  },
};
