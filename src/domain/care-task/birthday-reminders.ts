import { cstYearOf } from '../membership/member-birthday';
import type {
  MemberBirthdayReminderDue,
  MemberBirthdayRemindersEnded,
} from '../membership/membership.events';
import type { CustomerForgottenEvent } from '../privacy/privacy.events';
import type { ReminderDue } from './care-reminders';

/**
 * Birthday reminders (会员提醒 "birthday", docs/care.md "Birthday reminders"): one task per member and
 * birthday year, `birthday-<customerId>-<YYYY>`, opened and due at the reminder's due time as the clock
 * noted it (`MemberBirthdayReminderDue`: 09:00 CST seven days before the birthday). Superseded, as of its
 * own business time, by a cancellation dated before the due time (the membership names the years it ends)
 * and by the customer's forgetting (nothing is sent to a forgotten customer).
 */

/** The events a birthday task follows. */
export type BirthdayReminderEvent =
  MemberBirthdayReminderDue | MemberBirthdayRemindersEnded | CustomerForgottenEvent;

export type BirthdayReminderFacts = Readonly<{
  customerId: string;
  year: number;
  homeDealerId: string;
  /** The due time the clock noted; null until the note is known. */
  dueAt: string | null;
  /** Business times of the cancellations that ended it (each once). */
  endings: readonly string[];
  forgottenAt: string | null;
}>;

export const noBirthdayReminderFacts = (customerId: string, year: number): BirthdayReminderFacts => ({
  customerId,
  year,
  homeDealerId: '',
  dueAt: null,
  endings: [],
  forgottenAt: null,
});

/** A birthday task's record id is `<customerId>-<YYYY>` (the birthday's year). */
export const birthdayRecordId = (customerId: string, year: number): string => `${customerId}-${year}`;

export const parseBirthdayRecordId = (
  recordId: string,
): Readonly<{ customerId: string; year: number }> | null => {
  const match = /^(.+)-(\d{4})$/.exec(recordId);
  return match ? { customerId: match[1], year: Number(match[2]) } : null;
};

/**
 * The years a forgetting reaches: a reminder is noted only once due, so one still open at the forgetting is
 * of the CST year before it, that year or the next (a January birthday falls due in December). Older open
 * ones are not reached (docs/care.md, "Not built").
 */
const FORGETTING_REACHES = [-1, 0, 1] as const;

/** The birthday years an event names. */
export const birthdayYearsOf = (event: BirthdayReminderEvent): number[] => {
  switch (event.type) {
    case 'MemberBirthdayReminderDue':
      return [event.data.year];
    case 'MemberBirthdayRemindersEnded':
      return [...event.data.years];
    case 'CustomerForgotten': {
      const year = cstYearOf(event.data.forgottenAt);
      return FORGETTING_REACHES.map((offset) => year + offset);
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};

/** One event folded into a birthday task's facts; idempotent, and the order of the facts does not matter. */
export const foldBirthdayReminder = (
  facts: BirthdayReminderFacts,
  event: BirthdayReminderEvent,
): BirthdayReminderFacts => {
  switch (event.type) {
    case 'MemberBirthdayReminderDue':
      return event.data.year === facts.year
        ? { ...facts, homeDealerId: event.data.homeDealerId, dueAt: event.data.dueAt }
        : facts;
    case 'MemberBirthdayRemindersEnded': {
      const { years, endedAt, homeDealerId } = event.data;
      if (!years.includes(facts.year)) return facts;
      const endings = facts.endings.includes(endedAt) ? facts.endings : [...facts.endings, endedAt];
      return { ...facts, homeDealerId, endings };
    }
    case 'CustomerForgotten': {
      const { forgottenAt } = event.data;
      const first =
        facts.forgottenAt === null || Date.parse(forgottenAt) < Date.parse(facts.forgottenAt)
          ? forgottenAt
          : facts.forgottenAt;
      return { ...facts, forgottenAt: first };
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};

/**
 * The task as its facts say it: opened and due at the noted due time, for the home dealer; superseded at the
 * earliest of its endings and the forgetting. Null until the clock's note is known.
 */
export const birthdayReminder = (facts: BirthdayReminderFacts): ReminderDue | null => {
  if (facts.dueAt === null) return null;
  const ends = [...facts.endings, ...(facts.forgottenAt ? [facts.forgottenAt] : [])].map(Date.parse);
  return {
    recordId: birthdayRecordId(facts.customerId, facts.year),
    dealerId: facts.homeDealerId,
    customerId: facts.customerId,
    openedAt: facts.dueAt,
    dueAt: facts.dueAt,
    basis: String(facts.year),
    supersededAt: ends.length > 0 ? new Date(Math.min(...ends)).toISOString() : null,
  };
};
