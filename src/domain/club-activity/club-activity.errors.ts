import { DomainError } from '../shared/domain-error';

export class ClubActivityNotFound extends DomainError {
  constructor(activityId: string) {
    super(
      'CLUB_ACTIVITY_NOT_FOUND',
      'not-found',
      `club activity ${activityId} is not planned: plan it first`,
      {
        activityId,
      },
    );
  }
}

export class ClubActivitySignUpNotFound extends DomainError {
  constructor(activityId: string, customerId: string) {
    super(
      'CLUB_ACTIVITY_SIGN_UP_NOT_FOUND',
      'not-found',
      `member ${customerId} has not signed up for club activity ${activityId}: sign them up first`,
      { activityId, customerId },
    );
  }
}

/** A duplicate of something the activity holds already (409). */
const duplicate = (
  code: string,
  activityId: string,
  message: string,
  details: Record<string, unknown> = {},
) =>
  new DomainError(code, 'already-exists', `club activity ${activityId}: ${message}`, {
    activityId,
    ...details,
  });

/** A command the activity's state or the business time forbids (422). */
const refused = (code: string, activityId: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError(code, 'forbidden-transition', `club activity ${activityId} ${message}`, {
    activityId,
    ...details,
  });

export const alreadyPlanned = (activityId: string) =>
  duplicate('CLUB_ACTIVITY_ALREADY_PLANNED', activityId, 'is planned already: use a new id');

export const alreadySignedUp = (activityId: string, customerId: string) =>
  duplicate('CLUB_ACTIVITY_ALREADY_SIGNED_UP', activityId, `member ${customerId} is signed up already`, {
    customerId,
  });

export const attendanceRecorded = (activityId: string, customerId: string, outcome: string) =>
  duplicate(
    'CLUB_ACTIVITY_ATTENDANCE_RECORDED',
    activityId,
    `member ${customerId} is recorded as ${outcome} already`,
    { customerId, outcome },
  );

export const periodInvalid = (activityId: string, startsAt: string, endsAt: string) =>
  refused('CLUB_ACTIVITY_PERIOD_INVALID', activityId, `must end after it starts (${startsAt} → ${endsAt})`, {
    startsAt,
    endsAt,
  });

export const activityFull = (activityId: string, capacity: number) =>
  refused('CLUB_ACTIVITY_FULL', activityId, `is full (${capacity} signed up): cancel a sign-up first`, {
    capacity,
  });

export const activityStarted = (activityId: string, startsAt: string, at: string) =>
  refused(
    'CLUB_ACTIVITY_STARTED',
    activityId,
    `started at ${startsAt}: sign-ups and their cancellations must be dated before it, not ${at}`,
    { startsAt, at },
  );

export const activityNotStarted = (activityId: string, startsAt: string, at: string) =>
  refused(
    'CLUB_ACTIVITY_NOT_STARTED',
    activityId,
    `starts at ${startsAt}: attendance is recorded from then on, not at ${at}`,
    { startsAt, at },
  );

export const memberNotActive = (activityId: string, customerId: string, status: string) =>
  refused(
    'CLUB_ACTIVITY_MEMBER_NOT_ACTIVE',
    activityId,
    `is for active members: ${customerId}'s membership is ${status}`,
    { customerId, status },
  );

export const otherClub = (activityId: string, dealerId: string, customerId: string, homeDealerId: string) =>
  refused(
    'CLUB_ACTIVITY_OTHER_CLUB',
    activityId,
    `is dealer ${dealerId}'s club event: member ${customerId} belongs to dealer ${homeDealerId}'s club`,
    { customerId, homeDealerId },
  );

export const signUpCancelled = (activityId: string, customerId: string) =>
  refused(
    'CLUB_ACTIVITY_SIGN_UP_CANCELLED',
    activityId,
    `has ${customerId}'s sign-up cancelled: sign up again`,
    {
      customerId,
    },
  );

export const attendedAlready = (activityId: string, customerId: string) =>
  refused(
    'CLUB_ACTIVITY_ATTENDED_ALREADY',
    activityId,
    `recorded ${customerId} as attended and the points were earned: it cannot become a no-show`,
    { customerId },
  );

export const factOutOfOrder = (activityId: string, lastAt: string, at: string) =>
  refused(
    'CLUB_ACTIVITY_FACT_OUT_OF_ORDER',
    activityId,
    `has a plan, sign-up or cancellation dated ${lastAt}: one dated ${at} must come in business-time order`,
    { lastAt, at },
  );
