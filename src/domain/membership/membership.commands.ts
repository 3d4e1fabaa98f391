import type { Command } from '../shared/event';
import type { EarnSource } from './membership.types';

type Id = { customerId: string };

export type EnrollMember = Command<'EnrollMember', Id & { cardNumber: string; homeDealerId: string }>;
/**
 * Issued by the earning reactor; `spendFen` is the paid spend of a repair order, `points` the fixed points
 * of a club activity attended (not scaled by tier).
 */
export type EarnPoints = Command<
  'EarnPoints',
  Id & { source: EarnSource; dealerId: string; spendFen?: number; points?: number }
>;
export type RedeemPoints = Command<
  'RedeemPoints',
  Id & { redemptionId: string; points: number; gift: string }
>;
export type BuyVoucher = Command<
  'BuyVoucher',
  Id & { voucherCode: string; points: number; valueFen: number; expiresAt?: string }
>;
export type RedeemVoucher = Command<
  'RedeemVoucher',
  Id & { voucherCode: string; repairOrderId: string; dealerId: string }
>;
export type AdjustPoints = Command<
  'AdjustPoints',
  Id & { adjustmentId: string; delta: number; reason: string }
>;
/** Issued by the clock-driven sweep: records whatever fell due by `now` (lots, vouchers, the lapse). */
export type ApplyDueExpiries = Command<'ApplyDueExpiries', Id>;
/** A new card; the old one is blocked by the same event. */
export type ReplaceMemberCard = Command<'ReplaceMemberCard', Id & { cardNumber: string; reason: string }>;
/** The current card is blocked (lost, stolen); a replacement issues a new one. */
export type BlockMemberCard = Command<'BlockMemberCard', Id & { reason: string }>;
/** A lapsed or cancelled member joins again, with a new card, at the same home dealer. */
export type ReEnrollMember = Command<'ReEnrollMember', Id & { cardNumber: string }>;
/** The member's birthday, month and day (never the year); recording it again replaces it. */
export type RecordMemberBirthday = Command<'RecordMemberBirthday', Id & { month: number; day: number }>;
/**
 * Issued by the birthday watcher when the reminder of `year` is due. The watcher opens the sealed birthday
 * through the privacy port and names it twice: `sealed` as the membership stores it (so the decider knows it
 * is the birthday recorded now) and `monthDay` in clear (`MM-DD`, the decider cannot open a sealed value).
 * The event it records names neither.
 */
export type NoteMemberBirthdayReminderDue = Command<
  'NoteMemberBirthdayReminderDue',
  Id & { year: number; birthday: Readonly<{ sealed: string; monthDay: string }> }
>;
export type CancelMembership = Command<'CancelMembership', Id & { reason: string }>;

export type MembershipCommand =
  | EnrollMember
  | EarnPoints
  | RedeemPoints
  | BuyVoucher
  | RedeemVoucher
  | AdjustPoints
  | ApplyDueExpiries
  | CancelMembership
  | ReEnrollMember
  | ReplaceMemberCard
  | BlockMemberCard
  | RecordMemberBirthday
  | NoteMemberBirthdayReminderDue;
