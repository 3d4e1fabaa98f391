import type { ConsentFact, MessageChannel } from '../care-consent/care-consent';
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

/**
 * A reminder message to the customer, through the outbox: the application adds the customer's consent
 * facts and when they were forgotten (null: never), read from their streams, never from the request.
 */
export type QueueCareTaskMessage = Command<
  'QueueCareTaskMessage',
  Id & {
    channel: MessageChannel;
    templateId: string;
    consents: readonly ConsentFact[];
    forgottenAt: string | null;
  }
>;

export type CareTaskCommand = RecordCareTaskAttempt | AssignCareTask | CancelCareTask | QueueCareTaskMessage;
