import type {
  CallbackSuccessReport,
  CareTaskView,
  ReasonCount,
  UnhappyReasonsMonth,
  UnhappyReasonsReport,
} from '../../../application/care-task/care-task.queries';
import type { SurveyKind } from '../../../domain/shared/unhappy-reasons';
import type {
  CallerSuccess,
  DealerCallbackSuccess,
  ReminderFigures,
  ReminderSuccess,
  SuccessFigures,
} from '../../../domain/care-task/callback-success';
import type { AttemptOutcome, CareTaskKind, CareTaskStatus } from '../../../domain/care-task/care-task.types';
import type {
  CareTaskAssignmentEntry,
  CareTaskAttemptEntry,
  CareTaskCancellationEntry,
  CareTaskMessageEntry,
} from '../../../projections/care-tasks/care-tasks.projection';
import type { MessageChannel } from '../../../domain/care-consent/care-consent';
import type { OutboundMessage, OutboxStatus } from '../../../application/ports/outbound-message.port';
import { PageOf } from '../shared/page.responses';

export class CareTaskAttemptView implements CareTaskAttemptEntry {
  /** @example 2026-03-09T03:00:00.000Z */
  at!: string;
  /** @example not-reached */
  outcome!: AttemptOutcome;
  /** Who called. @example cs-wang */
  callerId!: string;
  /** @example no answer, try after 18:00 */
  note!: string | null;
  /** `record`: the callback recorded on the sale or repair order (with its survey); `task`: on this task. @example task */
  via!: 'task' | 'record';
  /** Store position of the fact: orders facts of the same instant. @example 812 */
  position!: number;
  /** The repair order of the appointment a `booked` attempt booked; null otherwise. @example ro-60112 */
  repairOrderId!: string | null;
}

export class CareTaskAssignmentView implements CareTaskAssignmentEntry {
  /** @example 2026-03-03T01:00:00.000Z */
  at!: string;
  /** @example cs-li */
  assigneeId!: string;
  /** @example dm-zhou */
  assignedBy!: string;
  /** @example desk rota */
  reason!: string | null;
  /** @example 640 */
  position!: number;
}

export class CareTaskCancellationView implements CareTaskCancellationEntry {
  /** @example 2026-03-05T02:00:00.000Z */
  at!: string;
  /** @example customer asked not to be called */
  reason!: string;
  /** @example dm-zhou */
  cancelledBy!: string;
  /** @example 700 */
  position!: number;
}

export class CareTaskMessageView implements CareTaskMessageEntry {
  /** When it was queued. @example 2026-03-16T14:30:00.000Z */
  at!: string;
  /** @example sms */
  channel!: string;
  /** @example insurance-renewal-1 */
  templateId!: string;
  /** @example cs-wang */
  queuedBy!: string;
  /** When it may go out: 08:00 CST after the quiet hours (21:00–08:00) when queued in them. @example 2026-03-17T00:00:00.000Z */
  sendAt!: string;
  /** @example 930 */
  position!: number;
}

export class CareTaskResponse implements CareTaskView {
  /** `<kind>-<record id>`. @example delivery-vs-88121 */
  taskId!: string;
  /** `delivery`: 7 days after delivery (SSI); `service`: 3 days after settlement (CSI); `3month`: 3 months after delivery; the follow-ups; the reminders `insurance`, `inspection`, `maintenance`; the member reminders `pointsexpiry`, `lapsewarning`, `birthday`. @example delivery */
  kind!: CareTaskKind;
  /** The vehicle sale or repair order it follows; a date reminder's `<vin>-<YYYYMMDD>`. @example vs-88121 */
  recordId!: string;
  /** @example d-sh-01 */
  dealerId!: string;
  /** @example cu-20931 */
  customerId!: string | null;
  /** The desk whose work it is. @example customer-service */
  role!: string;
  /** When the fact it follows happened. @example 2026-03-02T02:00:00.000Z */
  openedAt!: string | null;
  /** @example 2026-03-09T02:00:00.000Z */
  dueAt!: string | null;
  /** CST month of the due date: the month the success rate counts it in. @example 2026-03 */
  dueMonth!: string | null;
  /** Every attempt, on this task's route and on its record's, in the order recorded. */
  attempts!: CareTaskAttemptView[];
  assignments!: CareTaskAssignmentView[];
  cancellations!: CareTaskCancellationView[];
  /** The messages queued to the customer for the outbox (`GET /care/outbox`). */
  messages!: CareTaskMessageView[];
  /** What the facts come to in business-time order. @example open */
  status!: CareTaskStatus;
  /** @example null */
  closedAt!: string | null;
  /** The caller it counts for: the latest assignee, else who made the first attempt. @example cs-wang */
  callerId!: string | null;
  /** A reminder's vehicle; null for callbacks and follow-ups. @example LSVAB4BR2NN123456 */
  vin!: string | null;
  /** When a later fact of the vehicle made the reminder obsolete (closed as cancelled from then). @example null */
  supersededAt!: string | null;
  /** What the task led to: the repair order named by the booked attempt that completed it. @example ro-60112 */
  repairOrderId!: string | null;
  /** The task stream's revision; -1 while nobody has worked it. @example 1 */
  revision!: number;
  /** @example 2026-03-09T03:00:00.000Z */
  updatedAt!: string;
  /** Open and past its due date when read. @example false */
  overdue!: boolean;
}

export class CareTaskPage extends PageOf(CareTaskResponse) {}

export class SuccessFiguresView implements SuccessFigures {
  /** Due in the month by asOf, less the cancelled. @example 10 */
  due!: number;
  /** Reached, declined or booked. @example 8 */
  completed!: number;
  /** Closed by the third attempt that did not reach the customer. @example 1 */
  notReached!: number;
  /** @example 1 */
  open!: number;
  /** completed ÷ due, four decimals; null when none is due. @example 0.8 */
  successRate!: number | null;
}

export class CallerSuccessView extends SuccessFiguresView implements CallerSuccess {
  /** Null: tasks nobody was given or has worked. @example cs-wang */
  callerId!: string | null;
}

export class KindSuccessView {
  delivery!: SuccessFiguresView;
  service!: SuccessFiguresView;
  '3month'!: SuccessFiguresView;
  /** The closing callbacks of resolved complaints (one per resolution). */
  complaint!: SuccessFiguresView;
}

export class ReminderFiguresView extends SuccessFiguresView implements ReminderFigures {
  /** Completed by a booked attempt: the reminder led to an appointment. @example 2 */
  booked!: number;
}

export class ReminderKindFiguresView {
  insurance!: ReminderFiguresView;
  inspection!: ReminderFiguresView;
  maintenance!: ReminderFiguresView;
  pointsexpiry!: ReminderFiguresView;
  lapsewarning!: ReminderFiguresView;
  birthday!: ReminderFiguresView;
}

export class ReminderSuccessView extends ReminderFiguresView implements ReminderSuccess {
  byKind!: ReminderKindFiguresView;
}

export class DealerCallbackSuccessView extends SuccessFiguresView implements DealerCallbackSuccess {
  /** @example d-sh-01 */
  dealerId!: string;
  /** Customers with a task due. @example 9 */
  customers!: number;
  byKind!: KindSuccessView;
  /** By caller; the tasks of no caller last. */
  byCaller!: CallerSuccessView[];
  /** The follow-ups of dissatisfied surveys due in the month, reported apart (not callbacks). */
  followUps!: SuccessFiguresView;
  /** The care reminders due in the month (insurance, inspection, maintenance), reported apart. */
  reminders!: ReminderSuccessView;
}

export class CallbackSuccessView implements CallbackSuccessReport {
  /** @example 2026-03 */
  month!: string;
  /** @example 2026-03-31T15:59:59.000Z */
  asOf!: string;
  /** One row per dealer with a task due. */
  dealers!: DealerCallbackSuccessView[];
}

export class ReasonCountView implements ReasonCount {
  /** @example waiting-time */
  code!: string;
  /** From the newest catalogue that has the code. @example 等待时间长 waited too long */
  label!: string | null;
  /** Surveys naming it. @example 3 */
  count!: number;
  /** count ÷ surveys, four decimals. @example 0.075 */
  share!: number | null;
}

export class UnhappyReasonsMonthView implements UnhappyReasonsMonth {
  /** @example 2026-03 */
  month!: string;
  /** `ssi`: the delivery callback's survey; `csi`: the service callback's. @example csi */
  survey!: SurveyKind;
  /** Null: the whole network. @example d-sh-01 */
  dealerId!: string | null;
  /** @example 40 */
  surveys!: number;
  /** Surveys with a factor answered 6 or less. @example 6 */
  dissatisfied!: number;
  /** dissatisfied ÷ surveys, four decimals; null without surveys. @example 0.15 */
  dissatisfiedRate!: number | null;
  /** Most named first. */
  reasons!: ReasonCountView[];
  /** The reason catalogue versions the month's reasons were coded with. @example ["unhappy-2026-1"] */
  catalogueVersions!: string[];
}

export class UnhappyReasonsView implements UnhappyReasonsReport {
  /** @example 2026-01 */
  from!: string;
  /** @example 2026-03 */
  to!: string;
  /** Every month of the span, SSI then CSI; a month without surveys shows zeros. */
  months!: UnhappyReasonsMonthView[];
}

export class OutboxRecipientView {
  /** The customer, by id: the gateway resolves the address from their protected record. @example cu-v1 */
  customerId!: string;
  /** @example sms */
  channel!: MessageChannel;
}

export class OutboxMessageView implements OutboundMessage {
  /** The id of the event that queued it. @example 0195f3c2-7d1e-7a40-9b61-3f0c2d9e8a11 */
  messageId!: string;
  /** @example d-sh-01 */
  dealerId!: string;
  /** @example insurance-LSVAB4BR5MN000001-20260415 */
  taskId!: string;
  /** Who it goes to, as a reference: the outbox holds no phone number or account. */
  recipient!: OutboxRecipientView;
  /** @example insurance-renewal-1 */
  templateId!: string;
  /** @example 2026-03-16T14:30:00.000Z */
  queuedAt!: string;
  /** Not sent before then (08:00 CST after the quiet hours). @example 2026-03-17T00:00:00.000Z */
  sendAt!: string;
  /** `pending`, `withheld` (the customer was forgotten), `sent`, `failed`. @example pending */
  status!: OutboxStatus;
  /** Why it is withheld. @example null */
  reason!: string | null;
}

export class OutboxPage extends PageOf(OutboxMessageView) {}
