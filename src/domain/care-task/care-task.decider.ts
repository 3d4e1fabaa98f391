import type { Decider } from '../shared/event';
import {
  careTaskClosure,
  type OutcomeAssignment,
  type OutcomeAttempt,
  type OutcomeMark,
} from './care-task-outcome';
import type { CareTaskCommand } from './care-task.commands';
import { mayMessage } from '../care-consent/care-consent';
import { sendAtOutsideQuietHours } from './care-messages';
import {
  assigneeUnchanged,
  beforeOpening,
  careTaskClosed,
  linkWithoutBooking,
  messageOptedOut,
  messageToForgotten,
} from './care-task.errors';
import type { CareTaskEvent } from './care-task.events';
import { CARE_TASK_ROLE, type CareTaskOrigin } from './care-task.types';

/** The work done on a task through its own routes; its origin comes with every command. */
export type CareTaskState = Readonly<{
  opened: boolean;
  attempts: readonly OutcomeAttempt[];
  cancellations: readonly OutcomeMark[];
  assignments: readonly OutcomeAssignment[];
}>;

export const careTaskStreamId = (taskId: string): string => `caretask-${taskId}`;

const initialState = (): CareTaskState => ({
  opened: false,
  attempts: [],
  cancellations: [],
  assignments: [],
});

const evolve = (state: CareTaskState, event: CareTaskEvent): CareTaskState => {
  const order = state.attempts.length + state.cancellations.length + state.assignments.length;
  switch (event.type) {
    case 'CareTaskOpened':
      return { ...state, opened: true };
    case 'CareTaskAttemptRecorded': {
      const { attemptedAt: at, outcome, callerId, repairOrderId = null } = event.data;
      return { ...state, attempts: [...state.attempts, { at, outcome, callerId, order, repairOrderId }] };
    }
    case 'CareTaskAssigned':
      return {
        ...state,
        assignments: [
          ...state.assignments,
          { at: event.data.assignedAt, assigneeId: event.data.assigneeId, order },
        ],
      };
    case 'CareTaskCancelled':
      return { ...state, cancellations: [...state.cancellations, { at: event.data.cancelledAt, order }] };
    case 'CareTaskMessageQueued':
      return state;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};

/** The attempts on the record's own route come first at a tie: they were recorded there, not here. */
const allAttempts = (state: CareTaskState, origin: CareTaskOrigin): OutcomeAttempt[] => [
  ...origin.recordAttempts.map((attempt, index) => ({
    ...attempt,
    callerId: '',
    order: index - origin.recordAttempts.length,
  })),
  ...state.attempts,
];

/** A reminder made obsolete by a later fact of its vehicle is cancelled from then (before any attempt then). */
const allCancellations = (state: CareTaskState, origin: CareTaskOrigin): OutcomeMark[] =>
  origin.supersededAt
    ? [{ at: origin.supersededAt, order: -1 }, ...state.cancellations]
    : [...state.cancellations];

/** Refuses anything dated before the task's origin, or at or after the closing in business-time order. */
const refuseUnlessOpenAt = (
  taskId: string,
  state: CareTaskState,
  origin: CareTaskOrigin,
  now: string,
): void => {
  if (Date.parse(now) < Date.parse(origin.openedAt)) throw beforeOpening(taskId, origin.openedAt, now);
  const closure = careTaskClosure(allAttempts(state, origin), allCancellations(state, origin), now);
  if (closure.closedAt !== null) throw careTaskClosed(taskId, closure.status, closure.closedAt);
};

const opening = (taskId: string, state: CareTaskState, origin: CareTaskOrigin): CareTaskEvent[] =>
  state.opened
    ? []
    : [
        {
          type: 'CareTaskOpened',
          data: {
            taskId,
            dealerId: origin.dealerId,
            kind: origin.kind,
            recordId: origin.recordId,
            customerId: origin.customerId,
            role: CARE_TASK_ROLE[origin.kind],
            openedAt: origin.openedAt,
            dueAt: origin.dueAt,
          },
        },
      ];

const decide = (command: CareTaskCommand, state: CareTaskState): CareTaskEvent[] => {
  const { taskId, origin } = command.data;
  const { now, actor } = command.metadata;
  const dealerId = origin.dealerId;
  refuseUnlessOpenAt(taskId, state, origin, now);
  switch (command.type) {
    case 'RecordCareTaskAttempt': {
      const { outcome, repairOrderId } = command.data;
      if (repairOrderId !== undefined && outcome !== 'booked') throw linkWithoutBooking(taskId, outcome);
      return [
        ...opening(taskId, state, origin),
        {
          type: 'CareTaskAttemptRecorded',
          data: {
            taskId,
            dealerId,
            outcome: command.data.outcome,
            note: command.data.note ?? null,
            callerId: actor.userId,
            attemptedAt: now,
            ...(repairOrderId === undefined ? {} : { repairOrderId }),
          },
        },
      ];
    }
    case 'AssignCareTask': {
      const { assigneeId } = command.data;
      const current = [...state.assignments]
        .filter((assignment) => Date.parse(assignment.at) <= Date.parse(now))
        .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order)
        .pop();
      if (current?.assigneeId === assigneeId) throw assigneeUnchanged(taskId, assigneeId);
      return [
        ...opening(taskId, state, origin),
        {
          type: 'CareTaskAssigned',
          data: {
            taskId,
            dealerId,
            assigneeId,
            reason: command.data.reason ?? null,
            assignedBy: actor.userId,
            assignedAt: now,
          },
        },
      ];
    }
    case 'CancelCareTask':
      return [
        ...opening(taskId, state, origin),
        {
          type: 'CareTaskCancelled',
          data: {
            taskId,
            dealerId,
            reason: command.data.reason,
            cancelledBy: actor.userId,
            cancelledAt: now,
          },
        },
      ];
    case 'QueueCareTaskMessage': {
      const { channel, templateId, consents, forgottenAt } = command.data;
      if (forgottenAt !== null) throw messageToForgotten(taskId, origin.customerId, forgottenAt);
      if (!mayMessage(consents, channel, now)) throw messageOptedOut(taskId, origin.customerId, channel);
      return [
        ...opening(taskId, state, origin),
        {
          type: 'CareTaskMessageQueued',
          data: {
            taskId,
            dealerId,
            customerId: origin.customerId,
            channel,
            templateId,
            queuedBy: actor.userId,
            queuedAt: now,
            sendAt: sendAtOutsideQuietHours(now),
          },
        },
      ];
    }
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
};

/**
 * A care task (客户关怀 callback): the work on it — attempts, assignments, a cancellation — each dated at
 * its business time; what it came to is read from them in that order (care-task-outcome.ts).
 */
export const careTaskDecider: Decider<CareTaskState, CareTaskCommand, CareTaskEvent> = {
  decide,
  evolve,
  initialState,
};
