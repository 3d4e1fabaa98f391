import {
  careTaskCaller,
  careTaskClosure,
  type OutcomeAttempt,
} from '../../domain/care-task/care-task-outcome';
import type { CareTaskEvent } from '../../domain/care-task/care-task.events';
import type { ReminderDue } from '../../domain/care-task/care-reminders';
import type { CareVehicleEvent } from '../../domain/care-vehicle/care-vehicle.events';
import { complaintCallbackRecordId } from '../../domain/care-task/complaint-callbacks';
import type {
  ComplaintCallbackRecorded,
  ComplaintReopened,
  ComplaintResolved,
} from '../../domain/complaint/complaint.events';
import {
  foldLapseWarning,
  type LapseWarningFacts,
  lapseWarningRecordIdsOf,
  lapseWarningReminder,
  noLapseWarningFacts,
  parseLapseWarningRecordId,
} from '../../domain/care-task/lapse-warnings';
import {
  type BirthdayReminderEvent,
  type BirthdayReminderFacts,
  birthdayReminder,
  birthdayRecordId,
  birthdayYearsOf,
  foldBirthdayReminder,
  noBirthdayReminderFacts,
  parseBirthdayRecordId,
} from '../../domain/care-task/birthday-reminders';
import {
  foldPointsExpiry,
  noPointsExpiryFacts,
  parsePointsExpiryRecordId,
  pointsExpiryMonthsOf,
  pointsExpiryRecordId,
  pointsExpiryReminder,
  type PointsExpiryFacts,
} from '../../domain/care-task/member-reminders';
import type {
  MembershipCancelled,
  MembershipDecisionsWithdrawn,
  MembershipEnrolled,
  MembershipLapsed,
  MembershipReEnrolled,
  PointsAdjusted,
  PointsEarned,
  PointsExpired,
  PointsRedeemed,
} from '../../domain/membership/membership.events';
import {
  type AttemptOutcome,
  CARE_TASK_ROLE,
  type CareTaskKind,
  careTaskId,
  type CareTaskStatus,
  dueMonthOf,
  FOLLOW_UP_WITHIN_HOURS,
  parseCareTaskId,
  type VehicleReminderKind,
  threeMonthCallDueAt,
} from '../../domain/care-task/care-task.types';
import type { CsiSurveyRecorded, RepairOrderSettled } from '../../domain/repair-order/repair-order.events';
import type {
  DeliveryCallbackRecorded,
  VehicleDelivered,
} from '../../domain/vehicle-sale/vehicle-sale.events';
import { addHours } from '../../domain/shared/time';
import { isDissatisfied } from '../../domain/shared/unhappy-reasons';
import type { Envelope, ProjectionDefinition } from '../shared/projection';

type Handled =
  | CareTaskEvent
  | CareVehicleEvent
  | VehicleDelivered
  | DeliveryCallbackRecorded
  | RepairOrderSettled
  | CsiSurveyRecorded
  | ComplaintResolved
  | ComplaintCallbackRecorded
  | ComplaintReopened
  | MemberReminderEvent
  | BirthdayReminderEvent;

const BIRTHDAY_REMINDER_EVENTS = [
  'MemberBirthdayReminderDue',
  'MemberBirthdayRemindersEnded',
  'CustomerForgotten',
] as const satisfies readonly BirthdayReminderEvent['type'][];

/** The membership's events a member reminder follows. */
type MemberReminderEvent =
  | MembershipEnrolled
  | MembershipReEnrolled
  | PointsEarned
  | PointsRedeemed
  | PointsAdjusted
  | PointsExpired
  | MembershipLapsed
  | MembershipCancelled
  | MembershipDecisionsWithdrawn;
const MEMBER_REMINDER_EVENTS = [
  'MembershipEnrolled',
  'MembershipReEnrolled',
  'PointsEarned',
  'PointsRedeemed',
  'PointsAdjusted',
  'PointsExpired',
  'MembershipLapsed',
  'MembershipCancelled',
  'MembershipDecisionsWithdrawn',
] as const satisfies readonly MemberReminderEvent['type'][];
const isMemberReminderEvent = (event: Envelope<Handled>): event is Envelope<MemberReminderEvent> =>
  (MEMBER_REMINDER_EVENTS as readonly string[]).includes(event.type);

export type CareTaskAttemptEntry = {
  at: string;
  outcome: AttemptOutcome;
  callerId: string;
  note: string | null;
  /** `record`: the callback recorded on the sale or the repair order (with its survey); `task`: on the task. */
  via: 'task' | 'record';
  position: number;
  /** The repair order a booked attempt names (the appointment it booked); null otherwise. */
  repairOrderId: string | null;
};
export type CareTaskAssignmentEntry = {
  at: string;
  assigneeId: string;
  assignedBy: string;
  reason: string | null;
  position: number;
};
/** A message queued for the outbox; no address, only the channel and template. */
export type CareTaskMessageEntry = {
  at: string;
  channel: string;
  templateId: string;
  queuedBy: string;
  /** 08:00 CST after the quiet hours when queued between 21:00 and 08:00. */
  sendAt: string;
  position: number;
};
export type CareTaskCancellationEntry = { at: string; reason: string; cancelledBy: string; position: number };

/**
 * One care task: created by the fact it follows (a delivery, a settlement), worked by attempts on its own
 * route or on its record's. `status`, `closedAt` and `callerId` are what all the facts known come to in
 * business-time order (care-task-outcome.ts); a report "as of" an instant reads the lists again.
 */
export type CareTaskDoc = {
  taskId: string;
  kind: CareTaskKind;
  recordId: string;
  dealerId: string;
  customerId: string | null;
  role: string;
  openedAt: string | null;
  dueAt: string | null;
  /** CST month of the due date: the month the success rate counts the task in. */
  dueMonth: string | null;
  attempts: CareTaskAttemptEntry[];
  assignments: CareTaskAssignmentEntry[];
  cancellations: CareTaskCancellationEntry[];
  messages: CareTaskMessageEntry[];
  status: CareTaskStatus;
  closedAt: string | null;
  callerId: string | null;
  /** A reminder's vehicle; null for the other tasks. */
  vin: string | null;
  /** When a later fact of the vehicle made the reminder obsolete (a revised date, the next settlement). */
  supersededAt: string | null;
  /**
   * A points-expiry reminder's facts: the membership's lots of the CST month and what was drawn on them
   * (`member-reminders.ts`); null for the other tasks.
   */
  pointsExpiry?: PointsExpiryFacts | null;
  /**
   * A lapse warning's facts: the membership's clocks lapsing on its CST day and the facts that ended them
   * (`lapse-warnings.ts`); null for the other tasks.
   */
  lapseWarning?: LapseWarningFacts | null;
  /**
   * A birthday reminder's facts: the clock's note of its year, the cancellations that ended it and the
   * customer's forgetting (`birthday-reminders.ts`); null for the other tasks.
   */
  birthday?: BirthdayReminderFacts | null;
  /** The repair order the booked attempt that completed the task names: what the reminder led to. */
  repairOrderId: string | null;
  /** The task's own stream revision (its ETag); -1 while nobody has worked it. */
  revision: number;
  updatedAt: string;
};

/** Record attempts sort before task attempts of the same instant, as the decider orders them. */
const RECORD_FIRST = 2 ** 40;

export const outcomeAttempts = (doc: Pick<CareTaskDoc, 'attempts'>): OutcomeAttempt[] =>
  doc.attempts.map((attempt) => ({
    at: attempt.at,
    outcome: attempt.outcome,
    callerId: attempt.callerId,
    order: attempt.via === 'record' ? attempt.position - RECORD_FIRST : attempt.position,
    repairOrderId: attempt.repairOrderId ?? null,
  }));

/** The cancellations, and a reminder's supersession first among the facts of its instant. */
export const outcomeCancellations = (
  doc: Pick<CareTaskDoc, 'cancellations' | 'supersededAt'>,
): { at: string; order: number }[] => [
  ...(doc.supersededAt ? [{ at: doc.supersededAt, order: -RECORD_FIRST }] : []),
  ...doc.cancellations.map(({ at, position }) => ({ at, order: position })),
];

const blank = (taskId: string, dealerId: string): CareTaskDoc => {
  const parsed = parseCareTaskId(taskId);
  const kind = parsed?.kind ?? 'delivery';
  return {
    taskId,
    kind,
    recordId: parsed?.recordId ?? taskId,
    dealerId,
    customerId: null,
    role: CARE_TASK_ROLE[kind],
    openedAt: null,
    dueAt: null,
    dueMonth: null,
    attempts: [],
    assignments: [],
    cancellations: [],
    messages: [],
    status: 'open',
    closedAt: null,
    callerId: null,
    vin: null,
    supersededAt: null,
    pointsExpiry: null,
    lapseWarning: null,
    birthday: null,
    repairOrderId: null,
    revision: -1,
    updatedAt: '',
  };
};

/** A vehicle event restates its reminders as the vehicle's facts now decide them: the latest wins. */
const reminded = (doc: CareTaskDoc, vin: string, reminders: readonly ReminderDue[]): CareTaskDoc => {
  const reminder = reminders.find((one) => one.recordId === doc.recordId);
  if (!reminder) return doc;
  return {
    ...origin(doc, reminder.customerId, reminder.openedAt, reminder.dueAt),
    dealerId: reminder.dealerId,
    vin,
    supersededAt: reminder.supersededAt,
  };
};

/**
 * A membership event folded into the month's points-expiry facts; the reminder is read again from them, so
 * what the task comes to is the facts' (the order they are folded in does not matter).
 */
const pointsExpiryReminded = (doc: CareTaskDoc, event: Envelope<MemberReminderEvent>): CareTaskDoc => {
  const parsed = parsePointsExpiryRecordId(doc.recordId);
  if (parsed === null) return doc;
  const facts = foldPointsExpiry(
    doc.pointsExpiry ?? noPointsExpiryFacts(parsed.customerId, parsed.month),
    event as MemberReminderEvent,
  );
  const reminder = pointsExpiryReminder(facts);
  const next = { ...doc, pointsExpiry: facts, dealerId: facts.homeDealerId || doc.dealerId };
  if (!reminder) return next;
  return {
    ...origin(next, reminder.customerId, reminder.openedAt, reminder.dueAt),
    supersededAt: reminder.supersededAt,
  };
};

/**
 * A membership event folded into the lapse day's facts (the clocks it starts or ends there, as the event
 * restates them); the warning is read again from them, whatever order they were folded in.
 */
const lapseWarningReminded = (doc: CareTaskDoc, event: Envelope<MemberReminderEvent>): CareTaskDoc => {
  const parsed = parseLapseWarningRecordId(doc.recordId);
  if (parsed === null) return doc;
  const facts = foldLapseWarning(
    doc.lapseWarning ?? noLapseWarningFacts(parsed.customerId, parsed.day),
    event as MemberReminderEvent,
  );
  const reminder = lapseWarningReminder(facts);
  const next = { ...doc, lapseWarning: facts, dealerId: facts.homeDealerId || doc.dealerId };
  if (!reminder) return next;
  return {
    ...origin(next, reminder.customerId, reminder.openedAt, reminder.dueAt),
    supersededAt: reminder.supersededAt,
  };
};

/**
 * A birthday reminder's fact (the clock's note, a cancellation that ended it, the forgetting) folded into its
 * facts; the task is read again from them, whatever order they came in. A document that only a forgetting
 * or a cancellation reached has no due date: it is no task (the lists and reports skip it).
 */
const birthdayReminded = (doc: CareTaskDoc, event: Envelope<BirthdayReminderEvent>): CareTaskDoc => {
  const parsed = parseBirthdayRecordId(doc.recordId);
  if (parsed === null) return doc;
  const facts = foldBirthdayReminder(
    doc.birthday ?? noBirthdayReminderFacts(parsed.customerId, parsed.year),
    event as BirthdayReminderEvent,
  );
  const reminder = birthdayReminder(facts);
  const next = { ...doc, birthday: facts, dealerId: facts.homeDealerId || doc.dealerId };
  if (!reminder) return { ...next, supersededAt: null };
  return {
    ...origin(next, reminder.customerId, reminder.openedAt, reminder.dueAt),
    supersededAt: reminder.supersededAt,
  };
};

const REMINDER_EVENT_KIND: Readonly<Record<CareVehicleEvent['type'], VehicleReminderKind>> = {
  VehicleInsuranceExpiryRecorded: 'insurance',
  VehicleInspectionDueRecorded: 'inspection',
  VehicleServiceRecorded: 'maintenance',
};

const origin = (
  doc: CareTaskDoc,
  customerId: string | null,
  openedAt: string,
  dueAt: string,
): CareTaskDoc => ({
  ...doc,
  customerId: customerId ?? doc.customerId,
  openedAt,
  dueAt,
  dueMonth: dueMonthOf(dueAt),
});

const withAttempt = (doc: CareTaskDoc, attempt: CareTaskAttemptEntry): CareTaskDoc =>
  doc.attempts.some((known) => known.position === attempt.position)
    ? doc
    : { ...doc, attempts: [...doc.attempts, attempt] };

/** A dissatisfied survey's follow-up: due within 48 hours of the survey. */
const followUp = (doc: CareTaskDoc, customerId: string | undefined, surveyedAt: string): CareTaskDoc =>
  origin(doc, customerId ?? null, surveyedAt, addHours(surveyedAt, FOLLOW_UP_WITHIN_HOURS));

const recorded = (doc: CareTaskDoc, event: Envelope<Handled>): CareTaskDoc => {
  const position = event.globalPosition;
  const caller = event.metadata.actor.userId;
  switch (event.type) {
    case 'VehicleDelivered': {
      const { customerId, deliveredAt, callbackDueAt } = event.data;
      return doc.kind === '3month'
        ? origin(doc, customerId, deliveredAt, threeMonthCallDueAt(deliveredAt))
        : origin(doc, customerId, deliveredAt, callbackDueAt);
    }
    case 'RepairOrderSettled':
      return origin(doc, event.data.customerId, event.data.settledAt, event.data.callbackDueAt);
    case 'DeliveryCallbackRecorded': {
      if (doc.kind === 'salesfollowup') return followUp(doc, event.data.customerId, event.data.calledAt);
      const outcome = event.data.reached ? 'reached' : 'not-reached';
      return withAttempt(doc, {
        at: event.data.calledAt,
        outcome,
        callerId: caller,
        note: null,
        via: 'record',
        position,
        repairOrderId: null,
      });
    }
    case 'CsiSurveyRecorded':
      if (doc.kind === 'servicefollowup') return followUp(doc, event.data.customerId, event.data.surveyedAt);
      return withAttempt(doc, {
        at: event.data.surveyedAt,
        outcome: 'reached',
        callerId: caller,
        note: null,
        via: 'record',
        position,
        repairOrderId: null,
      });
    case 'ComplaintResolved': {
      const { dealerId, customerId, resolvedAt, callbackBy } = event.data;
      return { ...origin(doc, customerId, resolvedAt, callbackBy), dealerId };
    }
    case 'ComplaintCallbackRecorded':
      return withAttempt(doc, {
        at: event.data.calledAt,
        outcome: event.data.reached ? 'reached' : 'not-reached',
        callerId: caller,
        note: null,
        via: 'record',
        position,
        repairOrderId: null,
      });
    case 'ComplaintReopened':
      // The resolution it called back on no longer holds: not due from the reopening (the first one).
      return { ...doc, supersededAt: doc.supersededAt ?? event.data.reopenedAt };
    case 'CareTaskOpened': {
      const { customerId, openedAt, dueAt, role } = event.data;
      return { ...origin(doc, customerId, openedAt, dueAt), role };
    }
    case 'CareTaskAttemptRecorded': {
      const { attemptedAt, outcome, callerId, note, repairOrderId = null } = event.data;
      return withAttempt(doc, {
        at: attemptedAt,
        outcome,
        callerId,
        note,
        via: 'task',
        position,
        repairOrderId,
      });
    }
    case 'CareTaskAssigned': {
      const { assignedAt, assigneeId, assignedBy, reason } = event.data;
      return {
        ...doc,
        assignments: [...doc.assignments, { at: assignedAt, assigneeId, assignedBy, reason, position }],
      };
    }
    case 'CareTaskCancelled': {
      const { cancelledAt, reason, cancelledBy } = event.data;
      return {
        ...doc,
        cancellations: [...doc.cancellations, { at: cancelledAt, reason, cancelledBy, position }],
      };
    }
    case 'CareTaskMessageQueued': {
      const { queuedAt, channel, templateId, queuedBy, sendAt } = event.data;
      const messages = doc.messages ?? [];
      return messages.some((known) => known.position === position)
        ? doc
        : {
            ...doc,
            messages: [...messages, { at: queuedAt, channel, templateId, queuedBy, sendAt, position }],
          };
    }
    case 'VehicleInsuranceExpiryRecorded':
    case 'VehicleInspectionDueRecorded':
    case 'VehicleServiceRecorded':
      return reminded(doc, event.data.vin, event.data.reminders);
    case 'MembershipEnrolled':
    case 'MembershipReEnrolled':
    case 'PointsEarned':
    case 'PointsRedeemed':
    case 'PointsAdjusted':
    case 'PointsExpired':
    case 'MembershipLapsed':
    case 'MembershipCancelled':
    case 'MembershipDecisionsWithdrawn':
      return doc.kind === 'lapsewarning'
        ? lapseWarningReminded(doc, event)
        : pointsExpiryReminded(doc, event);
    case 'MemberBirthdayReminderDue':
    case 'MemberBirthdayRemindersEnded':
    case 'CustomerForgotten':
      return birthdayReminded(doc, event);
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
};

const isTaskEvent = (event: Envelope<Handled>): event is Envelope<CareTaskEvent> =>
  event.type.startsWith('CareTask');

const taskIdsOf = (event: Envelope<Handled>): string[] => {
  switch (event.type) {
    case 'VehicleDelivered':
      return [careTaskId('delivery', event.data.saleId), careTaskId('3month', event.data.saleId)];
    case 'DeliveryCallbackRecorded': {
      const { saleId, survey } = event.data;
      return survey && isDissatisfied(survey.answers)
        ? [careTaskId('delivery', saleId), careTaskId('salesfollowup', saleId)]
        : [careTaskId('delivery', saleId)];
    }
    case 'RepairOrderSettled':
      return [careTaskId('service', event.data.repairOrderId)];
    case 'CsiSurveyRecorded': {
      const { repairOrderId, answers } = event.data;
      return isDissatisfied(answers)
        ? [careTaskId('service', repairOrderId), careTaskId('servicefollowup', repairOrderId)]
        : [careTaskId('service', repairOrderId)];
    }
    case 'ComplaintResolved':
    case 'ComplaintCallbackRecorded': {
      const { complaintId, callbackBy } = event.data;
      return [careTaskId('complaint', complaintCallbackRecordId(complaintId, callbackBy))];
    }
    case 'ComplaintReopened': {
      const { complaintId, endsCallbackBy } = event.data;
      return endsCallbackBy
        ? [careTaskId('complaint', complaintCallbackRecordId(complaintId, endsCallbackBy))]
        : [];
    }
    case 'VehicleInsuranceExpiryRecorded':
    case 'VehicleInspectionDueRecorded':
    case 'VehicleServiceRecorded': {
      const kind = REMINDER_EVENT_KIND[event.type];
      return event.data.reminders.map((reminder) => careTaskId(kind, reminder.recordId));
    }
    case 'MemberBirthdayReminderDue':
    case 'MemberBirthdayRemindersEnded':
    case 'CustomerForgotten':
      return birthdayYearsOf(event as BirthdayReminderEvent).map((year) =>
        careTaskId('birthday', birthdayRecordId(event.data.customerId, year)),
      );
    default:
      if (isMemberReminderEvent(event)) {
        const member = event as MemberReminderEvent;
        return [
          ...pointsExpiryMonthsOf(member).map((month) =>
            careTaskId('pointsexpiry', pointsExpiryRecordId(event.data.customerId, month)),
          ),
          ...lapseWarningRecordIdsOf(member).map((recordId) => careTaskId('lapsewarning', recordId)),
        ];
      }
      return [event.data.taskId];
  }
};

/**
 * The care tasks (客户关怀 callbacks and reminders): `GET /care/tasks`, the callback success rate and the
 * reminder figures, the DDC's callback figure. A task's document exists from the fact it follows, before
 * anyone works it; a reminder's from its vehicle's event, which restates the reminders it changes; a
 * points-expiry reminder's from the membership's events on the lots of its month; a lapse warning's from
 * the membership's events that restate the lapse clock they start or end; a complaint's closing callback
 * from its resolution, worked by the callbacks recorded on the complaint.
 */
export const careTasksProjection: ProjectionDefinition<Handled, CareTaskDoc> = {
  name: 'care-tasks',
  // 4: lapse warnings (`lapsewarning`), from the membership events that restate their lapse clock, and
  // the complaints' closing callbacks.
  // 5: birthday reminders (`birthday`), from the clock's note, the cancellations that end it, the forgetting.
  version: 5,
  collection: 'care_tasks',
  indexes: [
    ['dealerId', 'status', 'dueAt'],
    ['dealerId', 'dueMonth'],
    ['dueMonth'],
    ['customerId'],
    ['status', 'dueAt'],
  ],
  handles: [
    'VehicleDelivered',
    'DeliveryCallbackRecorded',
    'RepairOrderSettled',
    'CsiSurveyRecorded',
    'ComplaintResolved',
    'ComplaintCallbackRecorded',
    'ComplaintReopened',
    'CareTaskOpened',
    'CareTaskAttemptRecorded',
    'CareTaskAssigned',
    'CareTaskCancelled',
    'CareTaskMessageQueued',
    'VehicleInsuranceExpiryRecorded',
    'VehicleInspectionDueRecorded',
    'VehicleServiceRecorded',
    ...MEMBER_REMINDER_EVENTS,
    ...BIRTHDAY_REMINDER_EVENTS,
  ],
  documentIds: taskIdsOf,
  apply: (doc, event, id) => {
    // A complaint's callback or reopening names no dealer: its resolution, earlier in its stream, did.
    const { data } = event;
    const dealerId = 'homeDealerId' in data ? data.homeDealerId : 'dealerId' in data ? data.dealerId : '';
    const next = recorded(doc ?? blank(id, dealerId), event);
    const closure = careTaskClosure(outcomeAttempts(next), outcomeCancellations(next));
    return {
      ...next,
      status: closure.status,
      closedAt: closure.closedAt,
      repairOrderId: closure.attempt?.outcome === 'booked' ? (closure.attempt.repairOrderId ?? null) : null,
      callerId: careTaskCaller(
        next.assignments.map(({ at, assigneeId, position }) => ({ at, assigneeId, order: position })),
        outcomeAttempts(next),
      ),
      revision: isTaskEvent(event) ? event.revision : next.revision,
      updatedAt: event.occurredAt,
    };
  },
};
