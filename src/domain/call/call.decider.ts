import type { Decider } from '../shared/event';
import type { AnswerCall, CallCommand, EndCall, StartCall } from './call.commands';
import {
  CallAlreadyAnswered,
  CallAlreadyEnded,
  CallAlreadyStarted,
  CallFactOutOfOrder,
  CallNotFound,
} from './call.errors';
import type { CallEvent, CallHeader } from './call.events';

type Started = Readonly<{ header: CallHeader; numberHash: string | null }>;

/** A call as the call centre's events tell it; each status carries only what is known by then. */
export type CallState =
  | Readonly<{ status: 'none' }>
  | (Started & Readonly<{ status: 'ringing' }>)
  | (Started & Readonly<{ status: 'answered'; answeredAt: string }>)
  | (Started &
      Readonly<{
        status: 'ended';
        /** Null while no answer is known: the call was abandoned, unless a late answer arrives. */
        answeredAt: string | null;
        endedAt: string;
        durationSeconds: number | null;
        recordingRef: string | null;
      }>);

const sameInstant = (a: string, b: string): boolean => Date.parse(a) === Date.parse(b);
const before = (a: string, b: string): boolean => Date.parse(a) < Date.parse(b);

/** A repeated start with the same details is a connector's retry: it decides nothing. */
const startCall = (command: StartCall, state: CallState): CallEvent[] => {
  const { callId, dealerId, agentId, direction, numberHash, customerIds, complaintIds } = command.data;
  const now = command.metadata.now;
  if (state.status === 'none') {
    const matched = { customerIds: [...customerIds], complaintIds: [...complaintIds] };
    const header = { callId, dealerId, agentId, direction, startedAt: now, ...matched };
    return [{ type: 'CallStarted', data: { ...header, numberHash } }];
  }
  const { header } = state;
  const repeated =
    header.dealerId === dealerId &&
    header.agentId === agentId &&
    header.direction === direction &&
    state.numberHash === numberHash &&
    sameInstant(header.startedAt, now);
  if (repeated) return [];
  throw new CallAlreadyStarted(callId, header.startedAt);
};

/**
 * An answer after the end arrived is taken when it falls inside the call (the connector sent the end
 * first): the call is then answered, not abandoned, whatever the order the facts came in.
 */
const answerCall = (command: AnswerCall, state: CallState): CallEvent[] => {
  const { callId } = command.data;
  const now = command.metadata.now;
  if (state.status === 'none') throw new CallNotFound(callId);
  if (state.status === 'answered' || (state.status === 'ended' && state.answeredAt !== null)) {
    if (sameInstant(state.answeredAt as string, now)) return [];
    throw new CallAlreadyAnswered(callId, state.answeredAt as string);
  }
  const { header } = state;
  if (before(now, header.startedAt))
    throw new CallFactOutOfOrder(callId, 'answered', now, header.startedAt, 'at or after its start');
  if (state.status === 'ended' && before(state.endedAt, now))
    throw new CallFactOutOfOrder(callId, 'answered', now, state.endedAt, 'at or before its end');
  return [{ type: 'CallAnswered', data: { ...header, answeredAt: now } }];
};

const endCall = (command: EndCall, state: CallState): CallEvent[] => {
  const { callId, durationSeconds, recordingRef } = command.data;
  const now = command.metadata.now;
  switch (state.status) {
    case 'none':
      throw new CallNotFound(callId);
    case 'ended':
      if (sameInstant(state.endedAt, now)) return [];
      throw new CallAlreadyEnded(callId, state.endedAt);
    case 'ringing':
    case 'answered': {
      const [bound, rule] =
        state.status === 'answered'
          ? [state.answeredAt, 'at or after its answer']
          : [state.header.startedAt, 'at or after its start'];
      if (before(now, bound)) throw new CallFactOutOfOrder(callId, 'ended', now, bound, rule);
      const data = {
        ...state.header,
        endedAt: now,
        durationSeconds: durationSeconds ?? null,
        recordingRef: recordingRef ?? null,
      };
      return [{ type: 'CallEnded', data }];
    }
    default: {
      const exhaustive: never = state;
      return exhaustive;
    }
  }
};

const evolve = (state: CallState, event: CallEvent): CallState => {
  switch (event.type) {
    case 'CallStarted': {
      const { numberHash, ...header } = event.data;
      return { status: 'ringing', header, numberHash };
    }
    case 'CallAnswered':
      if (state.status === 'none') return state;
      return state.status === 'ended'
        ? { ...state, answeredAt: event.data.answeredAt }
        : {
            status: 'answered',
            header: state.header,
            numberHash: state.numberHash,
            answeredAt: event.data.answeredAt,
          };
    case 'CallEnded': {
      if (state.status === 'none') return state;
      const { endedAt, durationSeconds, recordingRef } = event.data;
      const answeredAt = state.status === 'ringing' ? null : state.answeredAt;
      const { header, numberHash } = state;
      return { status: 'ended', header, numberHash, answeredAt, endedAt, durationSeconds, recordingRef };
    }
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
};

export const callDecider: Decider<CallState, CallCommand, CallEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide: (command, state) => {
    switch (command.type) {
      case 'StartCall':
        return startCall(command, state);
      case 'AnswerCall':
        return answerCall(command, state);
      case 'EndCall':
        return endCall(command, state);
      default: {
        const exhaustive: never = command;
        return exhaustive;
      }
    }
  },
};

/** The call centre's own call id names the stream. */
export const callStreamId = (callId: string): string => `call-${callId}`;
