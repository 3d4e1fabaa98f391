import type { Command } from '../shared/event';
import type { AttemptOutcome, CareTaskOrigin } from './care-task.types';

/** Every command names the task and carries its origin as the record says it (the application reads it). */
type Id = { taskId: string; origin: CareTaskOrigin };

export type RecordCareTaskAttempt = Command<
  'RecordCareTaskAttempt',
  Id & { outcome: AttemptOutcome; note?: string; repairOrderId?: string }
>;
export type AssignCareTask = Command<'AssignCareTask', Id & { assigneeId: string; reason?: string }>;
export type CancelCareTask = Command<'CancelCareTask', Id & { reason: string }>;

export type CareTaskCommand = RecordCareTaskAttempt | AssignCareTask | CancelCareTask;
