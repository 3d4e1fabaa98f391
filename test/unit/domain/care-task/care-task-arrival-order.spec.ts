import type { CareTaskCommand } from '../../../../src/domain/care-task/care-task.commands';
import { careTaskDecider, type CareTaskState } from '../../../../src/domain/care-task/care-task.decider';
import { careTaskClosure } from '../../../../src/domain/care-task/care-task-outcome';
import { ATTEMPT_OUTCOMES, type CareTaskOrigin } from '../../../../src/domain/care-task/care-task.types';
import { DomainError } from '../../../../src/domain/shared/domain-error';

const origin: CareTaskOrigin = {
  kind: 'delivery',
  recordId: 'vs-1',
  dealerId: 'd-1',
  customerId: 'cu-1',
  ownerId: 'sc-li',
  openedAt: '2026-03-01T00:00:00.000Z',
  dueAt: '2026-03-08T00:00:00.000Z',
  recordAttempts: [],
};
const actor = { userId: 'cs-wang', role: 'customer-service', dealerId: 'd-1' };

/** A small deterministic generator (mulberry32), so a failing case names its seed. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

type Fact = Readonly<{ at: string; command: CareTaskCommand }>;

/** Up to six attempts and maybe a cancellation, each at its own hour of March. */
const factsOf = (next: () => number): Fact[] => {
  const hours = [...new Set(Array.from({ length: 7 }, () => 1 + Math.floor(next() * 500)))];
  return hours.map((hour, index) => {
    const at = new Date(Date.parse(origin.openedAt) + hour * 3_600_000).toISOString();
    const cancel = index === 0 && next() < 0.3;
    const command: CareTaskCommand = cancel
      ? {
          type: 'CancelCareTask',
          data: { taskId: 't', origin, reason: 'asked' },
          metadata: { now: at, actor },
        }
      : {
          type: 'RecordCareTaskAttempt',
          // Mostly not reached, so the third-attempt rule is exercised often.
          data: {
            taskId: 't',
            origin,
            outcome: next() < 0.7 ? 'not-reached' : ATTEMPT_OUTCOMES[Math.floor(next() * 4)],
          },
          metadata: { now: at, actor },
        };
    return { at, command };
  });
};

/** Sends the facts in this order, keeping what the decider takes; what the task came to. */
const outcomeOf = (facts: readonly Fact[]) => {
  let state: CareTaskState = careTaskDecider.initialState();
  for (const { command } of facts) {
    try {
      for (const event of careTaskDecider.decide(command, state))
        state = careTaskDecider.evolve(state, event);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  // What it came to, and when; not the closing attempt's arrival order, which is the one thing that differs.
  const { status, closedAt } = careTaskClosure(state.attempts, state.cancellations);
  return { status, closedAt };
};

describe('a care task’s outcome does not depend on the order its history arrives in', () => {
  it.each(Array.from({ length: 200 }, (_, seed) => seed))(
    'seed %i: every arrival order, the business-time one',
    (seed) => {
      const next = random(seed);
      const facts = factsOf(next);
      const inBusinessOrder = [...facts].sort((a, b) => a.at.localeCompare(b.at));
      const expected = outcomeOf(inBusinessOrder);
      for (let shuffle = 0; shuffle < 10; shuffle += 1) {
        const arrival = [...facts].sort(() => next() - 0.5);
        expect(outcomeOf(arrival)).toEqual(expected);
      }
    },
  );
});
