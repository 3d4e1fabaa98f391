import type { MembershipStatus } from '../membership/membership.types';
import type { Command } from '../shared/event';

type Id = { activityId: string };
type OnMember = Id & { customerId: string };

/** The member as the membership stood at the sign-up's business time (a lapse that fell due counts). */
export type ClubMemberStanding = Readonly<{ homeDealerId: string; status: MembershipStatus }>;

export const DEFAULT_ATTENDANCE_POINTS = 100;

export type PlanClubActivity = Command<
  'PlanClubActivity',
  Id & {
    dealerId: string;
    title: string;
    startsAt: string;
    endsAt: string;
    capacity: number;
    /** Default 100. */
    attendancePoints?: number;
  }
>;
/** `member` is filled in by the handler from the membership stream, never by the client; null: no member. */
export type SignUpForClubActivity = Command<
  'SignUpForClubActivity',
  OnMember & { member: ClubMemberStanding | null }
>;
export type CancelClubActivitySignUp = Command<'CancelClubActivitySignUp', OnMember>;
export type AttendanceOutcome = 'attended' | 'no-show';
export type RecordClubActivityAttendance = Command<
  'RecordClubActivityAttendance',
  OnMember & { outcome: AttendanceOutcome }
>;

export type ClubActivityCommand =
  PlanClubActivity | SignUpForClubActivity | CancelClubActivitySignUp | RecordClubActivityAttendance;
