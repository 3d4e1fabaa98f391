import { MembershipNotFound } from '../membership/membership.errors';
import type { Decider } from '../shared/event';
import * as C from './club-activity.commands';
import {
  activityFull,
  activityNotStarted,
  activityStarted,
  alreadyPlanned,
  alreadySignedUp,
  attendanceRecorded,
  attendedAlready,
  ClubActivityNotFound,
  ClubActivitySignUpNotFound,
  factOutOfOrder,
  memberNotActive,
  otherClub,
  periodInvalid,
  signUpCancelled,
} from './club-activity.errors';
import type { ClubActivityEvent } from './club-activity.events';
import {
  attendanceOf,
  type ClubActivitySignUp,
  type ClubActivityState,
  evolveClubActivity,
  type PlannedActivity,
} from './club-activity.state';

export type { ClubActivityState } from './club-activity.state';

const ms = (iso: string): number => Date.parse(iso);
const utc = (iso: string): string => new Date(iso).toISOString();

const plan = ({ data, metadata }: C.PlanClubActivity, state: ClubActivityState): ClubActivityEvent[] => {
  if (state.status !== 'none') throw alreadyPlanned(data.activityId);
  const startsAt = utc(data.startsAt);
  const endsAt = utc(data.endsAt);
  if (ms(endsAt) <= ms(startsAt)) throw periodInvalid(data.activityId, startsAt, endsAt);
  const { activityId, dealerId, title, capacity } = data;
  const attendancePoints = data.attendancePoints ?? C.DEFAULT_ATTENDANCE_POINTS;
  return [
    {
      type: 'ClubActivityPlanned',
      data: {
        activityId,
        dealerId,
        title,
        startsAt,
        endsAt,
        capacity,
        attendancePoints,
        plannedAt: metadata.now,
      },
    },
  ];
};

/**
 * Sign-ups and cancellations change who holds a place, so they are decided in business-time order (a
 * fact dated before the last one is refused) and only before the start: capacity then never depends on
 * the order in which they arrived.
 */
const beforeStart = (activity: PlannedActivity, now: string): void => {
  if (ms(now) >= ms(activity.startsAt)) throw activityStarted(activity.activityId, activity.startsAt, now);
  if (ms(now) < ms(activity.lastSignUpFactAt))
    throw factOutOfOrder(activity.activityId, activity.lastSignUpFactAt, now);
};

const signUpOf = (activity: PlannedActivity, customerId: string): ClubActivitySignUp => {
  const found = activity.signUps.find((s) => s.customerId === customerId);
  if (!found) throw new ClubActivitySignUpNotFound(activity.activityId, customerId);
  if (found.status === 'cancelled') throw signUpCancelled(activity.activityId, customerId);
  return found;
};

const signUp = (
  { data, metadata }: C.SignUpForClubActivity,
  activity: PlannedActivity,
): ClubActivityEvent[] => {
  const { activityId, dealerId } = activity;
  const { customerId, member } = data;
  beforeStart(activity, metadata.now);
  const held = activity.signUps.find((s) => s.customerId === customerId);
  if (held && held.status !== 'cancelled') throw alreadySignedUp(activityId, customerId);
  if (member === null) throw new MembershipNotFound(customerId);
  if (member.status !== 'active') throw memberNotActive(activityId, customerId, member.status);
  if (member.homeDealerId !== dealerId)
    throw otherClub(activityId, dealerId, customerId, member.homeDealerId);
  if (attendanceOf(activity).signedUp >= activity.capacity) throw activityFull(activityId, activity.capacity);
  return [
    { type: 'ClubActivitySignedUp', data: { activityId, dealerId, customerId, signedUpAt: metadata.now } },
  ];
};

const cancel = (
  { data, metadata }: C.CancelClubActivitySignUp,
  activity: PlannedActivity,
): ClubActivityEvent[] => {
  const { activityId, dealerId } = activity;
  signUpOf(activity, data.customerId);
  beforeStart(activity, metadata.now);
  const { customerId } = data;
  return [
    {
      type: 'ClubActivitySignUpCancelled',
      data: { activityId, dealerId, customerId, cancelledAt: metadata.now },
    },
  ];
};

/**
 * From the start on. A no-show may be corrected to attended (the member came late); attended is final,
 * since its points are earned. The same outcome twice is a duplicate, so attending earns once.
 */
const attendance = (
  { data, metadata }: C.RecordClubActivityAttendance,
  activity: PlannedActivity,
): ClubActivityEvent[] => {
  const { activityId, dealerId } = activity;
  const { customerId, outcome } = data;
  const now = metadata.now;
  const found = signUpOf(activity, customerId);
  if (ms(now) < ms(activity.startsAt)) throw activityNotStarted(activityId, activity.startsAt, now);
  if (found.status === outcome) throw attendanceRecorded(activityId, customerId, outcome);
  if (found.status === 'attended') throw attendedAlready(activityId, customerId);
  const on = { activityId, dealerId, customerId };
  return outcome === 'attended'
    ? [{ type: 'ClubActivityAttended', data: { ...on, points: activity.attendancePoints, attendedAt: now } }]
    : [{ type: 'ClubActivityNoShowRecorded', data: { ...on, recordedAt: now } }];
};

/** A dealer's club event: capacity, sign-ups before the start, attendance after it. */
export const clubActivityDecider: Decider<ClubActivityState, C.ClubActivityCommand, ClubActivityEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: evolveClubActivity,
  decide: (command, state) => {
    if (command.type === 'PlanClubActivity') return plan(command, state);
    if (state.status === 'none') throw new ClubActivityNotFound(command.data.activityId);
    switch (command.type) {
      case 'SignUpForClubActivity':
        return signUp(command, state);
      case 'CancelClubActivitySignUp':
        return cancel(command, state);
      case 'RecordClubActivityAttendance':
        return attendance(command, state);
      default: {
        const unreachable: never = command;
        return unreachable;
      }
    }
  },
};

/** One stream per activity; the category has no dash. */
export const clubActivityStreamId = (activityId: string): string => `clubactivity-${activityId}`;
