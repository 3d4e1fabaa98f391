import type { CallEvent, CallHeader } from '../../../src/domain/call/call.events';
import { customerCallsProjection } from '../../../src/projections/customer-calls/customer-calls.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(customerCallsProjection);

const header: CallHeader = {
  callId: 'k-1',
  dealerId: 'd-1',
  agentId: 'ag-1',
  direction: 'inbound',
  startedAt: '2026-03-02T02:00:00.000Z',
  customerIds: ['cu-1', 'cu-2'],
  complaintIds: ['c-1'],
};
const started: CallEvent = { type: 'CallStarted', data: { ...header, numberHash: 'hmac-1' } };
const answered: CallEvent = {
  type: 'CallAnswered',
  data: { ...header, answeredAt: '2026-03-02T02:00:09.000Z' },
};
const ended: CallEvent = {
  type: 'CallEnded',
  data: { ...header, endedAt: '2026-03-02T02:03:00.000Z', durationSeconds: null, recordingRef: 'rec-1' },
};
const call = (
  customerId: string,
  answeredAt: string | null,
  endedAt: string | null,
  recordingRef: string | null,
) => ({
  customerId,
  callId: 'k-1',
  dealerId: 'd-1',
  agentId: 'ag-1',
  direction: 'inbound' as const,
  startedAt: '2026-03-02T02:00:00.000Z',
  answeredAt,
  endedAt,
  recordingRef,
});

describe('customer-calls projection', () => {
  it('puts the call on each customer the number named (a shared family phone names two)', () =>
    spec
      .given([started, answered])
      .when([ended])
      .then({
        'cu-1:k-1': call('cu-1', '2026-03-02T02:00:09.000Z', '2026-03-02T02:03:00.000Z', 'rec-1'),
        'cu-2:k-1': call('cu-2', '2026-03-02T02:00:09.000Z', '2026-03-02T02:03:00.000Z', 'rec-1'),
      }));

  it('keeps an unanswered call unanswered (not a contact), until a late answer arrives', () => {
    spec
      .given([started])
      .when([ended])
      .thenMatches({ 'cu-1:k-1': { answeredAt: null, endedAt: '2026-03-02T02:03:00.000Z' } });
    spec
      .given([started, ended])
      .when([answered])
      .thenMatches({
        'cu-1:k-1': { answeredAt: '2026-03-02T02:00:09.000Z', endedAt: '2026-03-02T02:03:00.000Z' },
      });
  });

  it('writes nothing for a call whose number named no customer', () => {
    const unknown = { ...header, customerIds: [], complaintIds: [] };
    spec
      .when([
        { type: 'CallStarted', data: { ...unknown, numberHash: null } },
        { type: 'CallAnswered', data: { ...unknown, answeredAt: '2026-03-02T02:00:09.000Z' } },
      ])
      .then({});
  });
});
