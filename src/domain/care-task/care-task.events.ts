import type { Event } from '../shared/event';
import type { MessageChannel } from '../care-consent/care-consent';
import type { AttemptOutcome, CareTaskKind } from './care-task.types';

type Id = { taskId: string; dealerId: string };

/** The first time a task is worked, its origin is written down as its record told it. */
export type CareTaskOpened = Event<
  'CareTaskOpened',
  Id & {
    kind: CareTaskKind;
    recordId: string;
    customerId: string;
    role: string;
    openedAt: string;
    dueAt: string;
  }
>;

/**
 * One call (or message) to the customer, and what it came to. A `booked` attempt may name the repair order
 * of the appointment it booked (absent on attempts recorded before reminders existed, and when none).
 */
export type CareTaskAttemptRecorded = Event<
  'CareTaskAttemptRecorded',
  Id & {
    outcome: AttemptOutcome;
    note: string | null;
    callerId: string;
    attemptedAt: string;
    repairOrderId?: string;
  }
>;

/** A manager gives the task to a caller; the latest assignment counts. */
export type CareTaskAssigned = Event<
  'CareTaskAssigned',
  Id & { assigneeId: string; reason: string | null; assignedBy: string; assignedAt: string }
>;

/** The task is not due any more (the customer asked not to be called, the vehicle was sold on). */
export type CareTaskCancelled = Event<
  'CareTaskCancelled',
  Id & { reason: string; cancelledBy: string; cancelledAt: string }
>;

/**
 * A message to the customer was queued for the outbox: to be sent at `sendAt` (08:00 CST when queued in
 * the quiet hours). It names the customer, never a phone or an account: the gateway resolves the address.
 */
export type CareTaskMessageQueued = Event<
  'CareTaskMessageQueued',
  Id & {
    customerId: string;
    channel: MessageChannel;
    templateId: string;
    queuedBy: string;
    queuedAt: string;
    sendAt: string;
  }
>;

export type CareTaskEvent =
  CareTaskOpened | CareTaskAttemptRecorded | CareTaskAssigned | CareTaskCancelled | CareTaskMessageQueued;

export const CARE_TASK_EVENT_TYPES = {
  CareTaskOpened: 1,
  CareTaskAttemptRecorded: 1,
  CareTaskAssigned: 1,
  CareTaskCancelled: 1,
  CareTaskMessageQueued: 1,
} as const satisfies Record<CareTaskEvent['type'], number>;
