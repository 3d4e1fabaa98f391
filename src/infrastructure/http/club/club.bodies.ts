import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { ClubActivityRequest } from '../../../application/club-activity/club-activity.commands';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../../../application/shared/record-id';
import type { AttendanceOutcome } from '../../../domain/club-activity/club-activity.commands';
import { BusinessTime } from '../shared/command.bodies';
import { ONE_LINE, ONE_LINE_MESSAGE } from '../shared/text-rules';

/** Each body is its command's data less the activity id (from the path), so a drifting body does not compile. */
type Body<T extends ClubActivityRequest['type']> = Omit<
  Extract<ClubActivityRequest, { type: T }>['data'],
  'activityId'
>;

export class PlanClubActivityBody extends BusinessTime implements Body<'PlanClubActivity'> {
  /** Optional: one is made up when left out. @example act-tyres-2026-11 */
  @IsOptional() @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) activityId?: string;
  /** The dealer whose club holds the activity. @example d-sh-01 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId!: string;
  /** @example "Winter tyre workshop" */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 200) title!: string;
  /** Business time it starts; sign-ups close then and attendance opens. @example 2026-11-14T14:00:00+08:00 */
  @IsISO8601({ strict: true, strictSeparator: true }) startsAt!: string;
  /** Business time it ends, after the start. @example 2026-11-14T17:00:00+08:00 */
  @IsISO8601({ strict: true, strictSeparator: true }) endsAt!: string;
  /** Places: sign-ups beyond it are refused. @example 30 */
  @IsInt() @Min(1) @Max(100_000) capacity!: number;
  /** Points earned for attending, whatever the tier; default 100. @example 100 */
  @IsOptional() @IsInt() @Min(0) @Max(100_000) attendancePoints?: number;
}

export class ClubActivityMemberBody extends BusinessTime implements Body<'CancelClubActivitySignUp'> {
  /** The club member. @example cu-20931 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) customerId!: string;
}

export class SignUpForClubActivityBody
  extends ClubActivityMemberBody
  implements Body<'SignUpForClubActivity'> {}

export class RecordClubActivityAttendanceBody
  extends ClubActivityMemberBody
  implements Body<'RecordClubActivityAttendance'>
{
  /** `attended` earns the activity's points once; a `no-show` may later be corrected to attended. @example attended */
  @IsIn(['attended', 'no-show']) outcome!: AttendanceOutcome;
}
