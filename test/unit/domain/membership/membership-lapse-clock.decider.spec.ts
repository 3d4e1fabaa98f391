import type { MembershipCommand } from '../../../../src/domain/membership/membership.commands';
import { createMembershipDecider } from '../../../../src/domain/membership/membership.decider';
import {
  MEMBERSHIP_UPCASTERS,
  type MembershipEvent,
} from '../../../../src/domain/membership/membership.events';
import { cmd, enrolled, lot, spec } from './membership-fixtures';

/**
 * The membership's events restate the lapse clock they start or end (`lapseClock`, v2), so the lapse
 * warning care task is found from the event alone (docs/care.md, "Lapse warnings"). The fixture member
 * enrolled 1 Jan 2026 10:00 CST: its clock lapses 1 Jul 2027 10:00 CST (02:00Z).
 */
const decider = createMembershipDecider();
const run = (...commands: MembershipCommand[]): MembershipEvent[] =>
  commands.reduce<MembershipEvent[]>(
    (events, next) => [
      ...events,
      ...decider.decide(next, events.reduce(decider.evolve, decider.initialState())),
    ],
    [],
  );
const paidVisit = (ro: string, at: string, spendFen = 50_000) =>
  cmd('EarnPoints', { source: { kind: 'repair-order', id: ro }, dealerId: 'd-sh-01', spendFen }, at);
const clockOf = (event: MembershipEvent | undefined) =>
  event && 'lapseClock' in event.data ? event.data.lapseClock : undefined;

describe('membership decider: the lapse clock restated on the events that start or end it', () => {
  it('a paid visit ends the running clock (the lapse its starting fact restated) and starts one from the visit', () => {
    // Visit 1: 10 Mar 2026 10:00 CST + 18 months = 10 Sep 2027 10:00 CST; it ends the enrolment's 1 Jul 2027.
    const first = lot(1, 500, '2026-03-10T02:00:00.000Z', '2028-03-10T02:00:00.000Z', 'ro-1', {
      ends: '2027-07-01T02:00:00.000Z',
      starts: '2027-09-10T02:00:00.000Z',
    });
    // Visit 2: 31 Aug 2026 23:30 CST (15:30Z) + 18 months = 29 Feb 2028 23:30 CST (the 31st clamped);
    // it ends the clock of visit 1, 10 Sep 2027.
    const decided = decider.decide(
      paidVisit('ro-2', '2026-08-31T15:30:00.000Z'),
      [enrolled, first].reduce(decider.evolve, decider.initialState()),
    );
    expect(clockOf(decided[0])).toEqual({
      ends: '2027-09-10T02:00:00.000Z',
      starts: '2028-02-29T15:30:00.000Z',
    });
  });

  it('points that are not a paid visit move no clock: null', () => {
    const [activity] = run(
      cmd('EnrollMember', { cardNumber: 'C-1', homeDealerId: 'd-sh-01' }, '2026-01-01T02:00:00.000Z'),
      cmd(
        'EarnPoints',
        { source: { kind: 'club-activity', id: 'ca-1' }, dealerId: 'd-sh-01', points: 50 },
        '2026-02-01T02:00:00.000Z',
      ),
    ).slice(1);
    expect(activity).toMatchObject({ type: 'PointsEarned', data: { lapseClock: null } });
  });

  it('a cancellation ends the running clock; once a due lapse has ended it, the cancellation ends none', () => {
    spec
      .given([enrolled])
      .when(cmd('CancelMembership', { reason: 'moved away' }, '2026-05-01T02:00:00.000Z'))
      .then([
        {
          type: 'MembershipCancelled',
          data: {
            customerId: 'cu-1',
            homeDealerId: 'd-sh-01',
            reason: 'moved away',
            cancelledAt: '2026-05-01T02:00:00.000Z',
            lapseClock: { ends: '2027-07-01T02:00:00.000Z', starts: null },
            forfeited: [],
            forfeitedPoints: 0,
          },
        },
      ]);
    // 1 Aug 2027 is after the lapse of 1 Jul 2027, not yet swept: the lapse is recorded first and ended it.
    const decided = decider.decide(
      cmd('CancelMembership', { reason: 'moved away' }, '2027-08-01T02:00:00.000Z'),
      [enrolled].reduce(decider.evolve, decider.initialState()),
    );
    expect(decided.map((event) => [event.type, clockOf(event)])).toEqual([
      ['MembershipLapsed', undefined],
      ['MembershipCancelled', null],
    ]);
  });

  it('a paid visit synced late, dated before a recorded lapse, withdraws it and ends the clock that lapse ended', () => {
    // Enrolled 1 Sep 2024 10:00 CST: lapses 1 Mar 2026 10:00 CST, recorded by the sweep of 1 Dec 2026.
    const swept = run(
      cmd('EnrollMember', { cardNumber: 'C-1', homeDealerId: 'd-sh-01' }, '2024-09-01T02:00:00.000Z'),
      cmd('ApplyDueExpiries', {}, '2026-12-01T02:00:00.000Z'),
    );
    expect(swept.map((event) => event.type)).toEqual(['MembershipEnrolled', 'MembershipLapsed']);
    // The visit of 8 Dec 2025 arrives afterwards: the lapse is withdrawn, the visit ends the enrolment's
    // clock (1 Mar 2026) and starts its own: 8 Dec 2025 + 18 months = 8 Jun 2027.
    const decided = decider.decide(
      paidVisit('ro-late', '2025-12-08T02:00:00.000Z'),
      swept.reduce(decider.evolve, decider.initialState()),
    );
    expect(decided.map((event) => event.type)).toEqual(['MembershipDecisionsWithdrawn', 'PointsEarned']);
    expect(clockOf(decided[1])).toEqual({
      ends: '2026-03-01T02:00:00.000Z',
      starts: '2027-06-08T02:00:00.000Z',
    });
  });

  it('a re-enrolment starts a clock and ends none (the lapse or the cancellation ended the last)', () => {
    const events = run(
      cmd('EnrollMember', { cardNumber: 'C-1', homeDealerId: 'd-sh-01' }, '2026-01-01T02:00:00.000Z'),
      cmd('CancelMembership', { reason: 'moved away' }, '2026-05-01T02:00:00.000Z'),
      cmd('ReEnrollMember', { cardNumber: 'C-2' }, '2026-06-15T02:00:00.000Z'),
      paidVisit('ro-1', '2026-07-01T02:00:00.000Z'),
    );
    // Re-enrolled 15 Jun 2026 → lapses 15 Dec 2027; the visit of 1 Jul 2026 ends that and starts 1 Jan 2028.
    expect(events.map((event) => [event.type, clockOf(event)])).toEqual([
      ['MembershipEnrolled', { ends: null, starts: '2027-07-01T02:00:00.000Z' }],
      ['MembershipCancelled', { ends: '2027-07-01T02:00:00.000Z', starts: null }],
      ['MembershipReEnrolled', { ends: null, starts: '2027-12-15T02:00:00.000Z' }],
      ['PointsEarned', { ends: '2027-12-15T02:00:00.000Z', starts: '2028-01-01T02:00:00.000Z' }],
    ]);
  });

  it('a clock started by an event written before v2 (upcast: null) is ended with ends null', () => {
    const upcast = MEMBERSHIP_UPCASTERS.MembershipEnrolled?.[1];
    const { lapseClock: _dropped, ...v1 } = enrolled.data as Record<string, unknown>;
    const old = { type: 'MembershipEnrolled', data: upcast?.(v1) } as MembershipEvent;
    expect(old.data).toMatchObject({ lapseClock: null });
    const decided = decider.decide(
      paidVisit('ro-1', '2026-03-10T02:00:00.000Z'),
      [old].reduce(decider.evolve, decider.initialState()),
    );
    expect(clockOf(decided[0])).toEqual({ ends: null, starts: '2027-09-10T02:00:00.000Z' });
  });
});
