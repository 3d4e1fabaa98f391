import type { LoyaltyRuleSet } from '../membership/loyalty-rules';
import type { MembershipEvent } from '../membership/membership.events';
import { type LapseClock, lapseDueAt } from '../membership/membership.state';
import { businessWallClockOf } from '../shared/time';
import type { ReminderDue } from './care-reminders';
import { MEMBER_REMINDER_RULES } from './member-reminders';

/**
 * Lapse warnings (会员提醒, issue 19 §4): one task per lapse clock, warning 30 days ahead that the membership
 * will lapse (18 months without a paid visit, `docs/loyalty.md`). The membership's events restate the clock
 * they start or end (`lapseClock`), so a warning is found and superseded from the events alone
 * (docs/care.md, "Lapse warnings").
 */

const DAY_MS = 86_400_000;
const ms = (iso: string): number => Date.parse(iso);

/** `YYYYMMDD` of an instant, in CST. */
const cstDay = (iso: string): string => businessWallClockOf(iso).slice(0, 10).replace(/-/g, '');

const warningOf = (
  member: Readonly<{ customerId: string; homeDealerId: string }>,
  openedAt: string,
  lapsesAt: string,
  supersededAt: string | null,
): ReminderDue & { lapsesAt: string } => {
  const due = Math.max(ms(lapsesAt) - MEMBER_REMINDER_RULES.lapseWarningLeadDays * DAY_MS, ms(openedAt));
  return {
    recordId: lapseWarningRecordId(member.customerId, lapsesAt),
    dealerId: member.homeDealerId,
    customerId: member.customerId,
    openedAt,
    dueAt: new Date(due).toISOString(),
    basis: lapsesAt,
    lapsesAt,
    supersededAt,
  };
};

/** A lapse warning's record id is `<customerId>-<YYYYMMDD of the lapse in CST>`. */
export const lapseWarningRecordId = (customerId: string, lapsesAt: string): string =>
  `${customerId}-${cstDay(lapsesAt)}`;

export const parseLapseWarningRecordId = (
  recordId: string,
): Readonly<{ customerId: string; day: string }> | null => {
  const match = /^(.+)-(\d{8})$/.exec(recordId);
  return match ? { customerId: match[1], day: match[2] } : null;
};

/**
 * The lapse warning of one lapse clock (enrolment, or the last paid visit), as the membership's lapse rule
 * (`lapseDueAt`) dates the lapse: record id `<customerId>-<YYYYMMDD of the lapse in CST>`, opened when the
 * clock started, due 30 days before the lapse (at once when that is sooner).
 */
export const lapseWarning = (
  member: Readonly<{ customerId: string; homeDealerId: string }>,
  clock: LapseClock,
  rules: LoyaltyRuleSet,
): ReminderDue & { lapsesAt: string } =>
  warningOf(member, clock.lastPaidVisitAt ?? clock.enrolledAt, lapseDueAt(clock, rules), null);

/** A lapse clock started at `at` (the business time of its fact), lapsing at `lapsesAt`. */
export type LapseClockStart = Readonly<{ at: string; lapsesAt: string }>;

/** The facts of one membership's lapse warning: the clocks lapsing on its CST day and what ended them. */
export type LapseWarningFacts = Readonly<{
  customerId: string;
  homeDealerId: string;
  /** `YYYYMMDD`: the CST day of the lapse. */
  day: string;
  clocks: readonly LapseClockStart[];
  /** Business times of the facts that ended a clock lapsing on the day (a paid visit, a cancellation). */
  endings: readonly string[];
}>;

export const noLapseWarningFacts = (customerId: string, day: string): LapseWarningFacts => ({
  customerId,
  homeDealerId: '',
  day,
  clocks: [],
  endings: [],
});

/** The lapse clock a membership event restates (v2, `lapseClock`), with the event's business time. */
const restatedClockOf = (
  event: MembershipEvent,
): Readonly<{ at: string; ends: string | null; starts: string | null }> | null => {
  switch (event.type) {
    case 'MembershipEnrolled':
      return event.data.lapseClock ? { at: event.data.enrolledAt, ...event.data.lapseClock } : null;
    case 'PointsEarned':
      return event.data.lapseClock ? { at: event.data.earnedAt, ...event.data.lapseClock } : null;
    case 'MembershipCancelled':
      return event.data.lapseClock ? { at: event.data.cancelledAt, ...event.data.lapseClock } : null;
    case 'MembershipReEnrolled':
      return event.data.lapseClock ? { at: event.data.reEnrolledAt, ...event.data.lapseClock } : null;
    default:
      return null;
  }
};

/** The record ids of the lapse warnings a membership event starts or ends. */
export const lapseWarningRecordIdsOf = (event: MembershipEvent): string[] => {
  const clock = restatedClockOf(event);
  if (clock === null) return [];
  const lapses = [clock.ends, clock.starts].filter((at): at is string => at !== null);
  return [...new Set(lapses.map((at) => lapseWarningRecordId(event.data.customerId, at)))];
};

/**
 * One membership event folded into the facts of one lapse day: a clock it starts lapsing on the day is
 * added, an ending of one is kept (once per fact). A fact that ends a clock of the day and starts another
 * lapsing the same CST day (two visits a day apart, both clamped to the end of a month) continues the
 * warning: it is a clock of the day, not an ending. Idempotent.
 */
export const foldLapseWarning = (facts: LapseWarningFacts, event: MembershipEvent): LapseWarningFacts => {
  const clock = restatedClockOf(event);
  if (clock === null) return facts;
  const onDay = (at: string | null): at is string => at !== null && cstDay(at) === facts.day;
  const starts = onDay(clock.starts) ? clock.starts : null;
  const ends = starts === null && onDay(clock.ends);
  if (starts === null && !ends) return facts;
  const clocks =
    starts !== null && !facts.clocks.some((known) => known.at === clock.at)
      ? [...facts.clocks, { at: clock.at, lapsesAt: starts }]
      : facts.clocks;
  const endings = ends && !facts.endings.includes(clock.at) ? [...facts.endings, clock.at] : facts.endings;
  return { ...facts, homeDealerId: event.data.homeDealerId, clocks, endings };
};

/**
 * The warning of a lapse day: opened by the first clock lapsing on it, due 30 days before that lapse (at
 * once when sooner), and superseded by the latest fact that ended the clock (the next paid visit, a
 * cancellation) unless a clock of the day started after it. The lapse itself does not supersede it: that
 * is what it warned of. Null while no clock of the day is known.
 */
export const lapseWarningReminder = (
  facts: LapseWarningFacts,
): (ReminderDue & { lapsesAt: string }) | null => {
  if (facts.clocks.length === 0) return null;
  const byStart = [...facts.clocks].sort((a, b) => ms(a.at) - ms(b.at) || ms(a.lapsesAt) - ms(b.lapsesAt));
  const first = byStart[0];
  const lastStart = ms(byStart[byStart.length - 1].at);
  const lastEnding = facts.endings.length > 0 ? Math.max(...facts.endings.map(ms)) : null;
  const supersededAt =
    lastEnding !== null && lastEnding >= lastStart ? new Date(lastEnding).toISOString() : null;
  return warningOf(facts, first.at, first.lapsesAt, supersededAt);
};
