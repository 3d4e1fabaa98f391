import {
  careTaskCaller,
  careTaskClosure,
  type OutcomeAssignment,
  type OutcomeAttempt,
  type OutcomeMark,
} from './care-task-outcome';
import {
  CALLBACK_KINDS,
  type CallbackKind,
  type CareTaskKind,
  FOLLOW_UP_KINDS,
  isCallbackKind,
  REMINDER_KINDS,
  type ReminderKind,
} from './care-task.types';
import { ratio4 } from '../shared/ratio';

/** A task as the success rate reads it: its due date, and the facts of its work. */
export type CallbackTaskFacts = Readonly<{
  dealerId: string;
  kind: CareTaskKind;
  customerId: string | null;
  dueAt: string;
  attempts: readonly OutcomeAttempt[];
  assignments: readonly OutcomeAssignment[];
  cancellations: readonly OutcomeMark[];
}>;

export type SuccessFigures = {
  /** Tasks due in the month by `asOf`, less the cancelled ones. */
  due: number;
  /** Reached, declined or booked. */
  completed: number;
  /** Closed by the third attempt that did not reach the customer. */
  notReached: number;
  /** Due and neither completed nor closed yet. */
  open: number;
  /** completed ÷ due, four decimals; null when none is due. */
  successRate: number | null;
};
export type CallerSuccess = SuccessFigures & { callerId: string | null };
/** A reminder's figures: how many of the completed ones booked an appointment too. */
export type ReminderFigures = SuccessFigures & { booked: number };
export type ReminderSuccess = ReminderFigures & { byKind: Record<ReminderKind, ReminderFigures> };
export type DealerCallbackSuccess = SuccessFigures & {
  dealerId: string;
  /** Customers with a task due: the DDC suppresses a rate about fewer than five. */
  customers: number;
  byKind: Record<CallbackKind, SuccessFigures>;
  byCaller: CallerSuccess[];
  /** The follow-ups of dissatisfied surveys, reported apart: they are not callbacks. */
  followUps: SuccessFigures;
  /** The care reminders (insurance, inspection, maintenance), reported apart: they are not callbacks. */
  reminders: ReminderSuccess;
};

type Counted = Readonly<{
  task: CallbackTaskFacts;
  status: string;
  booked: boolean;
  callerId: string | null;
}>;

const remindersOf = (tasks: readonly Counted[]): ReminderFigures => ({
  ...figuresOf(tasks),
  booked: tasks.filter((task) => task.booked).length,
});

const figuresOf = (tasks: readonly Counted[]): SuccessFigures => {
  const completed = tasks.filter((task) => task.status === 'completed').length;
  const notReached = tasks.filter((task) => task.status === 'not-reached').length;
  return {
    due: tasks.length,
    completed,
    notReached,
    open: tasks.length - completed - notReached,
    successRate: ratio4(completed, tasks.length),
  };
};

const of = (kinds: readonly CareTaskKind[], entry: Counted): boolean => kinds.includes(entry.task.kind);

/**
 * Callback success rate (回访成功率) = tasks completed ÷ tasks due, per dealer, kind and caller, of the tasks
 * whose due date falls in the month (CST) and has passed by `asOf`; a task cancelled by then is not due.
 * Follow-ups and reminders are counted by the same rule, each in a block of its own (a superseded reminder
 * is cancelled, so not due). Everything is read as of `asOf` from the facts' business times, so a late sync of an attempt dated
 * before `asOf` gives the figure it would have given live.
 */
export const callbackSuccess = (
  tasks: readonly CallbackTaskFacts[],
  asOf: string,
): DealerCallbackSuccess[] => {
  const counted: Counted[] = tasks
    .filter((task) => Date.parse(task.dueAt) <= Date.parse(asOf))
    .map((task) => {
      const closure = careTaskClosure(task.attempts, task.cancellations, asOf);
      return {
        task,
        status: closure.status,
        booked: closure.status === 'completed' && closure.attempt?.outcome === 'booked',
        callerId: careTaskCaller(task.assignments, task.attempts, asOf),
      };
    })
    .filter((entry) => entry.status !== 'cancelled');
  const dealers = [...new Set(counted.map((entry) => entry.task.dealerId))].sort();
  return dealers.map((dealerId) => {
    const all = counted.filter((entry) => entry.task.dealerId === dealerId);
    const own = all.filter((entry) => isCallbackKind(entry.task.kind));
    const callers = [...new Set(own.map((entry) => entry.callerId))].sort((a, b) =>
      a === null ? 1 : b === null ? -1 : a.localeCompare(b),
    );
    return {
      dealerId,
      ...figuresOf(own),
      customers: new Set(own.map((entry) => entry.task.customerId)).size,
      byKind: Object.fromEntries(
        CALLBACK_KINDS.map((kind) => [kind, figuresOf(own.filter((entry) => entry.task.kind === kind))]),
      ) as Record<CallbackKind, SuccessFigures>,
      byCaller: callers.map((callerId) => ({
        callerId,
        ...figuresOf(own.filter((entry) => entry.callerId === callerId)),
      })),
      followUps: figuresOf(all.filter((entry) => of(FOLLOW_UP_KINDS, entry))),
      reminders: {
        ...remindersOf(all.filter((entry) => of(REMINDER_KINDS, entry))),
        byKind: Object.fromEntries(
          REMINDER_KINDS.map((kind) => [kind, remindersOf(all.filter((entry) => entry.task.kind === kind))]),
        ) as Record<ReminderKind, ReminderFigures>,
      },
    };
  });
};
