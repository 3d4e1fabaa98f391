import type { StoredEvent } from '../../../src/application/ports/event-store.port';
import {
  type CareTaskDoc,
  careTasksProjection,
} from '../../../src/projections/care-tasks/care-tasks.projection';
import { projectionSpec, type SpecEvent } from '../../support/projection-spec';

/**
 * The care-tasks projection's birthday reminders (docs/care.md, "Birthday reminders"). `projectionSpec`
 * applies every event twice and the whole history again over every prefix, and checks nothing changes.
 * cu-1's birthday is 20 May: the reminder of 2026 is due 13 May 2026 09:00 CST (01:00Z), at d-1.
 */
const spec = projectionSpec(careTasksProjection);
const home = { customerId: 'cu-1', homeDealerId: 'd-1' };
const MEMBERSHIP = 'membership-cu-1';
const DUE = '2026-05-13T01:00:00.000Z';
const TASK = 'birthday-cu-1-2026';

const due = (year = 2026, dueAt = DUE): SpecEvent => ({
  type: 'MemberBirthdayReminderDue',
  data: { ...home, year, dueAt },
  streamId: MEMBERSHIP,
});
const ended = (endedAt: string, years = [2026]): SpecEvent => ({
  type: 'MemberBirthdayRemindersEnded',
  data: { ...home, years, endedAt },
  streamId: MEMBERSHIP,
});
const forgotten = (forgottenAt: string): SpecEvent => ({
  type: 'CustomerForgotten',
  data: { customerId: 'cu-1', reason: 'erasure request', requestReference: 'DSR-1', forgottenAt },
  streamId: 'datasubject-cu-1',
});
const attempt = (outcome: 'reached' | 'not-reached', attemptedAt: string): SpecEvent => ({
  type: 'CareTaskAttemptRecorded',
  data: { taskId: TASK, dealerId: 'd-1', outcome, note: null, callerId: 'cs-wang', attemptedAt },
  streamId: `caretask-${TASK}`,
});
const opened: SpecEvent = {
  type: 'CareTaskOpened',
  data: {
    taskId: TASK,
    dealerId: 'd-1',
    kind: 'birthday',
    recordId: 'cu-1-2026',
    customerId: 'cu-1',
    role: 'customer-service',
    openedAt: DUE,
    dueAt: DUE,
  },
  streamId: `caretask-${TASK}`,
};

describe('care-tasks projection: birthday reminders', () => {
  it("the clock's note opens the year's task, due at its due time, for the home dealer's desk", () => {
    spec.when([due()]).thenMatches({
      [TASK]: {
        kind: 'birthday',
        recordId: 'cu-1-2026',
        dealerId: 'd-1',
        customerId: 'cu-1',
        role: 'customer-service',
        openedAt: DUE,
        dueAt: DUE,
        dueMonth: '2026-05',
        status: 'open',
        supersededAt: null,
        closedAt: null,
      },
    });
  });

  it('worked like every reminder: a reached call completes it', () => {
    spec.when([due(), opened, attempt('reached', '2026-05-14T02:00:00.000Z')]).thenMatches({
      [TASK]: { status: 'completed', closedAt: '2026-05-14T02:00:00.000Z', callerId: 'cs-wang' },
    });
  });

  it('a cancellation that ended it (dated before the due time) supersedes it as of its own time', () => {
    spec.when([due(), ended('2026-05-01T02:00:00.000Z')]).thenMatches({
      [TASK]: {
        dueAt: DUE,
        supersededAt: '2026-05-01T02:00:00.000Z',
        status: 'cancelled',
        closedAt: '2026-05-01T02:00:00.000Z',
      },
    });
  });

  it('the forgetting closes an open one; one completed before stays completed', () => {
    spec.when([due(), forgotten('2026-06-01T02:00:00.000Z')]).thenMatches({
      [TASK]: {
        status: 'cancelled',
        closedAt: '2026-06-01T02:00:00.000Z',
        supersededAt: '2026-06-01T02:00:00.000Z',
      },
    });
    spec
      .when([
        due(),
        opened,
        attempt('reached', '2026-05-14T02:00:00.000Z'),
        forgotten('2026-06-01T02:00:00.000Z'),
      ])
      .thenMatches({ [TASK]: { status: 'completed', closedAt: '2026-05-14T02:00:00.000Z' } });
  });

  it('a forgetting reaches the CST years before, of and after it; what it alone reached is no task (no due date)', () => {
    // Forgotten 1 Jan 2027 00:30 CST (31 Dec 2026 16:30Z): CST year 2027, so 2026, 2027 and 2028.
    spec.when([forgotten('2026-12-31T16:30:00.000Z')]).thenMatches({
      'birthday-cu-1-2026': { dueAt: null, openedAt: null },
      'birthday-cu-1-2027': { dueAt: null, openedAt: null },
      'birthday-cu-1-2028': { dueAt: null, openedAt: null },
    });
    spec.when([forgotten('2026-12-31T16:30:00.000Z')]).thenNoDocument('birthday-cu-1-2025');
  });

  it('each year is its own task: a January birthday of 2027 falls due in December 2026', () => {
    // 3 Jan 2027 − 7 days = 27 Dec 2026, 09:00 CST = 01:00Z; counted in December 2026.
    spec.when([due(2027, '2026-12-27T01:00:00.000Z')]).thenMatches({
      'birthday-cu-1-2027': { dueAt: '2026-12-27T01:00:00.000Z', dueMonth: '2026-12', status: 'open' },
    });
  });
});

/** Projects the events in the given order; what each birthday task came to. */
const outcome = (events: readonly SpecEvent[]) => {
  const docs = new Map<string, CareTaskDoc>();
  events.forEach((event, index) => {
    const stored = {
      eventId: `e-${index}`,
      streamId: event.streamId,
      revision: index,
      globalPosition: index + 1,
      type: event.type,
      data: event.data,
      occurredAt: '2026-01-01T00:00:00.000Z',
      recordedAt: '2026-01-01T00:00:00.000Z',
      metadata: {
        actor: { userId: 'cs-wang', role: 'customer-service', dealerId: 'd-1' },
        correlationId: `c-${index}`,
      },
    } as unknown as StoredEvent;
    for (const id of careTasksProjection.documentIds(stored as never))
      docs.set(id, careTasksProjection.apply(docs.get(id) ?? null, stored as never, id));
  });
  return Object.fromEntries(
    [...docs.entries()]
      .filter(([id]) => id.startsWith('birthday-'))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, doc]) => [
        id,
        [doc.dealerId, doc.openedAt, doc.dueAt, doc.supersededAt, doc.status, doc.closedAt].join(' '),
      ]),
  );
};

const permutations = <T>(items: readonly T[]): T[][] =>
  items.length <= 1
    ? [[...items]]
    : items.flatMap((item, index) =>
        permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]),
      );

describe('birthday tasks whatever order their facts arrive in', () => {
  const scenarios: Record<string, SpecEvent[]> = {
    'a late cancellation before the due time': [
      due(),
      ended('2026-05-01T02:00:00.000Z'),
      attempt('not-reached', '2026-04-30T02:00:00.000Z'),
    ],
    'a call, then the forgetting': [
      due(),
      attempt('reached', '2026-05-14T02:00:00.000Z'),
      forgotten('2026-06-01T02:00:00.000Z'),
    ],
    'the cancellation, the forgetting and the next year': [
      due(),
      due(2027, '2027-05-13T01:00:00.000Z'),
      ended('2026-05-01T02:00:00.000Z', [2026]),
      forgotten('2027-06-01T02:00:00.000Z'),
      attempt('not-reached', '2026-04-20T02:00:00.000Z'),
    ],
  };
  for (const [name, events] of Object.entries(scenarios))
    it(`${name}: every arrival order gives the same tasks`, () => {
      const expected = outcome(events);
      for (const order of permutations(events)) expect(outcome(order)).toEqual(expected);
    });

  it('the orders give what the rules say (not only the same thing)', () => {
    expect(outcome(scenarios['a late cancellation before the due time'])).toEqual({
      [TASK]: `d-1 ${DUE} ${DUE} 2026-05-01T02:00:00.000Z cancelled 2026-05-01T02:00:00.000Z`,
    });
    expect(outcome(scenarios['the cancellation, the forgetting and the next year'])).toMatchObject({
      [TASK]: `d-1 ${DUE} ${DUE} 2026-05-01T02:00:00.000Z cancelled 2026-05-01T02:00:00.000Z`,
      'birthday-cu-1-2027': `d-1 2027-05-13T01:00:00.000Z 2027-05-13T01:00:00.000Z 2027-06-01T02:00:00.000Z cancelled 2027-06-01T02:00:00.000Z`,
    });
  });
});
