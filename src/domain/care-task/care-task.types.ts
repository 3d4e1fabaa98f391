import { shiftCalendarMonths } from '../repair-order/service-kpis';
import { businessMonthOf } from '../shared/time';

/**
 * The callback tasks of customer care (客户关怀, domain brief "Care tasks and callbacks"): each falls due
 * from a fact of another record, so a task exists as soon as that fact does, and its stream starts only
 * when someone works it.
 * - `delivery`: the 7-day call after a delivery (with the SSI survey on the sale);
 * - `service`: the 3-day call after a repair order's settlement (with the CSI survey on the repair order);
 * - `3month`: the call three months after a new vehicle's delivery;
 * - `complaint`: the closing callback (闭环回访) of a resolved complaint, due by the resolution's callback
 *   deadline and recorded on the complaint (`complaint-callbacks.ts`): one task per resolution;
 * - `salesfollowup`, `servicefollowup`: the call back to a customer whose SSI or CSI survey had a factor
 *   answered 6 or less, within 48 hours of the survey. Follow-ups are not callbacks: the callback success
 *   rate reports them apart.
 * - `insurance`, `inspection`: the reminders before a vehicle's insurance expiry and annual inspection
 *   (dates recorded with the vehicle, `care-reminders.ts`); `maintenance`: the maintenance-due reminder of a
 *   vehicle's last settled repair order. Reminders are reported apart from callbacks too.
 * - `pointsexpiry`: the member reminder (会员提醒) before a membership's points of a CST month expire
 *   (`member-reminders.ts`), from the membership's events; `lapsewarning`: the member reminder before a
 *   membership lapses (18 months without a paid visit), one per lapse clock, from the events that restate it;
 *   `birthday`: the member reminder seven days before the member's birthday, one per year, from the clock's
 *   note (`birthday-reminders.ts`).
 */
export const CARE_TASK_KINDS = [
  'delivery',
  'service',
  '3month',
  'complaint',
  'salesfollowup',
  'servicefollowup',
  'insurance',
  'inspection',
  'maintenance',
  'pointsexpiry',
  'lapsewarning',
  'birthday',
] as const;
export type CareTaskKind = (typeof CARE_TASK_KINDS)[number];
/** The callbacks the success rate counts. */
export const CALLBACK_KINDS = ['delivery', 'service', '3month', 'complaint'] as const;
export type CallbackKind = (typeof CALLBACK_KINDS)[number];
export const isCallbackKind = (kind: CareTaskKind): kind is CallbackKind =>
  (CALLBACK_KINDS as readonly string[]).includes(kind);
/** The follow-ups of a dissatisfied survey. */
export const FOLLOW_UP_KINDS = ['salesfollowup', 'servicefollowup'] as const;
/** The vehicle's care reminders (客户关怀提醒): each follows a fact of the vehicle. */
export const VEHICLE_REMINDER_KINDS = ['insurance', 'inspection', 'maintenance'] as const;
export type VehicleReminderKind = (typeof VEHICLE_REMINDER_KINDS)[number];
export const isVehicleReminderKind = (kind: CareTaskKind): kind is VehicleReminderKind =>
  (VEHICLE_REMINDER_KINDS as readonly string[]).includes(kind);
/** The member reminders (会员提醒): each follows the membership's facts. */
export const MEMBER_REMINDER_KINDS = ['pointsexpiry', 'lapsewarning', 'birthday'] as const;
export type MemberReminderKind = (typeof MEMBER_REMINDER_KINDS)[number];
/** Every reminder: reported apart from the callbacks (the `reminders` block), never in the callback rate. */
export const REMINDER_KINDS = [...VEHICLE_REMINDER_KINDS, ...MEMBER_REMINDER_KINDS] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export const isReminderKind = (kind: CareTaskKind): kind is ReminderKind =>
  (REMINDER_KINDS as readonly string[]).includes(kind);
/** A dissatisfied customer is called back within this many hours of the survey. */
export const FOLLOW_UP_WITHIN_HOURS = 48;

/** What one attempt to reach the customer came to. Reached, declined and booked complete the task. */
export const ATTEMPT_OUTCOMES = ['reached', 'not-reached', 'declined', 'booked'] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** open → completed | not-reached (the third not-reached attempt) | cancelled (not due). */
export type CareTaskStatus = 'open' | 'completed' | 'not-reached' | 'cancelled';

/** Attempts that do not reach the customer before the task closes as not reached. */
export const MAX_NOT_REACHED_ATTEMPTS = 3;

/** The role whose desk calls: the customer-service desk for the survey calls, the consultant three months on. */
export const CARE_TASK_ROLE: Readonly<Record<CareTaskKind, string>> = {
  delivery: 'customer-service',
  service: 'customer-service',
  '3month': 'sales-consultant',
  complaint: 'customer-service',
  salesfollowup: 'customer-service',
  servicefollowup: 'customer-service',
  insurance: 'customer-service',
  inspection: 'customer-service',
  maintenance: 'service-advisor',
  pointsexpiry: 'customer-service',
  lapsewarning: 'customer-service',
  birthday: 'customer-service',
};

/**
 * A task's id is `<kind>-<record id>`: `delivery-vs-88121`, `service-ro-55310`, `3month-vs-88121`,
 * `servicefollowup-ro-55310`, `insurance-LSVAB4BR2NN123456-20270315`, `maintenance-ro-55310`,
 * `pointsexpiry-cu-20931-202804`, `lapsewarning-cu-20931-20270901`, `birthday-cu-20931-2027`,
 * `complaint-c-2026-000142-20260305100000`. Kinds hold
 * no hyphen, so the first one ends the kind.
 */
export const careTaskId = (kind: CareTaskKind, recordId: string): string => `${kind}-${recordId}`;

export const parseCareTaskId = (
  taskId: string,
): Readonly<{ kind: CareTaskKind; recordId: string }> | null => {
  const dash = taskId.indexOf('-');
  if (dash < 0) return null;
  const kind = taskId.slice(0, dash) as CareTaskKind;
  const recordId = taskId.slice(dash + 1);
  return CARE_TASK_KINDS.includes(kind) && recordId !== '' ? { kind, recordId } : null;
};

/** The three-month call after a delivery. */
export const THREE_MONTH_CALL_MONTHS = 3;
/** Calendar months in CST, the day clamped to the month's end (30 Nov + 3 months = 28 Feb). */
export const threeMonthCallDueAt = (deliveredAt: string): string =>
  shiftCalendarMonths(deliveredAt, THREE_MONTH_CALL_MONTHS);

/** A task counts in the CST month of its due date. */
export const dueMonthOf = (dueAt: string): string => businessMonthOf(dueAt);

/**
 * Where a task comes from, as its record says it: the application reads it from the sale or the repair
 * order, so the decider never trusts a client for it.
 */
export type CareTaskOrigin = Readonly<{
  kind: CareTaskKind;
  recordId: string;
  dealerId: string;
  customerId: string;
  /** The sales consultant of the sale (a consultant works only their own customers' tasks); null for service. */
  ownerId: string | null;
  /** When the fact it follows happened (the delivery, the settlement). */
  openedAt: string;
  dueAt: string;
  /** The callbacks already recorded on the record itself (the sale's callback, the repair order's survey). */
  recordAttempts: readonly RecordAttempt[];
  /**
   * When a later fact made the reminder obsolete (a revised date, the vehicle's next settlement): the task
   * is closed as cancelled from then. Absent or null for callbacks.
   */
  supersededAt?: string | null;
}>;

/** A callback recorded on its record's own route (it carries the survey), which works the task too. */
export type RecordAttempt = Readonly<{ at: string; outcome: AttemptOutcome }>;
