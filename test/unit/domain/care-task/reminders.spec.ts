import { callbackSuccess, type CallbackTaskFacts } from '../../../../src/domain/care-task/callback-success';
import type { CareTaskCommand } from '../../../../src/domain/care-task/care-task.commands';
import { careTaskDecider } from '../../../../src/domain/care-task/care-task.decider';
import type { CareTaskEvent } from '../../../../src/domain/care-task/care-task.events';
import {
  type AttemptOutcome,
  type CareTaskOrigin,
  parseCareTaskId,
} from '../../../../src/domain/care-task/care-task.types';
import { deciderSpecification } from '../../../support/decider-specification';

const spec = deciderSpecification(careTaskDecider);
const desk = { userId: 'cs-wang', role: 'customer-service', dealerId: 'd-sh-01' };
const vin = 'LSVAB4BR2NN123456';
const taskId = `insurance-${vin}-20270315`;
// Recorded 1 June 2026; expires 15 March 2027, so due 13 Feb 2027 00:00 CST; revised on 1 July 2026.
const origin: CareTaskOrigin = {
  kind: 'insurance',
  recordId: `${vin}-20270315`,
  dealerId: 'd-sh-01',
  customerId: 'cu-1',
  ownerId: null,
  openedAt: '2026-06-01T02:00:00.000Z',
  dueAt: '2027-02-12T16:00:00.000Z',
  recordAttempts: [],
  supersededAt: null,
};
const attempt = (
  now: string,
  outcome: AttemptOutcome,
  from: CareTaskOrigin = origin,
  repairOrderId?: string,
): CareTaskCommand => ({
  type: 'RecordCareTaskAttempt',
  data: { taskId, origin: from, outcome, repairOrderId },
  metadata: { now, actor: desk },
});
const opened: CareTaskEvent = {
  type: 'CareTaskOpened',
  data: {
    taskId,
    dealerId: 'd-sh-01',
    kind: 'insurance',
    recordId: `${vin}-20270315`,
    customerId: 'cu-1',
    role: 'customer-service',
    openedAt: origin.openedAt,
    dueAt: origin.dueAt,
  },
};

describe('reminder tasks', () => {
  it('parses the reminder ids: the kind, then the vehicle date or the repair order', () => {
    expect(parseCareTaskId(taskId)).toEqual({ kind: 'insurance', recordId: `${vin}-20270315` });
    expect(parseCareTaskId('maintenance-ro-2026-1')).toEqual({ kind: 'maintenance', recordId: 'ro-2026-1' });
  });

  it('a booked attempt names the repair order of the appointment it booked', () => {
    spec
      .given([])
      .when(attempt('2027-02-14T02:00:00.000Z', 'booked', origin, 'ro-60112'))
      .then([
        opened,
        {
          type: 'CareTaskAttemptRecorded',
          data: {
            taskId,
            dealerId: 'd-sh-01',
            outcome: 'booked',
            note: null,
            callerId: 'cs-wang',
            attemptedAt: '2027-02-14T02:00:00.000Z',
            repairOrderId: 'ro-60112',
          },
        },
      ]);
  });

  it('refuses a repair order on an attempt that did not book', () => {
    spec
      .given([])
      .when(attempt('2027-02-14T02:00:00.000Z', 'reached', origin, 'ro-60112'))
      .thenThrows('CARE_TASK_LINK_NOT_BOOKED', { outcome: 'reached' });
  });

  it('a superseded reminder is closed as cancelled from the revision, not before (business time)', () => {
    const superseded = { ...origin, supersededAt: '2026-07-01T02:00:00.000Z' };
    spec
      .given([])
      .when(attempt('2026-07-02T02:00:00.000Z', 'reached', superseded))
      .thenThrows('CARE_TASK_CLOSED', { status: 'cancelled', closedAt: '2026-07-01T02:00:00.000Z' });
    // A call of 20 June synced after the revision was made while the date was current: it is taken.
    spec
      .given([])
      .when(attempt('2026-06-20T02:00:00.000Z', 'reached', superseded))
      .then([
        opened,
        {
          type: 'CareTaskAttemptRecorded',
          data: {
            taskId,
            dealerId: 'd-sh-01',
            outcome: 'reached',
            note: null,
            callerId: 'cs-wang',
            attemptedAt: '2026-06-20T02:00:00.000Z',
          },
        },
      ]);
  });
});

describe('reminder figures (apart from the callbacks)', () => {
  const task = (
    kind: CallbackTaskFacts['kind'],
    dueAt: string,
    attempts: [string, AttemptOutcome][],
    cancellations: string[] = [],
  ): CallbackTaskFacts => ({
    dealerId: 'd-sh-01',
    kind,
    customerId: 'cu-1',
    dueAt,
    attempts: attempts.map(([at, outcome], order) => ({ at, outcome, callerId: 'cs-wang', order })),
    assignments: [],
    cancellations: cancellations.map((at, order) => ({ at, order })),
  });

  it('counts due, completed, booked and not reached per kind; a superseded one is not due', () => {
    const asOf = '2027-02-28T15:59:59.000Z';
    const [one] = callbackSuccess(
      [
        // insurance: booked (completed and booked), reached (completed), superseded before its due date.
        task('insurance', '2027-02-12T16:00:00.000Z', [['2027-02-14T02:00:00.000Z', 'booked']]),
        task('insurance', '2027-02-13T16:00:00.000Z', [['2027-02-15T02:00:00.000Z', 'reached']]),
        task('insurance', '2027-02-14T16:00:00.000Z', [], ['2027-01-05T02:00:00.000Z']),
        // inspection: three not-reached calls close it as not reached.
        task('inspection', '2027-02-01T16:00:00.000Z', [
          ['2027-02-02T02:00:00.000Z', 'not-reached'],
          ['2027-02-03T02:00:00.000Z', 'not-reached'],
          ['2027-02-04T02:00:00.000Z', 'not-reached'],
        ]),
        // maintenance: due, not worked yet: open.
        task('maintenance', '2027-02-20T02:00:00.000Z', []),
        // a callback: counted as a callback, not as a reminder.
        task('delivery', '2027-02-10T02:00:00.000Z', [['2027-02-10T03:00:00.000Z', 'reached']]),
      ],
      asOf,
    );
    // Reminders due: 2 insurance (the third is cancelled) + 1 inspection + 1 maintenance = 4;
    // completed 2 (booked 1), not reached 1, open 1; success 2 / 4 = 0.5.
    expect(one.reminders).toEqual({
      due: 4,
      completed: 2,
      booked: 1,
      notReached: 1,
      open: 1,
      successRate: 0.5,
      byKind: {
        insurance: { due: 2, completed: 2, booked: 1, notReached: 0, open: 0, successRate: 1 },
        inspection: { due: 1, completed: 0, booked: 0, notReached: 1, open: 0, successRate: 0 },
        maintenance: { due: 1, completed: 0, booked: 0, notReached: 0, open: 1, successRate: 0 },
        // No member in the scenario: no points-expiry task.
        pointsexpiry: { due: 0, completed: 0, booked: 0, notReached: 0, open: 0, successRate: null },
        lapsewarning: { due: 0, completed: 0, booked: 0, notReached: 0, open: 0, successRate: null },
        birthday: { due: 0, completed: 0, booked: 0, notReached: 0, open: 0, successRate: null },
      },
    });
    // The callbacks are the delivery call alone: 1 due, 1 completed.
    expect(one).toMatchObject({ due: 1, completed: 1, successRate: 1 });
    expect(one.followUps.due).toBe(0);
  });
});
