import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type ClubActivityRequest,
  ExecuteClubActivityCommand,
} from '../../../application/club-activity/club-activity.commands';
import { commandRoutes } from '../shared/command-routes';
import { commandTarget } from '../shared/command-sender';
import { routeTable } from '../shared/route-table';
import {
  ClubActivityMemberBody,
  PlanClubActivityBody,
  RecordClubActivityAttendanceBody,
  SignUpForClubActivityBody,
} from './club.bodies';

const ACTIVITY = commandTarget<ClubActivityRequest>()(
  'clubactivity',
  'activityId',
  ExecuteClubActivityCommand,
);
const { opens, step } = commandRoutes(ACTIVITY, {
  notFound: 'CLUB_ACTIVITY_NOT_FOUND, CLUB_ACTIVITY_SIGN_UP_NOT_FOUND, MEMBERSHIP_NOT_FOUND',
  collection: '/club/activities',
});

/** The club desk's member activities (会员活动): places, sign-ups before the start, attendance after it. */
@ApiTags('loyalty club')
@Controller('club/activities')
export class ClubActivityCommandsController extends routeTable({
  plan: opens('', 'PlanClubActivity', PlanClubActivityBody, 'membership.manage', {
    summary: "Plan an activity of one dealer's club: start and end, capacity, points for attending",
    refusals: 'CLUB_ACTIVITY_PERIOD_INVALID',
    conflicts: 'CLUB_ACTIVITY_ALREADY_PLANNED',
  }),
  signUp: step('sign-ups', 'SignUpForClubActivity', SignUpForClubActivityBody, 'membership.manage', {
    summary: 'Sign a member up, before the start, while a place is left',
    refusals:
      'CLUB_ACTIVITY_FULL, CLUB_ACTIVITY_STARTED, CLUB_ACTIVITY_MEMBER_NOT_ACTIVE, CLUB_ACTIVITY_OTHER_CLUB, CLUB_ACTIVITY_FACT_OUT_OF_ORDER',
    conflicts: 'CLUB_ACTIVITY_ALREADY_SIGNED_UP',
    description:
      "The member must be active (not lapsed, a lapse due by the sign-up's time included, nor cancelled) and of the activity's dealer's club. Sign-ups and cancellations are decided in business-time order: one dated before the last is refused.",
  }),
  cancelSignUp: step(
    'sign-up-cancellations',
    'CancelClubActivitySignUp',
    ClubActivityMemberBody,
    'membership.manage',
    {
      summary: "Cancel a member's sign-up before the start; the place is free again",
      refusals: 'CLUB_ACTIVITY_STARTED, CLUB_ACTIVITY_SIGN_UP_CANCELLED, CLUB_ACTIVITY_FACT_OUT_OF_ORDER',
    },
  ),
  attendance: step(
    'attendance',
    'RecordClubActivityAttendance',
    RecordClubActivityAttendanceBody,
    'membership.manage',
    {
      summary:
        'Record that a signed-up member attended (earns the points once) or did not come, from the start on',
      refusals: 'CLUB_ACTIVITY_NOT_STARTED, CLUB_ACTIVITY_SIGN_UP_CANCELLED, CLUB_ACTIVITY_ATTENDED_ALREADY',
      conflicts: 'CLUB_ACTIVITY_ATTENDANCE_RECORDED',
      description:
        "Attended: the loyalty-earning reactor earns the activity's points on the membership once (source `club-activity:<activityId>`). A no-show may be corrected to attended; attended is final. The same outcome twice is a 409.",
    },
  ),
}) {}
