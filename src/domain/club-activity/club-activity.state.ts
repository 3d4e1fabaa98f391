import { ratio4 } from '../shared/ratio';
import type { ClubActivityEvent } from './club-activity.events';

/** `signed-up` until attendance is recorded after the start. */
export type SignUpStatus = 'signed-up' | 'cancelled' | 'attended' | 'no-show';
export type ClubActivitySignUp = Readonly<{
  customerId: string;
  status: SignUpStatus;
  signedUpAt: string;
  /** When attendance (or a no-show) was recorded; null before. */
  attendanceAt: string | null;
}>;

type Planned = Readonly<{
  status: 'planned';
  activityId: string;
  dealerId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  attendancePoints: number;
  signUps: readonly ClubActivitySignUp[];
  /** Business time of the plan or the last sign-up or cancellation: capacity is decided in that order. */
  lastSignUpFactAt: string;
}>;

export type ClubActivityState = Readonly<{ status: 'none' }> | Planned;
export type PlannedActivity = Planned;

const count = (activity: Planned, ...statuses: SignUpStatus[]) =>
  activity.signUps.filter((s) => statuses.includes(s.status)).length;

/** Signed up = every sign-up not cancelled; attendance rate = attended ÷ signed up (4 decimals). */
export const attendanceOf = (activity: Planned) => {
  const signedUp = count(activity, 'signed-up', 'attended', 'no-show');
  const attended = count(activity, 'attended');
  return {
    signedUp,
    attended,
    noShow: count(activity, 'no-show'),
    pending: count(activity, 'signed-up'),
    attendanceRate: ratio4(attended, signedUp),
  };
};

const withSignUp = (
  activity: Planned,
  customerId: string,
  change: Partial<ClubActivitySignUp>,
): ClubActivitySignUp[] =>
  activity.signUps.map((s) => (s.customerId === customerId ? { ...s, ...change } : s));

export const evolveClubActivity = (state: ClubActivityState, event: ClubActivityEvent): ClubActivityState => {
  if (event.type === 'ClubActivityPlanned') {
    const { activityId, dealerId, title, startsAt, endsAt, capacity, attendancePoints, plannedAt } =
      event.data;
    return {
      status: 'planned',
      activityId,
      dealerId,
      title,
      startsAt,
      endsAt,
      capacity,
      attendancePoints,
      signUps: [],
      lastSignUpFactAt: plannedAt,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ClubActivitySignedUp': {
      const { customerId, signedUpAt } = event.data;
      const signUp = { customerId, status: 'signed-up' as const, signedUpAt, attendanceAt: null };
      const others = state.signUps.filter((s) => s.customerId !== customerId);
      return { ...state, signUps: [...others, signUp], lastSignUpFactAt: signedUpAt };
    }
    case 'ClubActivitySignUpCancelled':
      return {
        ...state,
        signUps: withSignUp(state, event.data.customerId, { status: 'cancelled' }),
        lastSignUpFactAt: event.data.cancelledAt,
      };
    case 'ClubActivityAttended':
      return {
        ...state,
        signUps: withSignUp(state, event.data.customerId, {
          status: 'attended',
          attendanceAt: event.data.attendedAt,
        }),
      };
    case 'ClubActivityNoShowRecorded':
      return {
        ...state,
        signUps: withSignUp(state, event.data.customerId, {
          status: 'no-show',
          attendanceAt: event.data.recordedAt,
        }),
      };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};
