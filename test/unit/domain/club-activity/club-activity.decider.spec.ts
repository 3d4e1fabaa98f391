import type {
  ClubActivityCommand,
  ClubMemberStanding,
} from '../../../../src/domain/club-activity/club-activity.commands';
import { clubActivityDecider } from '../../../../src/domain/club-activity/club-activity.decider';
import type { ClubActivityEvent } from '../../../../src/domain/club-activity/club-activity.events';
import { attendanceOf, evolveClubActivity } from '../../../../src/domain/club-activity/club-activity.state';
import type { Actor } from '../../../../src/domain/shared/event';
import { deciderSpecification } from '../../../support/decider-specification';

const DESK: Actor = { userId: 'sa-wu', role: 'service-advisor', dealerId: 'd-1' };
const ON = { activityId: 'a-1', dealerId: 'd-1' };
// Planned on 1 June for 10 June 10:00–12:00 (UTC, 18:00–20:00 CST), two places, the default 100 points.
const PLANNED_AT = '2026-06-01T02:00:00.000Z';
const STARTS = '2026-06-10T10:00:00.000Z';
const ENDS = '2026-06-10T12:00:00.000Z';
const BEFORE = '2026-06-05T02:00:00.000Z';
const AFTER = '2026-06-10T10:30:00.000Z';
const ACTIVE: ClubMemberStanding = { homeDealerId: 'd-1', status: 'active' };

const meta = (now: string) => ({ now, actor: DESK });
type Plan = Omit<Extract<ClubActivityCommand, { type: 'PlanClubActivity' }>['data'], 'activityId'>;
const plan = (data: Plan, now: string): ClubActivityCommand => ({
  type: 'PlanClubActivity',
  data: { activityId: 'a-1', ...data },
  metadata: meta(now),
});
const cancel = (customerId: string, now: string): ClubActivityCommand => ({
  type: 'CancelClubActivitySignUp',
  data: { activityId: 'a-1', customerId },
  metadata: meta(now),
});

const planned: ClubActivityEvent = {
  type: 'ClubActivityPlanned',
  data: {
    ...ON,
    title: 'Winter tyre workshop',
    startsAt: STARTS,
    endsAt: ENDS,
    capacity: 2,
    attendancePoints: 100,
    plannedAt: PLANNED_AT,
  },
};
const signedUp = (customerId: string, signedUpAt = BEFORE): ClubActivityEvent => ({
  type: 'ClubActivitySignedUp',
  data: { ...ON, customerId, signedUpAt },
});
const cancelled = (customerId: string, cancelledAt = BEFORE): ClubActivityEvent => ({
  type: 'ClubActivitySignUpCancelled',
  data: { ...ON, customerId, cancelledAt },
});
const attended = (customerId: string): ClubActivityEvent => ({
  type: 'ClubActivityAttended',
  data: { ...ON, customerId, points: 100, attendedAt: AFTER },
});
const noShow = (customerId: string): ClubActivityEvent => ({
  type: 'ClubActivityNoShowRecorded',
  data: { ...ON, customerId, recordedAt: AFTER },
});

const spec = deciderSpecification(clubActivityDecider);
const signUp = (
  customerId: string,
  now = BEFORE,
  member: ClubMemberStanding | null = ACTIVE,
): ClubActivityCommand => ({
  type: 'SignUpForClubActivity',
  data: { activityId: 'a-1', customerId, member },
  metadata: meta(now),
});
const record = (customerId: string, outcome: 'attended' | 'no-show', now = AFTER): ClubActivityCommand => ({
  type: 'RecordClubActivityAttendance',
  data: { activityId: 'a-1', customerId, outcome },
  metadata: meta(now),
});

describe('club activity decider: planning', () => {
  it('plans an activity with 100 points for attending by default, times in UTC', () =>
    spec
      .given([])
      .when(
        plan(
          {
            dealerId: 'd-1',
            title: 'Winter tyre workshop',
            startsAt: '2026-06-10T18:00:00+08:00',
            endsAt: '2026-06-10T20:00:00+08:00',
            capacity: 2,
          },
          PLANNED_AT,
        ),
      )
      .then([planned]));

  it('refuses a second plan of the same id, an end not after the start, and commands on no activity', () => {
    const details = { dealerId: 'd-1', title: 'x', startsAt: STARTS, endsAt: ENDS, capacity: 2 };
    spec.given([planned]).when(plan(details, PLANNED_AT)).thenThrows('CLUB_ACTIVITY_ALREADY_PLANNED');
    spec
      .given([])
      .when(plan({ ...details, endsAt: STARTS }, PLANNED_AT))
      .thenThrows('CLUB_ACTIVITY_PERIOD_INVALID');
    spec.given([]).when(signUp('cu-1')).thenThrows('CLUB_ACTIVITY_NOT_FOUND');
  });
});

describe('club activity decider: sign-ups before the start, capacity', () => {
  it("signs up an active member of the dealer's club", () =>
    spec
      .given([planned])
      .when(signUp('cu-1'))
      .then([signedUp('cu-1')]));

  it('refuses a third sign-up when 2 of 2 places are taken', () =>
    spec
      .given([planned, signedUp('cu-1'), signedUp('cu-2')])
      .when(signUp('cu-3'))
      .thenThrows('CLUB_ACTIVITY_FULL', { activityId: 'a-1', capacity: 2 }));

  it('a cancelled sign-up frees its place; the member may sign up again', () => {
    spec
      .given([planned, signedUp('cu-1'), signedUp('cu-2'), cancelled('cu-2')])
      .when(signUp('cu-3'))
      .then([signedUp('cu-3')]);
    spec
      .given([planned, signedUp('cu-1'), cancelled('cu-1')])
      .when(signUp('cu-1'))
      .then([signedUp('cu-1')]);
  });

  it('refuses a customer who is no member, one signed up already, one not active, one of another dealer', () => {
    spec
      .given([planned])
      .when(signUp('cu-1', BEFORE, null))
      .thenThrows('MEMBERSHIP_NOT_FOUND');
    spec
      .given([planned, signedUp('cu-1')])
      .when(signUp('cu-1'))
      .thenThrows('CLUB_ACTIVITY_ALREADY_SIGNED_UP');
    spec
      .given([planned])
      .when(signUp('cu-1', BEFORE, { homeDealerId: 'd-1', status: 'lapsed' }))
      .thenThrows('CLUB_ACTIVITY_MEMBER_NOT_ACTIVE', {
        activityId: 'a-1',
        customerId: 'cu-1',
        status: 'lapsed',
      });
    spec
      .given([planned])
      .when(signUp('cu-1', BEFORE, { homeDealerId: 'd-1', status: 'cancelled' }))
      .thenThrows('CLUB_ACTIVITY_MEMBER_NOT_ACTIVE');
    spec
      .given([planned])
      .when(signUp('cu-1', BEFORE, { homeDealerId: 'd-2', status: 'active' }))
      .thenThrows('CLUB_ACTIVITY_OTHER_CLUB');
  });

  it('business time: a sign-up at or after the start is refused, and so is its cancellation', () => {
    spec.given([planned]).when(signUp('cu-1', STARTS)).thenThrows('CLUB_ACTIVITY_STARTED');
    spec.given([planned]).when(signUp('cu-1', AFTER)).thenThrows('CLUB_ACTIVITY_STARTED');
    spec
      .given([planned, signedUp('cu-1')])
      .when(cancel('cu-1', AFTER))
      .thenThrows('CLUB_ACTIVITY_STARTED');
    spec
      .given([planned, signedUp('cu-1')])
      .when(cancel('cu-1', BEFORE))
      .then([cancelled('cu-1')]);
  });

  it('business time: a sign-up or cancellation dated before the last one (or the plan) is refused', () => {
    const later = '2026-06-07T02:00:00.000Z';
    spec
      .given([planned, signedUp('cu-1', later)])
      .when(signUp('cu-2', BEFORE))
      .thenThrows('CLUB_ACTIVITY_FACT_OUT_OF_ORDER', { activityId: 'a-1', lastAt: later, at: BEFORE });
    spec
      .given([planned])
      .when(signUp('cu-2', '2026-05-30T02:00:00.000Z'))
      .thenThrows('CLUB_ACTIVITY_FACT_OUT_OF_ORDER');
  });

  it('cancelling needs a sign-up that is not cancelled', () => {
    spec.given([planned]).when(cancel('cu-1', BEFORE)).thenThrows('CLUB_ACTIVITY_SIGN_UP_NOT_FOUND');
    spec
      .given([planned, signedUp('cu-1'), cancelled('cu-1')])
      .when(cancel('cu-1', BEFORE))
      .thenThrows('CLUB_ACTIVITY_SIGN_UP_CANCELLED');
  });
});

describe('club activity decider: attendance from the start', () => {
  const two = [planned, signedUp('cu-1'), signedUp('cu-2')];

  it("records attended with the activity's points, and a no-show", () => {
    spec
      .given(two)
      .when(record('cu-1', 'attended'))
      .then([attended('cu-1')]);
    spec
      .given(two)
      .when(record('cu-2', 'no-show'))
      .then([noShow('cu-2')]);
  });

  it('refuses attendance before the start, for no sign-up, or a cancelled one', () => {
    spec
      .given(two)
      .when(record('cu-1', 'attended', BEFORE))
      .thenThrows('CLUB_ACTIVITY_NOT_STARTED');
    spec.given(two).when(record('cu-9', 'attended')).thenThrows('CLUB_ACTIVITY_SIGN_UP_NOT_FOUND');
    spec
      .given([planned, signedUp('cu-1'), cancelled('cu-1')])
      .when(record('cu-1', 'attended'))
      .thenThrows('CLUB_ACTIVITY_SIGN_UP_CANCELLED');
  });

  it('attendance sent twice is a duplicate: one ClubActivityAttended per member, so the points once', () => {
    spec
      .given([...two, attended('cu-1')])
      .when(record('cu-1', 'attended'))
      .thenThrows('CLUB_ACTIVITY_ATTENDANCE_RECORDED', {
        activityId: 'a-1',
        customerId: 'cu-1',
        outcome: 'attended',
      });
    spec
      .given([...two, noShow('cu-2')])
      .when(record('cu-2', 'no-show'))
      .thenThrows('CLUB_ACTIVITY_ATTENDANCE_RECORDED');
  });

  it('a no-show can be corrected to attended; attended cannot become a no-show', () => {
    spec
      .given([...two, noShow('cu-2')])
      .when(record('cu-2', 'attended'))
      .then([attended('cu-2')]);
    spec
      .given([...two, attended('cu-1')])
      .when(record('cu-1', 'no-show'))
      .thenThrows('CLUB_ACTIVITY_ATTENDED_ALREADY');
  });

  it('attendance rate = attended ÷ signed up: 1 attended, 1 no-show of 2 → 0.5; a cancelled one not counted', () => {
    const history = [planned, signedUp('cu-1'), signedUp('cu-2'), signedUp('cu-3'), cancelled('cu-3')];
    const after = [...history, attended('cu-1'), noShow('cu-2')];
    const state = after.reduce(evolveClubActivity, clubActivityDecider.initialState());
    if (state.status !== 'planned') throw new Error('not planned');
    // signed up 2 (cu-3 cancelled), attended 1 → 1 ÷ 2 = 0.5
    expect(attendanceOf(state)).toEqual({
      signedUp: 2,
      attended: 1,
      noShow: 1,
      pending: 0,
      attendanceRate: 0.5,
    });
    const none = [planned].reduce(evolveClubActivity, clubActivityDecider.initialState());
    if (none.status !== 'planned') throw new Error('not planned');
    expect(attendanceOf(none).attendanceRate).toBeNull();
  });
});
