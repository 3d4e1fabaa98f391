import type { MembershipEvent } from '../../../../src/domain/membership/membership.events';
import { cmd, enrolled, home, lot, spec } from './membership-fixtures';

/**
 * The member's birthday and its yearly reminder (docs/care.md, "Birthday reminders"). The fixture member
 * enrolled 1 Jan 2026 10:00 CST (02:00Z); with no paid visit its clock lapses 1 Jul 2027 10:00 CST. Due
 * times are worked out by hand: 09:00 CST is 01:00Z of the same day; seven days before the birthday.
 */
const birthday = (monthDay: string, recordedAt: string): MembershipEvent => ({
  type: 'MemberBirthdayRecorded',
  data: { ...home, birthday: monthDay, recordedAt },
});
/** The watcher names the birthday as stored (here clear: no encoder in a decider spec) and opened. */
const note = (year: number, monthDay: string, now: string) =>
  cmd('NoteMemberBirthdayReminderDue', { year, birthday: { sealed: monthDay, monthDay } }, now);
const due = (year: number, dueAt: string): MembershipEvent => ({
  type: 'MemberBirthdayReminderDue',
  data: { ...home, year, dueAt },
});
const may20 = birthday('05-20', '2026-02-01T02:00:00.000Z');
// 20 May 2026 − 7 days = 13 May 2026, 09:00 CST = 01:00Z.
const MAY_13_2026 = '2026-05-13T01:00:00.000Z';
const cancelled = (at: string): MembershipEvent => ({
  type: 'MembershipCancelled',
  data: { ...home, reason: 'left', cancelledAt: at, lapseClock: null, forfeited: [], forfeitedPoints: 0 },
});

describe('membership decider: recording the birthday', () => {
  it('records month and day as MM-DD (sealed by the encoder when stored); again replaces it', () => {
    spec
      .given([enrolled])
      .when(cmd('RecordMemberBirthday', { month: 5, day: 20 }, '2026-02-01T02:00:00.000Z'))
      .then([may20]);
    spec
      .given([enrolled, may20])
      .when(cmd('RecordMemberBirthday', { month: 12, day: 3 }, '2026-03-01T02:00:00.000Z'))
      .then([birthday('12-03', '2026-03-01T02:00:00.000Z')]);
  });

  it('29 February is a birthday; 31 April and 30 February are no day of their month (422)', () => {
    spec
      .given([enrolled])
      .when(cmd('RecordMemberBirthday', { month: 2, day: 29 }, '2026-02-01T02:00:00.000Z'))
      .then([birthday('02-29', '2026-02-01T02:00:00.000Z')]);
    spec
      .given([enrolled])
      .when(cmd('RecordMemberBirthday', { month: 4, day: 31 }, '2026-02-01T02:00:00.000Z'))
      .thenThrows('MEMBER_BIRTHDAY_NOT_A_DATE', { customerId: 'cu-1', month: 4, day: 31 });
    spec
      .given([enrolled])
      .when(cmd('RecordMemberBirthday', { month: 2, day: 30 }, '2026-02-01T02:00:00.000Z'))
      .thenThrows('MEMBER_BIRTHDAY_NOT_A_DATE');
    spec
      .given([enrolled])
      .when(cmd('RecordMemberBirthday', { month: 13, day: 1 }, '2026-02-01T02:00:00.000Z'))
      .thenThrows('MEMBER_BIRTHDAY_NOT_A_DATE');
  });

  it('only for an active member: not a member 404, cancelled, lapsed', () => {
    spec
      .given([])
      .when(cmd('RecordMemberBirthday', { month: 5, day: 20 }, '2026-02-01T02:00:00.000Z'))
      .thenThrows('MEMBERSHIP_NOT_FOUND');
    spec
      .given([enrolled, cancelled('2026-03-01T02:00:00.000Z')])
      .when(cmd('RecordMemberBirthday', { month: 5, day: 20 }, '2026-04-01T02:00:00.000Z'))
      .thenThrows('MEMBERSHIP_CANCELLED');
    // 2 Jul 2027 is after the lapse of 1 Jul 2027 10:00 CST (not yet recorded by the sweep).
    spec
      .given([enrolled])
      .when(cmd('RecordMemberBirthday', { month: 5, day: 20 }, '2027-07-02T02:00:00.000Z'))
      .thenThrows('MEMBERSHIP_LAPSED');
  });
});

describe("membership decider: the clock's note that a birthday reminder is due", () => {
  it('dated at its due time, 09:00 CST seven days before the birthday, for the home dealer', () => {
    spec
      .given([enrolled, may20])
      .when(note(2026, '05-20', MAY_13_2026))
      .then([due(2026, MAY_13_2026)]);
  });

  it('a late sweep (the service was down) still notes it, dated at the due time', () => {
    spec
      .given([enrolled, may20])
      .when(note(2026, '05-20', '2026-06-30T08:00:00.000Z'))
      .then([due(2026, MAY_13_2026)]);
  });

  it('not before its due time', () => {
    spec
      .given([enrolled, may20])
      .when(note(2026, '05-20', '2026-05-13T00:59:59.000Z'))
      .then([]);
  });

  it('29 February: 28 February in a common year (2027), 29 February in a leap year (2028)', () => {
    const feb29 = birthday('02-29', '2026-02-01T02:00:00.000Z');
    // 28 Feb 2027 − 7 days = 21 Feb 2027, 09:00 CST = 01:00Z.
    spec
      .given([enrolled, feb29])
      .when(note(2027, '02-29', '2027-02-21T01:00:00.000Z'))
      .then([due(2027, '2027-02-21T01:00:00.000Z')]);
    // A paid visit on 1 Jun 2027 10:00 CST restarts the clock (lapse 1 Dec 2028), so the member is active in
    // 2028: 29 Feb 2028 − 7 days = 22 Feb 2028, 09:00 CST = 01:00Z.
    const visit = lot(1, 300, '2027-06-01T02:00:00.000Z', '2029-06-01T02:00:00.000Z');
    spec
      .given([enrolled, feb29, visit])
      .when(note(2028, '02-29', '2028-03-01T02:00:00.000Z'))
      .then([due(2028, '2028-02-22T01:00:00.000Z')]);
  });

  it('a birthday in the first week of January falls due in the December before, and belongs to its own year', () => {
    // The reminder of 3 Jan 2027 is `birthday-cu-1-2027`: 3 Jan 2027 − 7 days = 27 Dec 2026, 09:00 CST.
    const jan3 = birthday('01-03', '2026-02-01T02:00:00.000Z');
    spec
      .given([enrolled, jan3])
      .when(note(2027, '01-03', '2026-12-28T02:00:00.000Z'))
      .then([due(2027, '2026-12-27T01:00:00.000Z')]);
    // The one of 3 Jan 2026 was due on 27 Dec 2025, before the enrolment (and before the birthday was known).
    spec
      .given([enrolled, jan3])
      .when(note(2026, '01-03', '2026-12-28T02:00:00.000Z'))
      .then([]);
  });

  it('not due when the membership was cancelled before the due time, or lapsed by then', () => {
    spec
      .given([enrolled, may20, cancelled('2026-05-01T02:00:00.000Z')])
      .when(note(2026, '05-20', '2026-05-14T02:00:00.000Z'))
      .then([]);
    // 20 May 2027 − 7 = 13 May 2027: active (lapse 1 Jul 2027). A birthday of 15 Jul is due 8 Jul 2027,
    // after the lapse of 1 Jul (not yet recorded): not due.
    spec
      .given([enrolled, birthday('07-15', '2026-02-01T02:00:00.000Z')])
      .when(note(2027, '07-15', '2027-07-09T02:00:00.000Z'))
      .then([]);
  });

  it('a cancellation after the due time leaves it due (the late sweep still notes it)', () => {
    spec
      .given([enrolled, may20, cancelled('2026-05-14T02:00:00.000Z')])
      .when(note(2026, '05-20', '2026-06-01T02:00:00.000Z'))
      .then([due(2026, MAY_13_2026)]);
  });

  it('not due when the birthday was recorded only after the due time: the next year is', () => {
    const late = birthday('05-20', '2026-05-14T02:00:00.000Z');
    spec
      .given([enrolled, late])
      .when(note(2026, '05-20', '2026-05-15T02:00:00.000Z'))
      .then([]);
    spec
      .given([enrolled, late])
      .when(note(2027, '05-20', '2027-05-13T01:00:00.000Z'))
      .then([due(2027, '2027-05-13T01:00:00.000Z')]);
  });

  it('once per member and year: a second note is a quiet no-op', () => {
    spec
      .given([enrolled, may20, due(2026, MAY_13_2026)])
      .when(note(2026, '05-20', '2026-05-14T02:00:00.000Z'))
      .then([]);
  });

  it('nothing for a birthday that is not the one recorded now (replaced since the watcher read it), or none', () => {
    spec
      .given([enrolled, may20, birthday('06-01', '2026-03-01T02:00:00.000Z')])
      .when(note(2026, '05-20', MAY_13_2026))
      .then([]);
    spec
      .given([enrolled])
      .when(note(2026, '05-20', MAY_13_2026))
      .then([]);
  });

  it('a late cancellation dated before the due time of a noted reminder ends it, as of its own time', () => {
    spec
      .given([enrolled, may20, due(2026, MAY_13_2026)])
      .when(cmd('CancelMembership', { reason: 'left' }, '2026-05-01T02:00:00.000Z'))
      .then([
        {
          type: 'MembershipCancelled',
          data: {
            ...home,
            reason: 'left',
            cancelledAt: '2026-05-01T02:00:00.000Z',
            lapseClock: { ends: '2027-07-01T02:00:00.000Z', starts: null },
            forfeited: [],
            forfeitedPoints: 0,
          },
        },
        {
          type: 'MemberBirthdayRemindersEnded',
          data: { ...home, years: [2026], endedAt: '2026-05-01T02:00:00.000Z' },
        },
      ]);
    // After the due time: the reminder stays as it was.
    spec
      .given([enrolled, may20, due(2026, MAY_13_2026)])
      .when(cmd('CancelMembership', { reason: 'left' }, '2026-05-20T02:00:00.000Z'))
      .then([
        {
          type: 'MembershipCancelled',
          data: {
            ...home,
            reason: 'left',
            cancelledAt: '2026-05-20T02:00:00.000Z',
            lapseClock: { ends: '2027-07-01T02:00:00.000Z', starts: null },
            forfeited: [],
            forfeitedPoints: 0,
          },
        },
      ]);
  });
});
