import type { Event } from '../shared/event';

type On = { activityId: string; dealerId: string };
type Member = On & { customerId: string };

/** A dealer's club event (会员活动): `capacity` sign-ups at most; attending earns `attendancePoints`. */
export type ClubActivityPlanned = Event<
  'ClubActivityPlanned',
  On & {
    title: string;
    startsAt: string;
    endsAt: string;
    capacity: number;
    /** Fixed points for attending, the same for every tier. */
    attendancePoints: number;
    plannedAt: string;
  }
>;
export type ClubActivitySignedUp = Event<'ClubActivitySignedUp', Member & { signedUpAt: string }>;
export type ClubActivitySignUpCancelled = Event<
  'ClubActivitySignUpCancelled',
  Member & { cancelledAt: string }
>;
/** The member came: `points` (the activity's) are earned on the membership once, by a reactor. */
export type ClubActivityAttended = Event<
  'ClubActivityAttended',
  Member & { points: number; attendedAt: string }
>;
export type ClubActivityNoShowRecorded = Event<'ClubActivityNoShowRecorded', Member & { recordedAt: string }>;

export type ClubActivityEvent =
  | ClubActivityPlanned
  | ClubActivitySignedUp
  | ClubActivitySignUpCancelled
  | ClubActivityAttended
  | ClubActivityNoShowRecorded;

export const CLUB_ACTIVITY_EVENT_TYPES = {
  ClubActivityPlanned: 1,
  ClubActivitySignedUp: 1,
  ClubActivitySignUpCancelled: 1,
  ClubActivityAttended: 1,
  ClubActivityNoShowRecorded: 1,
} as const satisfies Record<ClubActivityEvent['type'], number>;
