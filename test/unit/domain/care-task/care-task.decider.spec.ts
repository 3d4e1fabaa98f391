import type { CareTaskCommand } from '../../../../src/domain/care-task/care-task.commands';
import { careTaskDecider } from '../../../../src/domain/care-task/care-task.decider';
import type { CareTaskEvent } from '../../../../src/domain/care-task/care-task.events';
import { careTaskClosure } from '../../../../src/domain/care-task/care-task-outcome';
import {
  type AttemptOutcome,
  type CareTaskOrigin,
  parseCareTaskId,
  threeMonthCallDueAt,
} from '../../../../src/domain/care-task/care-task.types';
import { deciderSpecification } from '../../../support/decider-specification';

const spec = deciderSpecification(careTaskDecider);
const desk = { userId: 'cs-wang', role: 'customer-service', dealerId: 'd-sh-01' };
const manager = { userId: 'dm-zhou', role: 'dealer-manager', dealerId: 'd-sh-01' };
const taskId = 'delivery-vs-1';
// Delivered on 2 March 10:00 CST; the 7-day callback is due on 9 March 10:00 CST.
const origin: CareTaskOrigin = {
  kind: 'delivery',
  recordId: 'vs-1',
  dealerId: 'd-sh-01',
  customerId: 'cu-1',
  ownerId: 'sc-li',
  openedAt: '2026-03-02T02:00:00.000Z',
  dueAt: '2026-03-09T02:00:00.000Z',
  recordAttempts: [],
};

const attempt = (
  now: string,
  outcome: AttemptOutcome,
  from: CareTaskOrigin = origin,
  actor = desk,
): CareTaskCommand => ({
  type: 'RecordCareTaskAttempt',
  data: { taskId, origin: from, outcome, note: outcome === 'not-reached' ? 'no answer' : undefined },
  metadata: { now, actor },
});
const opened: CareTaskEvent = {
  type: 'CareTaskOpened',
  data: {
    taskId,
    dealerId: 'd-sh-01',
    kind: 'delivery',
    recordId: 'vs-1',
    customerId: 'cu-1',
    role: 'customer-service',
    openedAt: origin.openedAt,
    dueAt: origin.dueAt,
  },
};
const attempted = (attemptedAt: string, outcome: AttemptOutcome, callerId = 'cs-wang'): CareTaskEvent => ({
  type: 'CareTaskAttemptRecorded',
  data: {
    taskId,
    dealerId: 'd-sh-01',
    outcome,
    note: outcome === 'not-reached' ? 'no answer' : null,
    callerId,
    attemptedAt,
  },
});

describe('care task decider', () => {
  it('opens the task with its origin on the first attempt, and records who called', () => {
    spec
      .given([])
      .when(attempt('2026-03-09T03:00:00.000Z', 'not-reached'))
      .then([opened, attempted('2026-03-09T03:00:00.000Z', 'not-reached')]);
  });

  it('opens once: a second attempt appends only the attempt', () => {
    spec
      .given([opened, attempted('2026-03-09T03:00:00.000Z', 'not-reached')])
      .when(attempt('2026-03-09T06:00:00.000Z', 'booked'))
      .then([attempted('2026-03-09T06:00:00.000Z', 'booked')]);
  });

  it('refuses an attempt after the third not-reached one closed the task', () => {
    spec
      .given([
        opened,
        attempted('2026-03-09T03:00:00.000Z', 'not-reached'),
        attempted('2026-03-10T03:00:00.000Z', 'not-reached'),
        attempted('2026-03-11T03:00:00.000Z', 'not-reached'),
      ])
      .when(attempt('2026-03-12T03:00:00.000Z', 'reached'))
      .thenThrows('CARE_TASK_CLOSED', { status: 'not-reached', closedAt: '2026-03-11T03:00:00.000Z' });
  });

  it('takes a late attempt dated before the closing (business time decides)', () => {
    // Reached on 10 March; an attempt of 9 March synced late is still taken: it was before the closing.
    spec
      .given([opened, attempted('2026-03-10T03:00:00.000Z', 'reached')])
      .when(attempt('2026-03-09T03:00:00.000Z', 'not-reached'))
      .then([attempted('2026-03-09T03:00:00.000Z', 'not-reached')]);
  });

  it('counts the callbacks recorded on the sale: reached there closes the task', () => {
    const reachedOnSale = {
      ...origin,
      recordAttempts: [{ at: '2026-03-08T02:00:00.000Z', outcome: 'reached' as const }],
    };
    spec
      .given([])
      .when(attempt('2026-03-09T03:00:00.000Z', 'declined', reachedOnSale))
      .thenThrows('CARE_TASK_CLOSED', { status: 'completed', closedAt: '2026-03-08T02:00:00.000Z' });
  });

  it('refuses anything dated before the fact the task follows', () => {
    spec
      .given([])
      .when(attempt('2026-03-01T02:00:00.000Z', 'reached'))
      .thenThrows('CARE_TASK_BEFORE_OPENING');
  });

  it('assigns and reassigns, refusing the same assignee again', () => {
    const assign = (now: string, assigneeId: string): CareTaskCommand => ({
      type: 'AssignCareTask',
      data: { taskId, origin, assigneeId, reason: 'desk rota' },
      metadata: { now, actor: manager },
    });
    const assigned: CareTaskEvent = {
      type: 'CareTaskAssigned',
      data: {
        taskId,
        dealerId: 'd-sh-01',
        assigneeId: 'cs-li',
        reason: 'desk rota',
        assignedBy: 'dm-zhou',
        assignedAt: '2026-03-03T01:00:00.000Z',
      },
    };
    spec
      .given([])
      .when(assign('2026-03-03T01:00:00.000Z', 'cs-li'))
      .then([{ ...opened }, assigned]);
    spec
      .given([opened, assigned])
      .when(assign('2026-03-04T01:00:00.000Z', 'cs-li'))
      .thenThrows('CARE_TASK_ASSIGNEE_UNCHANGED');
  });

  it('cancels an open task and then refuses work on it', () => {
    const cancel: CareTaskCommand = {
      type: 'CancelCareTask',
      data: { taskId, origin, reason: 'customer asked not to be called' },
      metadata: { now: '2026-03-05T02:00:00.000Z', actor: manager },
    };
    const cancelled: CareTaskEvent = {
      type: 'CareTaskCancelled',
      data: {
        taskId,
        dealerId: 'd-sh-01',
        reason: 'customer asked not to be called',
        cancelledBy: 'dm-zhou',
        cancelledAt: '2026-03-05T02:00:00.000Z',
      },
    };
    spec.given([]).when(cancel).then([opened, cancelled]);
    spec
      .given([opened, cancelled])
      .when(attempt('2026-03-06T02:00:00.000Z', 'reached'))
      .thenThrows('CARE_TASK_CLOSED', { status: 'cancelled' });
  });
});

describe('care task closure (the outcome in business-time order)', () => {
  const a = (at: string, outcome: AttemptOutcome, order: number) => ({ at, outcome, callerId: 'x', order });

  it('is the same whatever order the facts arrived in', () => {
    const facts = [
      a('2026-03-09T03:00:00.000Z', 'not-reached', 1),
      a('2026-03-10T03:00:00.000Z', 'not-reached', 2),
      a('2026-03-12T03:00:00.000Z', 'reached', 3),
      a('2026-03-11T03:00:00.000Z', 'not-reached', 4),
    ];
    // In business order: not reached on the 9th, 10th and 11th: closed as not reached on the 11th; the
    // call that reached the customer on the 12th changes nothing.
    const expected = { status: 'not-reached', closedAt: '2026-03-11T03:00:00.000Z', attempt: facts[3] };
    expect(careTaskClosure(facts, [])).toEqual(expected);
    expect(careTaskClosure([...facts].reverse(), [])).toEqual(expected);
  });

  it('reads only the facts up to asOf', () => {
    const facts = [
      a('2026-03-09T03:00:00.000Z', 'not-reached', 1),
      a('2026-03-12T03:00:00.000Z', 'booked', 2),
    ];
    expect(careTaskClosure(facts, [], '2026-03-11T00:00:00.000Z')).toEqual({
      status: 'open',
      closedAt: null,
      attempt: null,
    });
    expect(careTaskClosure(facts, [])).toEqual({
      status: 'completed',
      closedAt: '2026-03-12T03:00:00.000Z',
      attempt: facts[1],
    });
  });

  it('lets an attempt at the same instant as a cancellation come first', () => {
    const at = '2026-03-09T03:00:00.000Z';
    expect(careTaskClosure([a(at, 'reached', 2)], [{ at, order: 1 }])).toEqual({
      status: 'completed',
      closedAt: at,
      attempt: a(at, 'reached', 2),
    });
  });
});

describe('care task ids and due dates', () => {
  it('parses the kind and the record id', () => {
    expect(parseCareTaskId('3month-vs-1')).toEqual({ kind: '3month', recordId: 'vs-1' });
    expect(parseCareTaskId('service-ro-2026-1')).toEqual({ kind: 'service', recordId: 'ro-2026-1' });
    expect(parseCareTaskId('birthday-cu-1-2027')).toEqual({ kind: 'birthday', recordId: 'cu-1-2027' });
    expect(parseCareTaskId('anniversary-cu-1')).toBeNull();
    expect(parseCareTaskId('delivery-')).toBeNull();
  });

  it('adds calendar months in CST, the day clamped to the month end', () => {
    // 30 Nov 2026 20:00 CST (12:00 UTC) + 3 months = 28 Feb 2027 20:00 CST (2027 is not a leap year).
    expect(threeMonthCallDueAt('2026-11-30T12:00:00.000Z')).toBe('2027-02-28T12:00:00.000Z');
    // 31 Dec 2026 23:30 CST is 15:30 UTC the same day; + 3 months = 31 Mar 2027 23:30 CST.
    expect(threeMonthCallDueAt('2026-12-31T15:30:00.000Z')).toBe('2027-03-31T15:30:00.000Z');
    // 1 Jan 2027 01:00 CST is still 31 Dec UTC: the CST date (1 Jan) decides: 1 Apr 01:00 CST.
    expect(threeMonthCallDueAt('2026-12-31T17:00:00.000Z')).toBe('2027-03-31T17:00:00.000Z');
  });
});
