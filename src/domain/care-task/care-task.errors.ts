import { DomainError } from '../shared/domain-error';
import type { CareTaskStatus } from './care-task.types';

export class CareTaskNotFound extends DomainError {
  constructor(taskId: string, why: string) {
    super('CARE_TASK_NOT_FOUND', 'not-found', `care task ${taskId} does not exist: ${why}`, { taskId });
  }
}

/** A step the task's state forbids (422); the code says which rule. */
export class CareTaskRuleViolated extends DomainError {
  constructor(code: string, taskId: string, message: string, details: Record<string, unknown> = {}) {
    super(code, 'forbidden-transition', `care task ${taskId} ${message}`, { taskId, ...details });
  }
}

export const careTaskClosed = (taskId: string, status: CareTaskStatus, closedAt: string) =>
  new CareTaskRuleViolated(
    'CARE_TASK_CLOSED',
    taskId,
    `was closed as ${status} at ${closedAt}: nothing dated after that changes it`,
    { status, closedAt },
  );

export const beforeOpening = (taskId: string, openedAt: string, at: string) =>
  new CareTaskRuleViolated(
    'CARE_TASK_BEFORE_OPENING',
    taskId,
    `follows a fact of ${openedAt}: nothing can be recorded on it at ${at}, before that`,
    { openedAt, at },
  );

export const assigneeUnchanged = (taskId: string, assigneeId: string) =>
  new CareTaskRuleViolated('CARE_TASK_ASSIGNEE_UNCHANGED', taskId, `is assigned to ${assigneeId} already`, {
    assigneeId,
  });

/** The id names no task, or its record has not reached the fact the task follows. */
export const careTaskOriginMissing = (taskId: string, why: string) => new CareTaskNotFound(taskId, why);

export const linkWithoutBooking = (taskId: string, outcome: string) =>
  new CareTaskRuleViolated(
    'CARE_TASK_LINK_NOT_BOOKED',
    taskId,
    `can link a repair order only to a booked attempt, not to a ${outcome} one: send outcome booked`,
    { outcome },
  );

export const linkUnknown = (taskId: string, repairOrderId: string, why: string) =>
  new CareTaskRuleViolated(
    'CARE_TASK_LINK_UNKNOWN',
    taskId,
    `cannot link repair order ${repairOrderId}: ${why}`,
    { repairOrderId },
  );

export const messageOptedOut = (taskId: string, customerId: string, channel: string) =>
  new CareTaskRuleViolated(
    'CARE_MESSAGE_OPTED_OUT',
    taskId,
    `cannot message customer ${customerId} by ${channel}: they opted out of care messages on it; call instead`,
    { customerId, channel },
  );

export const messageToForgotten = (taskId: string, customerId: string, forgottenAt: string) =>
  new CareTaskRuleViolated(
    'CARE_MESSAGE_CUSTOMER_FORGOTTEN',
    taskId,
    `cannot message customer ${customerId}: they were forgotten at ${forgottenAt} (docs/privacy.md)`,
    { customerId, forgottenAt },
  );
