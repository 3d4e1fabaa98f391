import type {
  ClubActivityLine,
  ClubActivityList,
  ClubActivityRecord,
} from '../../../application/club-activity/club-activity.queries';
import type { ClubActivitySignUp, SignUpStatus } from '../../../domain/club-activity/club-activity.state';
import type { DealerVoucherLiability } from '../../../application/membership/voucher-liability.query';
import type { ClubStatistics } from '../../../domain/membership/club-statistics';
import type { Tier } from '../../../domain/membership/membership.types';

export class ClubActivitySignUpView implements ClubActivitySignUp {
  customerId!: string;
  /** `signed-up` until attendance is recorded after the start. @example attended */
  status!: SignUpStatus;
  signedUpAt!: string;
  /** When attendance or a no-show was recorded; null before. */
  attendanceAt!: string | null;
}

export class ClubActivityLineView implements ClubActivityLine {
  activityId!: string;
  dealerId!: string;
  title!: string;
  startsAt!: string;
  endsAt!: string;
  capacity!: number;
  /** Points for attending, the same for every tier. @example 100 */
  attendancePoints!: number;
  /** Sign-ups not cancelled: attended, no-show and not yet recorded. */
  signedUp!: number;
  attended!: number;
  noShow!: number;
  /** Signed up, attendance not yet recorded. */
  pending!: number;
  placesLeft!: number;
  /** attended ÷ signed up, 4 decimals; null when nobody is signed up. @example 0.5 */
  attendanceRate!: number | null;
  /** Stream revision; also the ETag. */
  revision!: number;
}

export class ClubActivityView extends ClubActivityLineView implements ClubActivityRecord {
  signUps!: ClubActivitySignUpView[];
}

export class ClubActivityListView implements ClubActivityList {
  dealerId!: string;
  activities!: ClubActivityLineView[];
}

export class MembersByTierView implements Record<Tier, number> {
  silver!: number;
  gold!: number;
  platinum!: number;
}

export class ClubStatisticsView implements ClubStatistics {
  /** @example 2026-03 */
  month!: string;
  /** The home dealer counted; null for the network (every dealer's members). @example d-sh-01 */
  dealerId!: string | null;
  /** The first instant after the month (CST); facts before it count. @example 2026-03-31T16:00:00.000Z */
  monthEndsAt!: string;
  /** Active members by tier at the month's end. */
  membersByTier!: MembersByTierView;
  /** Members neither lapsed nor cancelled at the month's end. */
  activeMembers!: number;
  /** Active members with a paid visit in the 12 months ending with the month. */
  membersWithPaidVisit!: number;
  /** membersWithPaidVisit ÷ activeMembers, 4 decimals; null with no active member. @example 0.6667 */
  activeRate!: number | null;
  /** Points earned in the month by the dealer's members (repair orders, purchases, activities). */
  pointsIssued!: number;
  /** Points redeemed in the month (gifts and vouchers). */
  pointsRedeemed!: number;
  /** pointsRedeemed ÷ pointsIssued, 4 decimals; null when none were issued. @example 0.25 */
  redemptionRate!: number | null;
}

export class VoucherLiabilityView implements DealerVoucherLiability {
  /** The members' home dealer, which owes the vouchers. @example d-sh-01 */
  dealerId!: string;
  /** The instant the figures are as of. @example 2026-06-30T15:59:59.000Z */
  asOf!: string;
  /** Vouchers issued at or before `asOf`, not redeemed at or before it, not expired by it. @example 2 */
  outstandingVouchers!: number;
  /** Their face value in fen (10,000 = 100 RMB). @example 15000 */
  outstandingValueFen!: number;
}
