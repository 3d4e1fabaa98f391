import type { MembershipEvent } from '../membership/membership.events';
import type { LotDraw } from '../membership/membership.types';
import { businessMonthOf } from '../shared/time';
import type { ReminderDue } from './care-reminders';

/**
 * The member reminders (会员提醒, issue 19 §4), versioned like the vehicle's: points about to expire fall due
 * this many days before the first expiry of a CST month, a lapse warning this many days before the lapse
 * (`lapse-warnings.ts`).
 */
export const MEMBER_REMINDER_RULES = {
  version: 'member-reminders-2026-1',
  pointsExpiryLeadDays: 30,
  lapseWarningLeadDays: 30,
} as const;

const DAY_MS = 86_400_000;

/** A lot of the month, as earned (or credited by hand). */
export type ExpiringLot = Readonly<{ lotId: string; amount: number; earnedAt: string; expiresAt: string }>;
/** What one fact took from a lot of the month; `key` names the fact and the lot, so a fact counts once. */
export type ExpiringDraw = Readonly<{ key: string; lotId: string; amount: number; at: string }>;

/** The facts of one membership and one CST month in which lots expire. */
export type PointsExpiryFacts = Readonly<{
  customerId: string;
  homeDealerId: string;
  /** `YYYYMM`: the CST month of the expiries. */
  month: string;
  lots: readonly ExpiringLot[];
  draws: readonly ExpiringDraw[];
}>;

/** `YYYYMM` of an instant, in CST. */
export const expiryMonthOf = (iso: string): string => businessMonthOf(iso).replace('-', '');

/** A points-expiry reminder's record id is `<customerId>-<YYYYMM>`. */
export const pointsExpiryRecordId = (customerId: string, month: string): string => `${customerId}-${month}`;

export const parsePointsExpiryRecordId = (
  recordId: string,
): Readonly<{ customerId: string; month: string }> | null => {
  const match = /^(.+)-(\d{6})$/.exec(recordId);
  return match ? { customerId: match[1], month: match[2] } : null;
};

const drawsOf = (event: MembershipEvent): { key: string; draw: LotDraw; at: string }[] => {
  switch (event.type) {
    case 'PointsRedeemed':
      return event.data.draws.map((draw) => ({
        key: `redemption:${event.data.redemptionId}:${draw.lotId}`,
        draw,
        at: event.data.redeemedAt,
      }));
    case 'PointsAdjusted':
      return event.data.draws.map((draw) => ({
        key: `adjustment:${event.data.adjustmentId}:${draw.lotId}`,
        draw,
        at: event.data.adjustedAt,
      }));
    case 'PointsExpired': {
      const { lotId, amount, expiresAt } = event.data;
      return [{ key: `expired:${lotId}`, draw: { lotId, amount, expiresAt }, at: expiresAt }];
    }
    case 'MembershipLapsed':
      return event.data.forfeited.map((draw) => ({
        key: `lapsed:${event.data.lapsedAt}:${draw.lotId}`,
        draw,
        at: event.data.lapsedAt,
      }));
    case 'MembershipCancelled':
      return event.data.forfeited.map((draw) => ({
        key: `cancelled:${draw.lotId}`,
        draw,
        at: event.data.cancelledAt,
      }));
    default:
      return [];
  }
};

const lotOf = (event: MembershipEvent): ExpiringLot | null => {
  if (event.type === 'PointsEarned') {
    const { lotId, amount, earnedAt, expiresAt } = event.data;
    return { lotId, amount, earnedAt, expiresAt };
  }
  if (event.type === 'PointsAdjusted' && event.data.lotId !== null && event.data.expiresAt !== null) {
    const { lotId, delta, adjustedAt, expiresAt } = event.data;
    return { lotId, amount: delta, earnedAt: adjustedAt, expiresAt };
  }
  return null;
};

/** The CST months (`YYYYMM`) of the lots a membership event adds, draws on or gives back. */
export const pointsExpiryMonthsOf = (event: MembershipEvent): string[] => {
  const months = drawsOf(event).map(({ draw }) => expiryMonthOf(draw.expiresAt));
  const lot = lotOf(event);
  if (lot) months.push(expiryMonthOf(lot.expiresAt));
  if (event.type === 'MembershipDecisionsWithdrawn')
    for (const decision of event.data.decisions)
      if (decision.kind === 'points-expired') months.push(expiryMonthOf(decision.at));
  return [...new Set(months)];
};

/**
 * One membership event folded into the facts of one month: a lot of the month is added, a draw on a lot of
 * the month is taken (once per fact), and a withdrawn expiry gives its points back. Idempotent.
 */
export const foldPointsExpiry = (facts: PointsExpiryFacts, event: MembershipEvent): PointsExpiryFacts => {
  const inMonth = (expiresAt: string) => expiryMonthOf(expiresAt) === facts.month;
  const home = { customerId: event.data.customerId, homeDealerId: event.data.homeDealerId };
  let { lots, draws } = facts;
  const lot = lotOf(event);
  if (lot && inMonth(lot.expiresAt) && !lots.some((known) => known.lotId === lot.lotId))
    lots = [...lots, lot];
  for (const { key, draw, at } of drawsOf(event))
    if (inMonth(draw.expiresAt) && !draws.some((known) => known.key === key))
      draws = [...draws, { key, lotId: draw.lotId, amount: draw.amount, at }];
  if (event.type === 'MembershipDecisionsWithdrawn') {
    const withdrawn = event.data.decisions
      .filter((decision) => decision.kind === 'points-expired')
      .map((decision) => `expired:${decision.kind === 'points-expired' ? decision.lotId : ''}`);
    draws = draws.filter((draw) => !withdrawn.includes(draw.key));
  }
  return { ...facts, ...home, lots, draws };
};

export const noPointsExpiryFacts = (customerId: string, month: string): PointsExpiryFacts => ({
  customerId,
  homeDealerId: '',
  month,
  lots: [],
  draws: [],
});

const ms = (iso: string): number => Date.parse(iso);

/** What the club's clock takes (an expiry, a lapse's forfeit): the loss the reminder is there to prevent. */
const byTheClock = (draw: ExpiringDraw): boolean =>
  draw.key.startsWith('expired:') || draw.key.startsWith('lapsed:');

/**
 * The month's reminder: opened when its first lot was earned, due 30 days before its first expiry (at once
 * when that is sooner), and superseded, in business time, by the member's fact that left none of its points
 * (a redemption, a debit by hand, a cancellation: the latest draw, once everything earned has been drawn).
 * When the clock took the last of them (the expiry, a lapse) the reminder is not superseded: the loss is
 * what it was due to prevent, so it stays due and counts as completed only if it was worked. Null while no
 * lot of the month is known.
 */
export const pointsExpiryReminder = (facts: PointsExpiryFacts): ReminderDue | null => {
  if (facts.lots.length === 0) return null;
  const firstExpiry = Math.min(...facts.lots.map((lot) => ms(lot.expiresAt)));
  const openedAt = Math.min(...facts.lots.map((lot) => ms(lot.earnedAt)));
  const earned = facts.lots.reduce((sum, lot) => sum + lot.amount, 0);
  const drawn = facts.draws.reduce((sum, draw) => sum + draw.amount, 0);
  const last = [...facts.draws]
    .sort((x, y) => ms(x.at) - ms(y.at) || Number(byTheClock(y)) - Number(byTheClock(x)))
    .at(-1);
  const lastDraw = last && !byTheClock(last) ? ms(last.at) : null;
  const due = Math.max(firstExpiry - MEMBER_REMINDER_RULES.pointsExpiryLeadDays * DAY_MS, openedAt);
  return {
    recordId: pointsExpiryRecordId(facts.customerId, facts.month),
    dealerId: facts.homeDealerId,
    customerId: facts.customerId,
    openedAt: new Date(openedAt).toISOString(),
    dueAt: new Date(due).toISOString(),
    basis: new Date(firstExpiry).toISOString(),
    supersededAt: earned - drawn <= 0 && lastDraw !== null ? new Date(lastDraw).toISOString() : null,
  };
};
