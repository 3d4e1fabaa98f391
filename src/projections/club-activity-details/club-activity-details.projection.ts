import type { ClubActivityEvent } from '../../domain/club-activity/club-activity.events';
import {
  attendanceOf,
  type ClubActivitySignUp,
  type ClubActivityState,
  evolveClubActivity,
} from '../../domain/club-activity/club-activity.state';
import type { ProjectionDefinition } from '../shared/projection';

/** One club activity as the desk sees it: its places, sign-ups with their status, and the attendance rate. */
export type ClubActivityDetails = {
  activityId: string;
  dealerId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  attendancePoints: number;
  /** Sign-ups not cancelled (attended, no-show and not yet recorded). */
  signedUp: number;
  attended: number;
  noShow: number;
  /** Signed up, attendance not recorded yet. */
  pending: number;
  placesLeft: number;
  /** attended ÷ signed up, 4 decimals; null when nobody is signed up. */
  attendanceRate: number | null;
  signUps: ClubActivitySignUp[];
  revision: number;
  /** The domain's folded state, so the figures come from the decider's own `evolve`. */
  state: ClubActivityState;
};

export const CLUB_ACTIVITY_EVENTS: readonly ClubActivityEvent['type'][] = [
  'ClubActivityPlanned',
  'ClubActivitySignedUp',
  'ClubActivitySignUpCancelled',
  'ClubActivityAttended',
  'ClubActivityNoShowRecorded',
];

export const clubActivityDetailsProjection: ProjectionDefinition<ClubActivityEvent, ClubActivityDetails> = {
  name: 'club-activity-details',
  version: 1,
  collection: 'club_activity_details',
  indexes: [['dealerId', 'startsAt']],
  handles: CLUB_ACTIVITY_EVENTS,
  documentIds: (event) => [event.data.activityId],
  apply: (doc, event) => {
    const state = evolveClubActivity(doc?.state ?? { status: 'none' }, event);
    if (state.status === 'none')
      throw new Error(`club activity ${event.data.activityId}: ${event.type} before it was planned`);
    const { activityId, dealerId, title, startsAt, endsAt, capacity, attendancePoints, signUps } = state;
    const figures = attendanceOf(state);
    return {
      activityId,
      dealerId,
      title,
      startsAt,
      endsAt,
      capacity,
      attendancePoints,
      ...figures,
      placesLeft: Math.max(0, capacity - figures.signedUp),
      signUps: [...signUps],
      revision: event.revision,
      state,
    };
  },
};
