import type { CallEvent } from '../../domain/call/call.events';
import { businessDateOf } from '../../domain/showroom/showroom-traffic';
import type { ProjectionDefinition } from '../shared/projection';

/**
 * One call as the call centre's events tell it, whatever order they arrived in: `GET /calls/{id}`, and
 * the lines of the per-agent day report (`dealerId`, `date`). No number: not even its blind index.
 */
export type CallDetails = {
  callId: string;
  dealerId: string;
  agentId: string;
  direction: 'inbound' | 'outbound';
  /** The CST day the call started: the report's day. */
  date: string;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  /** ringing → answered → ended; an end with no answer known is `abandoned` (inbound) or `not-reached` (outbound). */
  status: 'ringing' | 'answered' | 'ended' | 'abandoned' | 'not-reached';
  durationSeconds: number | null;
  recordingRef: string | null;
  customerIds: string[];
  /** Their open complaints at the dealer then: once answered, the call is a contact on each. */
  complaintIds: string[];
  /** The call stream's revision after the last event applied: the ETag. */
  revision: number;
};

const statusOf = ({ direction, answeredAt, endedAt }: CallDetails): CallDetails['status'] => {
  if (endedAt === null) return answeredAt === null ? 'ringing' : 'answered';
  if (answeredAt !== null) return 'ended';
  return direction === 'inbound' ? 'abandoned' : 'not-reached';
};

const blank = (event: CallEvent): CallDetails => {
  const { callId, dealerId, agentId, direction, startedAt, customerIds, complaintIds } = event.data;
  return {
    callId,
    dealerId,
    agentId,
    direction,
    date: businessDateOf(startedAt),
    startedAt,
    answeredAt: null,
    endedAt: null,
    status: 'ringing',
    durationSeconds: null,
    recordingRef: null,
    customerIds: [...customerIds],
    complaintIds: [...complaintIds],
    revision: -1,
  };
};

/** The facts each event adds; every event carries the call's header, so any of them can come first. */
const factsOf = (event: CallEvent): Partial<CallDetails> => {
  switch (event.type) {
    case 'CallStarted':
      return {};
    case 'CallAnswered':
      return { answeredAt: event.data.answeredAt };
    case 'CallEnded': {
      const { endedAt, durationSeconds, recordingRef } = event.data;
      return { endedAt, durationSeconds, recordingRef };
    }
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
};

export const callDetailsProjection: ProjectionDefinition<CallEvent, CallDetails> = {
  name: 'call-details',
  version: 1,
  collection: 'call_details',
  indexes: [['dealerId', 'date'], ['date']],
  handles: ['CallStarted', 'CallAnswered', 'CallEnded'],
  documentIds: (event) => [event.data.callId],
  apply: (doc, event) => {
    const next = { ...(doc ?? blank(event)), ...factsOf(event) };
    return { ...next, status: statusOf(next), revision: event.revision };
  },
};
