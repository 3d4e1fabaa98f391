import type { CallCommand } from '../../../../src/domain/call/call.commands';
import { callDecider, callStreamId } from '../../../../src/domain/call/call.decider';
import type { CallEvent, CallHeader } from '../../../../src/domain/call/call.events';
import { deciderSpecification } from '../../../support/decider-specification';

const spec = deciderSpecification(callDecider);
const connector = { userId: 'cti-1', role: 'customer-service', dealerId: 'd-1' };
const T0 = '2026-03-02T02:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(T0) + seconds * 1000).toISOString();

const header: CallHeader = {
  callId: 'k-1',
  dealerId: 'd-1',
  agentId: 'ag-1',
  direction: 'inbound',
  startedAt: T0,
  customerIds: ['cu-1'],
  complaintIds: ['c-1'],
};
const started: CallEvent = { type: 'CallStarted', data: { ...header, numberHash: 'hmac-1' } };
const answered = (seconds: number): CallEvent => ({
  type: 'CallAnswered',
  data: { ...header, answeredAt: at(seconds) },
});
const ended = (seconds: number, recordingRef: string | null = null): CallEvent => ({
  type: 'CallEnded',
  data: { ...header, endedAt: at(seconds), durationSeconds: null, recordingRef },
});
const command = (seconds: number, body: Omit<CallCommand, 'metadata'>): CallCommand =>
  ({ ...body, metadata: { now: at(seconds), actor: connector } }) as CallCommand;
const start = (seconds = 0) =>
  command(seconds, {
    type: 'StartCall',
    data: {
      callId: 'k-1',
      dealerId: 'd-1',
      agentId: 'ag-1',
      direction: 'inbound',
      numberHash: 'hmac-1',
      customerIds: ['cu-1'],
      complaintIds: ['c-1'],
    },
  });
const answer = (seconds: number) => command(seconds, { type: 'AnswerCall', data: { callId: 'k-1' } });
const end = (seconds: number, recordingRef?: string) =>
  command(seconds, { type: 'EndCall', data: { callId: 'k-1', durationSeconds: seconds, recordingRef } });

describe('call decider', () => {
  it('starts a call at its business time, keeping the blind index, the customers it named and their open complaints', () =>
    spec.given([]).when(start()).then([started]));

  it('takes a repeated start with the same details as a retry, and refuses another call under the id', () => {
    spec.given([started]).when(start()).then([]);
    spec.given([started]).when(start(5)).thenThrows('CALL_ALREADY_STARTED', { callId: 'k-1', startedAt: T0 });
  });

  it('answers at the answer time and ends with the recording; every event repeats the header', () => {
    spec
      .given([started])
      .when(answer(12))
      .then([answered(12)]);
    spec
      .given([started, answered(12)])
      .when(end(200, 'rec-77'))
      .then([
        {
          type: 'CallEnded',
          data: { ...header, endedAt: at(200), durationSeconds: 200, recordingRef: 'rec-77' },
        },
      ]);
  });

  it('refuses an answer or an end of a call whose start has not arrived (404: send the start first)', () => {
    spec.given([]).when(answer(3)).thenThrows('CALL_NOT_FOUND', { callId: 'k-1' });
    spec.given([]).when(end(3)).thenThrows('CALL_NOT_FOUND', { callId: 'k-1' });
  });

  it('accepts an answer that arrives after the end when it falls inside the call', () =>
    // The connector sent the end first: the call is answered (not abandoned), as if the facts had come in order.
    spec
      .given([started, ended(90)])
      .when(answer(15))
      .then([answered(15)]));

  it('refuses facts dated where they cannot have happened', () => {
    spec
      .given([started])
      .when(answer(-1))
      .thenThrows('CALL_FACT_OUT_OF_ORDER', {
        callId: 'k-1',
        fact: 'answered',
        at: at(-1),
        bound: T0,
      });
    spec
      .given([started, ended(30)])
      .when(answer(31))
      .thenThrows('CALL_FACT_OUT_OF_ORDER', {
        callId: 'k-1',
        fact: 'answered',
        at: at(31),
        bound: at(30),
      });
    spec
      .given([started, answered(10)])
      .when(end(9))
      .thenThrows('CALL_FACT_OUT_OF_ORDER', {
        callId: 'k-1',
        fact: 'ended',
        at: at(9),
        bound: at(10),
      });
    spec.given([started]).when(end(-5)).thenThrows('CALL_FACT_OUT_OF_ORDER');
  });

  it('answers once and ends once; the same fact again is a retry', () => {
    spec
      .given([started, answered(10)])
      .when(answer(10))
      .then([]);
    spec
      .given([started, answered(10)])
      .when(answer(11))
      .thenThrows('CALL_ALREADY_ANSWERED', {
        callId: 'k-1',
        answeredAt: at(10),
      });
    spec
      .given([started, ended(40), answered(10)])
      .when(answer(12))
      .thenThrows('CALL_ALREADY_ANSWERED');
    spec
      .given([started, answered(10), ended(60)])
      .when(end(60))
      .then([]);
    spec
      .given([started, answered(10), ended(60)])
      .when(end(61))
      .thenThrows('CALL_ALREADY_ENDED', {
        callId: 'k-1',
        endedAt: at(60),
      });
  });

  it('keeps one stream per call id of the call centre', () => expect(callStreamId('k-1')).toBe('call-k-1'));
});
