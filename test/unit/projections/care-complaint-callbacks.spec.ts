import type { SpecEvent } from '../../support/projection-spec';
import { projectionSpec } from '../../support/projection-spec';
import { careTasksProjection } from '../../../src/projections/care-tasks/care-tasks.projection';

const spec = projectionSpec(careTasksProjection);
const desk = { userId: 'cs-wang', role: 'customer-service', dealerId: 'd-1' };
const other = { userId: 'cs-zhao', role: 'customer-service', dealerId: 'd-1' };

// Resolved 5 Mar 2026 10:00 CST (02:00Z); the SLA policy gives 24 h for the closing callback: due 6 Mar
// 10:00 CST (02:00Z), so the task's record id ends 20260306100000.
const FIRST = 'complaint-c-1-20260306100000';
const resolved = (resolvedAt: string, callbackBy: string): SpecEvent => ({
  type: 'ComplaintResolved',
  data: {
    complaintId: 'c-1',
    dealerId: 'd-1',
    resolvedAt,
    remedy: 'bracket refitted',
    resolveBy: '2026-03-08T02:00:00.000Z',
    onTime: true,
    callbackBy,
    customerId: 'cu-1',
  },
});
const callback = (calledAt: string, reached: boolean, callbackBy: string, actor = desk): SpecEvent => ({
  type: 'ComplaintCallbackRecorded',
  actor,
  data: {
    complaintId: 'c-1',
    calledAt,
    reached,
    satisfaction: reached ? 'satisfied' : null,
    note: null,
    callbackBy,
    onTime: Date.parse(calledAt) <= Date.parse(callbackBy),
  },
});
const reopened = (reopenedAt: string, endsCallbackBy: string | null): SpecEvent => ({
  type: 'ComplaintReopened',
  data: {
    complaintId: 'c-1',
    reason: 'the noise is back',
    reopenedAt,
    resolveBy: '2026-03-12T02:00:00.000Z',
    endsCallbackBy,
  },
});

describe('care-tasks projection: the complaint closing callback', () => {
  it('opens the task at the resolution, due by its callback deadline, for the customer-service desk', () => {
    spec.when([resolved('2026-03-05T02:00:00.000Z', '2026-03-06T02:00:00.000Z')]).thenMatches({
      [FIRST]: {
        kind: 'complaint',
        recordId: 'c-1-20260306100000',
        dealerId: 'd-1',
        customerId: 'cu-1',
        role: 'customer-service',
        openedAt: '2026-03-05T02:00:00.000Z',
        dueAt: '2026-03-06T02:00:00.000Z',
        dueMonth: '2026-03',
        status: 'open',
        callerId: null,
      },
    });
  });

  it('is worked by the callbacks recorded on the complaint: not reached, then reached completes it', () => {
    spec
      .when([
        resolved('2026-03-05T02:00:00.000Z', '2026-03-06T02:00:00.000Z'),
        callback('2026-03-05T06:00:00.000Z', false, '2026-03-06T02:00:00.000Z'),
        callback('2026-03-05T08:00:00.000Z', true, '2026-03-06T02:00:00.000Z', other),
      ])
      .thenMatches({
        [FIRST]: {
          status: 'completed',
          closedAt: '2026-03-05T08:00:00.000Z',
          // Nobody was assigned: the caller is whoever made the first attempt.
          callerId: 'cs-wang',
          attempts: [
            { at: '2026-03-05T06:00:00.000Z', outcome: 'not-reached', via: 'record', callerId: 'cs-wang' },
            { at: '2026-03-05T08:00:00.000Z', outcome: 'reached', via: 'record', callerId: 'cs-zhao' },
          ],
        },
      });
  });

  it('three callbacks that do not reach the customer close it as not reached', () => {
    spec
      .when([
        resolved('2026-03-05T02:00:00.000Z', '2026-03-06T02:00:00.000Z'),
        callback('2026-03-05T03:00:00.000Z', false, '2026-03-06T02:00:00.000Z'),
        callback('2026-03-05T05:00:00.000Z', false, '2026-03-06T02:00:00.000Z'),
        callback('2026-03-06T01:00:00.000Z', false, '2026-03-06T02:00:00.000Z'),
      ])
      .thenMatches({ [FIRST]: { status: 'not-reached', closedAt: '2026-03-06T01:00:00.000Z' } });
  });

  it('a reopening while resolved ends the call: cancelled from then; the next resolution is a new task', () => {
    // Not reached on 5 Mar, reopened 5 Mar 12:00Z, resolved again 9 Mar 02:00Z: the second call is due
    // 10 Mar 02:00Z = 10:00 CST.
    const SECOND = 'complaint-c-1-20260310100000';
    spec
      .when([
        resolved('2026-03-05T02:00:00.000Z', '2026-03-06T02:00:00.000Z'),
        callback('2026-03-05T06:00:00.000Z', false, '2026-03-06T02:00:00.000Z'),
        reopened('2026-03-05T12:00:00.000Z', '2026-03-06T02:00:00.000Z'),
        resolved('2026-03-09T02:00:00.000Z', '2026-03-10T02:00:00.000Z'),
        callback('2026-03-09T03:00:00.000Z', true, '2026-03-10T02:00:00.000Z'),
      ])
      .then({
        [FIRST]: expect.objectContaining({
          status: 'cancelled',
          closedAt: '2026-03-05T12:00:00.000Z',
          supersededAt: '2026-03-05T12:00:00.000Z',
        }),
        [SECOND]: expect.objectContaining({
          status: 'completed',
          dueAt: '2026-03-10T02:00:00.000Z',
          closedAt: '2026-03-09T03:00:00.000Z',
        }),
      });
  });

  it('a reopening after the call reached the customer leaves it completed; one once closed names no task', () => {
    spec
      .when([
        resolved('2026-03-05T02:00:00.000Z', '2026-03-06T02:00:00.000Z'),
        callback('2026-03-05T06:00:00.000Z', true, '2026-03-06T02:00:00.000Z'),
        reopened('2026-03-05T12:00:00.000Z', '2026-03-06T02:00:00.000Z'),
      ])
      .thenMatches({ [FIRST]: { status: 'completed', closedAt: '2026-03-05T06:00:00.000Z' } });
    spec
      .given([
        resolved('2026-03-05T02:00:00.000Z', '2026-03-06T02:00:00.000Z'),
        callback('2026-03-05T06:00:00.000Z', true, '2026-03-06T02:00:00.000Z'),
      ])
      .when([reopened('2026-03-07T02:00:00.000Z', null)])
      .thenNothingChanges();
  });
});
