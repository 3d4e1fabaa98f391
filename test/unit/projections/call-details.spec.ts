import type { CallEvent, CallHeader } from '../../../src/domain/call/call.events';
import {
  type CallDetails,
  callDetailsProjection,
} from '../../../src/projections/call-details/call-details.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(callDetailsProjection);

// 2026-03-02T16:30Z is 3 March 00:30 in China Standard Time: the call is the 3rd's.
const T0 = '2026-03-02T16:30:00.000Z';
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
const answered: CallEvent = { type: 'CallAnswered', data: { ...header, answeredAt: at(12) } };
const ended: CallEvent = {
  type: 'CallEnded',
  data: { ...header, endedAt: at(192), durationSeconds: 192, recordingRef: 'rec-9' },
};

const doc = (over: Partial<CallDetails>): CallDetails => ({
  callId: 'k-1',
  dealerId: 'd-1',
  agentId: 'ag-1',
  direction: 'inbound',
  date: '2026-03-03',
  startedAt: T0,
  answeredAt: null,
  endedAt: null,
  status: 'ringing',
  durationSeconds: null,
  recordingRef: null,
  customerIds: ['cu-1'],
  complaintIds: ['c-1'],
  revision: 0,
  ...over,
});

describe('call-details projection (the lines of the per-agent day report)', () => {
  it('files a started call on the CST day it started, ringing, with no number nor its blind index', () =>
    spec.when([started]).then({ 'k-1': doc({}) }));

  it('follows the call through answered and ended', () =>
    spec
      .given([started, answered])
      .when([ended])
      .then({
        'k-1': doc({
          revision: 2,
          answeredAt: at(12),
          endedAt: at(192),
          status: 'ended',
          durationSeconds: 192,
          recordingRef: 'rec-9',
        }),
      }));

  it('shows an end with no answer as abandoned', () =>
    spec
      .given([started])
      .when([ended])
      .then({
        'k-1': doc({
          revision: 1,
          endedAt: at(192),
          status: 'abandoned',
          durationSeconds: 192,
          recordingRef: 'rec-9',
        }),
      }));

  it('shows an outbound call that ended unanswered as not reached', () => {
    const outbound = { ...header, direction: 'outbound' as const };
    spec
      .when([
        { type: 'CallStarted', data: { ...outbound, numberHash: null } },
        {
          type: 'CallEnded',
          data: { ...outbound, endedAt: at(40), durationSeconds: null, recordingRef: null },
        },
      ])
      .then({ 'k-1': doc({ direction: 'outbound', revision: 1, endedAt: at(40), status: 'not-reached' }) });
  });

  it('gives the same call whichever order the answer and the end arrived in', () =>
    spec
      .given([started, ended])
      .when([answered])
      .then({
        'k-1': doc({
          revision: 2,
          answeredAt: at(12),
          endedAt: at(192),
          status: 'ended',
          durationSeconds: 192,
          recordingRef: 'rec-9',
        }),
      }));
});
