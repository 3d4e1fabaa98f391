import { type AttemptOutcome, type CareTaskStatus, MAX_NOT_REACHED_ATTEMPTS } from './care-task.types';

/** An attempt as the outcome reads it: when, what it came to, who called; `order` breaks ties of `at`. */
export type OutcomeAttempt = Readonly<{
  at: string;
  outcome: AttemptOutcome;
  callerId: string;
  order: number;
}>;
export type OutcomeMark = Readonly<{ at: string; order: number }>;
export type OutcomeAssignment = OutcomeMark & Readonly<{ assigneeId: string }>;

export type CareTaskClosure = Readonly<{ status: CareTaskStatus; closedAt: string | null }>;

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
    ...until(attempts, asOf).map(({ at, order, outcome }) => ({ at, order, outcome, cancel: false })),
    ...until(cancellations, asOf).map(({ at, order }) => ({ at, order, outcome: null, cancel: true })),
  ].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at) || Number(a.cancel) - Number(b.cancel) || a.order - b.order,
  );
  let notReached = 0;
  for (const fact of facts) {
    if (fact.outcome === null) return { status: 'cancelled', closedAt: fact.at };
    if (fact.outcome !== 'not-reached') return { status: 'completed', closedAt: fact.at };
    notReached += 1;
    if (notReached >= MAX_NOT_REACHED_ATTEMPTS) return { status: 'not-reached', closedAt: fact.at };
  }
  return { status: 'open', closedAt: null };
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
