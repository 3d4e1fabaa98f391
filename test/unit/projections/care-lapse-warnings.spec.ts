import type { MembershipCommand } from '../../../src/domain/membership/membership.commands';
import { createMembershipDecider } from '../../../src/domain/membership/membership.decider';
import type { MembershipEvent } from '../../../src/domain/membership/membership.events';
import { careTasksProjection } from '../../../src/projections/care-tasks/care-tasks.projection';
import { projectionSpec, type SpecEvent } from '../../support/projection-spec';

/**
 * The care-tasks projection's lapse warnings, from membership histories the decider itself writes (so the
 * restated clocks are what production writes). `projectionSpec` applies every event twice and the whole
 * history again, and checks the documents do not change.
 */
const spec = projectionSpec(careTasksProjection);
const decider = createMembershipDecider();
const actor = { userId: 'u-club', role: 'crm-manager', dealerId: 'd-1' };
const at = (type: MembershipCommand['type'], data: object, now: string) =>
  ({ type, data: { customerId: 'cu-7', ...data }, metadata: { now, actor } }) as MembershipCommand;
const enrol = (now: string) => at('EnrollMember', { cardNumber: 'C-7', homeDealerId: 'd-1' }, now);
const visit = (ro: string, now: string) =>
  at('EarnPoints', { source: { kind: 'repair-order', id: ro }, dealerId: 'd-2', spendFen: 30_000 }, now);
const sweep = (now: string) => at('ApplyDueExpiries', {}, now);
const history = (...commands: MembershipCommand[]): SpecEvent[] =>
  commands
    .reduce<MembershipEvent[]>(
      (events, next) => [
        ...events,
        ...decider.decide(next, events.reduce(decider.evolve, decider.initialState())),
      ],
      [],
    )
    .map((event) => ({ ...event, streamId: 'membership-cu-7' }) as SpecEvent);

// Enrolled 1 Mar 2026 10:00 CST (02:00Z): the clock lapses 1 Sep 2027 10:00 CST. A paid visit on 10 Apr
// 2026 restarts it: lapses 10 Oct 2027. Nothing after: the sweep of 1 Nov 2027 records the lapse of 10 Oct.
const lapsedHistory = history(
  enrol('2026-03-01T02:00:00.000Z'),
  visit('ro-1', '2026-04-10T02:00:00.000Z'),
  sweep('2027-11-01T02:00:00.000Z'),
);
const first = 'lapsewarning-cu-7-20270901';
const second = 'lapsewarning-cu-7-20271010';

describe('care-tasks projection: lapse warnings', () => {
  it('one per lapse clock, for the home dealer: the paid visit supersedes the first, the lapse leaves the second due', () => {
    expect(lapsedHistory.map((event) => event.type)).toEqual([
      'MembershipEnrolled',
      'PointsEarned',
      'MembershipLapsed',
    ]);
    spec.when(lapsedHistory).thenMatches({
      // 1 Sep 2027 02:00Z − 30 days = 2 Aug 2027 02:00Z (August has 31 days). Closed as cancelled from the
      // visit of 10 Apr 2026: not due.
      [first]: {
        kind: 'lapsewarning',
        recordId: 'cu-7-20270901',
        dealerId: 'd-1',
        customerId: 'cu-7',
        role: 'customer-service',
        openedAt: '2026-03-01T02:00:00.000Z',
        dueAt: '2027-08-02T02:00:00.000Z',
        supersededAt: '2026-04-10T02:00:00.000Z',
        status: 'cancelled',
        closedAt: '2026-04-10T02:00:00.000Z',
      },
      // 10 Oct 2027 02:00Z − 30 days = 10 Sep 2027 02:00Z (September has 30 days); the lapse of 10 Oct does
      // not supersede it: still open, due since 10 Sep.
      [second]: {
        dealerId: 'd-1',
        openedAt: '2026-04-10T02:00:00.000Z',
        dueAt: '2027-09-10T02:00:00.000Z',
        dueMonth: '2027-09',
        supersededAt: null,
        status: 'open',
      },
    });
  });

  it('a call worked on the warning completes it, the membership facts keep its due date', () => {
    const reached: SpecEvent = {
      type: 'CareTaskAttemptRecorded',
      streamId: `caretask-${second}`,
      data: {
        taskId: second,
        dealerId: 'd-1',
        outcome: 'reached',
        note: null,
        callerId: 'cs-wang',
        attemptedAt: '2027-09-12T02:00:00.000Z',
      },
    };
    spec.when([lapsedHistory[0], lapsedHistory[1], reached, lapsedHistory[2]]).thenMatches({
      [second]: {
        status: 'completed',
        closedAt: '2027-09-12T02:00:00.000Z',
        dueAt: '2027-09-10T02:00:00.000Z',
      },
    });
  });

  it('a late paid visit that withdraws a lapse supersedes the warning at its business time and opens the next', () => {
    // Enrolled 1 Sep 2024: lapses 1 Mar 2026, recorded by the sweep of 1 Dec 2026. The visit of 8 Dec 2025
    // arrives afterwards: the lapse is withdrawn, the visit restarts the clock: 8 Jun 2027.
    const late = history(
      enrol('2024-09-01T02:00:00.000Z'),
      sweep('2026-12-01T02:00:00.000Z'),
      visit('ro-late', '2025-12-08T02:00:00.000Z'),
    );
    expect(late.map((event) => event.type)).toEqual([
      'MembershipEnrolled',
      'MembershipLapsed',
      'MembershipDecisionsWithdrawn',
      'PointsEarned',
    ]);
    spec.when(late).thenMatches({
      'lapsewarning-cu-7-20260301': {
        openedAt: '2024-09-01T02:00:00.000Z',
        // 1 Mar 2026 − 30 days = 30 Jan 2026 (February 2026 has 28 days: 1 Mar → 1 Feb is 28, 2 more).
        dueAt: '2026-01-30T02:00:00.000Z',
        supersededAt: '2025-12-08T02:00:00.000Z',
        status: 'cancelled',
      },
      // 8 Jun 2027 − 30 days = 9 May 2027 (8 Jun → 8 May is 31 days).
      'lapsewarning-cu-7-20270608': {
        openedAt: '2025-12-08T02:00:00.000Z',
        dueAt: '2027-05-09T02:00:00.000Z',
        supersededAt: null,
        status: 'open',
      },
    });
  });

  it('a cancellation supersedes the running clock’s warning; a re-enrolment opens a new one', () => {
    const events = history(
      enrol('2026-03-01T02:00:00.000Z'),
      at('CancelMembership', { reason: 'moved away' }, '2026-05-01T02:00:00.000Z'),
      at('ReEnrollMember', { cardNumber: 'C-8' }, '2026-06-15T02:00:00.000Z'),
    );
    spec.when(events).thenMatches({
      [first]: { status: 'cancelled', supersededAt: '2026-05-01T02:00:00.000Z' },
      // Re-enrolled 15 Jun 2026 → lapses 15 Dec 2027; − 30 days = 15 Nov 2027 (November has 30 days).
      'lapsewarning-cu-7-20271215': {
        openedAt: '2026-06-15T02:00:00.000Z',
        dueAt: '2027-11-15T02:00:00.000Z',
        status: 'open',
      },
    });
  });

  it('the same warnings whatever order the membership facts are projected in', () => {
    const events = history(
      enrol('2024-09-01T02:00:00.000Z'),
      visit('ro-1', '2024-10-05T02:00:00.000Z'),
      sweep('2026-12-01T02:00:00.000Z'),
      visit('ro-2', '2025-12-08T02:00:00.000Z'),
      visit('ro-3', '2026-02-01T02:00:00.000Z'),
    );
    // Enrolment → 1 Mar 2026; ro-1 → 5 Apr 2026 (lapse recorded, then withdrawn by ro-2) ; ro-2 → 8 Jun
    // 2027; ro-3 → 1 Aug 2027, the running one.
    const expected = {
      'lapsewarning-cu-7-20260301': { status: 'cancelled', supersededAt: '2024-10-05T02:00:00.000Z' },
      'lapsewarning-cu-7-20260405': { status: 'cancelled', supersededAt: '2025-12-08T02:00:00.000Z' },
      'lapsewarning-cu-7-20270608': { status: 'cancelled', supersededAt: '2026-02-01T02:00:00.000Z' },
      'lapsewarning-cu-7-20270801': { status: 'open', supersededAt: null, dueAt: '2027-07-02T02:00:00.000Z' },
    } as const;
    spec.when(events).thenMatches(expected);
    spec.when([...events].reverse()).thenMatches(expected);
    spec
      .when([events[4], events[1], events[3], events[0], events[2], ...events.slice(5)])
      .thenMatches(expected);
  });
});
