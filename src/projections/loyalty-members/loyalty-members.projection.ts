import { currentRules, DEFAULT_LOYALTY_RULE_SETS } from '../../domain/membership/loyalty-rules';
import type { MembershipEvent } from '../../domain/membership/membership.events';
import {
  type EnrolledMembership,
  evolveMembership,
  lapseDueAt,
  type MembershipState,
} from '../../domain/membership/membership.state';
import type { MembershipStatus, Tier, Voucher } from '../../domain/membership/membership.types';
import type { Envelope, ProjectionDefinition } from '../shared/projection';

const RULES = currentRules(DEFAULT_LOYALTY_RULE_SETS);

/**
 * One club member: the domain's own state (folded by the domain's `evolve`, so lots and vouchers are
 * exactly the decider's), and the fields the queries filter on. Figures that depend on "now" (spendable,
 * expiring soon) are computed from `state` at query time, so they are right before the sweep runs.
 */
export type LoyaltyMember = {
  customerId: string;
  cardNumber: string;
  homeDealerId: string;
  status: MembershipStatus;
  tier: Tier;
  lifetimePoints: number;
  /** Points left in lots not yet recorded as expired or forfeited. */
  outstandingPoints: number;
  enrolledAt: string;
  lastPaidVisitAt: string | null;
  /** When the membership lapses without another paid visit (active members only). */
  lapseDueAt: string | null;
  /** Soonest moment something falls due (a lot, a voucher, the lapse): what the expiry sweep looks for. */
  nextDueAt: string | null;
  vouchers: Voucher[];
  /**
   * The birthday (`MM-DD`) as the event stores it, sealed under the customer's key: never clear here, and
   * `[erased]` once the customer is forgotten. Only `GET /memberships/{customerId}` shows it (docs/care.md).
   */
  birthday: string | null;
  /** The years whose birthday reminder the clock noted (once each): what the birthday watcher skips. */
  birthdayReminderYears: number[];
  state: EnrolledMembership;
  /** Revision of the membership's stream: the ETag of this record. */
  revision: number;
  updatedAt: string;
};

const soonest = (dates: readonly string[]): string | null =>
  dates.length === 0 ? null : dates.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));

const memberOf = (state: EnrolledMembership, revision: number, updatedAt: string): LoyaltyMember => {
  const active = state.status === 'active';
  const lapse = active ? lapseDueAt(state, RULES) : null;
  const vouchers = [...state.vouchers];
  return {
    customerId: state.customerId,
    cardNumber: state.cardNumber,
    homeDealerId: state.homeDealerId,
    status: state.status,
    tier: state.tier,
    lifetimePoints: state.lifetimePoints,
    outstandingPoints: state.lots.reduce((sum, lot) => sum + lot.remaining, 0),
    enrolledAt: state.enrolledAt,
    lastPaidVisitAt: state.lastPaidVisitAt,
    lapseDueAt: lapse,
    nextDueAt: soonest([
      ...state.lots.map((lot) => lot.expiresAt),
      ...vouchers.filter((v) => v.status === 'issued').map((v) => v.expiresAt),
      ...(lapse ? [lapse] : []),
    ]),
    vouchers,
    birthday: state.birthday?.sealed ?? null,
    birthdayReminderYears: (state.birthdayReminders ?? []).map((reminder) => reminder.year),
    state,
    revision,
    updatedAt,
  };
};

export const loyaltyMembersProjection: ProjectionDefinition<MembershipEvent, LoyaltyMember> = {
  name: 'loyalty-members',
  // 2: the state remembers the clock's decisions, and a late fact withdraws them.
  // 4: the state keeps the lapse its running clock's starting fact restated (`restatedLapseAt`).
  // 5: the sealed birthday and the years its reminder was noted (the birthday watcher reads them).
  version: 5,
  collection: 'loyalty_members',
  indexes: [['homeDealerId', 'status'], ['nextDueAt'], ['status', 'lapseDueAt'], ['tier'], ['birthday']],
  handles: [
    'MembershipEnrolled',
    'PointsEarned',
    'MembershipTierChanged',
    'PointsRedeemed',
    'VoucherIssued',
    'VoucherRedeemed',
    'VoucherExpired',
    'PointsExpired',
    'PointsAdjusted',
    'MembershipLapsed',
    'MembershipCancelled',
    'MembershipReEnrolled',
    'MembershipDecisionsWithdrawn',
    'MemberCardReplaced',
    'MemberCardBlocked',
    'MemberBirthdayRecorded',
    'MemberBirthdayReminderDue',
    'MemberBirthdayRemindersEnded',
  ],
  documentIds: (event) => [event.data.customerId],
  apply: (doc, event: Envelope<MembershipEvent>) => {
    const before: MembershipState = doc?.state ?? { status: 'none' };
    const state = evolveMembership(before, { type: event.type, data: event.data } as MembershipEvent);
    if (state.status === 'none')
      throw new Error(`membership ${event.data.customerId}: ${event.type} before enrolment`);
    return memberOf(state, event.revision, event.occurredAt);
  },
};
