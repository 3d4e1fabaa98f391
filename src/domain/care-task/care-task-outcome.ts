import { type AttemptOutcome, type CareTaskStatus, MAX_NOT_REACHED_ATTEMPTS } from './care-task.types';

/** An attempt as the outcome reads it: when, what it came to, who called; `order` breaks ties of `at`. */
export type OutcomeAttempt = Readonly<{
  at: string;
  outcome: AttemptOutcome;
  callerId: string;
  order: number;
  /** The repair order a `booked` attempt names (the appointment it booked). */
  repairOrderId?: string | null;
}>;
export type OutcomeMark = Readonly<{ at: string; order: number }>;
export type OutcomeAssignment = OutcomeMark & Readonly<{ assigneeId: string }>;

/** `attempt`: the attempt that closed the task (null while open or when cancelled). */
export type CareTaskClosure = Readonly<{
  status: CareTaskStatus;
  closedAt: string | null;
  attempt: OutcomeAttempt | null;
}>;

const byTime = <T extends OutcomeMark>(a: T, b: T): number =>
  Date.parse(a.at) - Date.parse(b.at) || a.order - b.order;

const until = <T extends OutcomeMark>(marks: readonly T[], asOf: string | undefined): T[] =>
  marks
    .filter((mark) => asOf === undefined || Date.parse(mark.at) <= Date.parse(asOf))
    .slice()
    .sort(byTime);

/**
 * What a task came to, from its facts in business-time order (so never from their arrival order): the
 * first attempt that reached the customer (reached, declined, booked) completes it; the third that did not
 * closes it as not reached; a cancellation closes it unless one of those came first (an attempt at the same
 * instant comes first). Facts after `asOf` are not read; facts after the closing are kept but change nothing.
 */
export const careTaskClosure = (
  attempts: readonly OutcomeAttempt[],
  cancellations: readonly OutcomeMark[],
  asOf?: string,
): CareTaskClosure => {
  const facts = [
    ...until(attempts, asOf).map((attempt) => ({ ...attempt, attempt, cancel: false })),
    ...until(cancellations, asOf).map(({ at, order }) => ({ at, order, attempt: null, cancel: true })),
  ].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at) || Number(a.cancel) - Number(b.cancel) || a.order - b.order,
  );
  let notReached = 0;
  for (const { at, attempt } of facts) {
    if (attempt === null) return { status: 'cancelled', closedAt: at, attempt: null };
    if (attempt.outcome !== 'not-reached') return { status: 'completed', closedAt: at, attempt };
    notReached += 1;
    if (notReached >= MAX_NOT_REACHED_ATTEMPTS) return { status: 'not-reached', closedAt: at, attempt };
  }
  return { status: 'open', closedAt: null, attempt: null };
};

/**
 * The task's caller, whom the success rate counts it for: the latest assignment's assignee; without one,
 * whoever made the first attempt; null while nobody has worked or been given it.
 */
export const careTaskCaller = (
  assignments: readonly OutcomeAssignment[],
  attempts: readonly OutcomeAttempt[],
  asOf?: string,
): string | null => {
  const assigned = until(assignments, asOf);
  if (assigned.length > 0) return assigned[assigned.length - 1].assigneeId;
  return until(attempts, asOf)[0]?.callerId ?? null;
};
