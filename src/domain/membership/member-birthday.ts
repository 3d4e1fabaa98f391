import { memberBirthdayNotADate } from './membership.errors';

/**
 * The member's birthday (会员提醒 "birthday", docs/care.md "Birthday reminders"): month and day, never the
 * year, recorded on the membership as personal data (sealed under the customer's key, so forgetting the
 * customer erases it). The reminder of a year falls due at 09:00 CST seven days before that year's birthday;
 * a 29 February birthday is kept on 28 February in a common year.
 */
export const BIRTHDAY_REMINDER_RULES = {
  version: 'birthday-reminders-2026-1',
  /** The call falls due this many days before the birthday. */
  leadDays: 7,
  /** At this hour of the day, CST (UTC+8): the desk's morning. */
  hourCst: 9,
} as const;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const CST_OFFSET_HOURS = 8;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** A real day of that month in some year (29 February included); month 1–12. */
export const isBirthdayDay = (month: number, day: number): boolean =>
  Number.isInteger(month) &&
  Number.isInteger(day) &&
  month >= 1 &&
  month <= 12 &&
  day >= 1 &&
  day <= DAYS_IN_MONTH[month - 1];

/** `MM-DD`, the form the event seals; refused (422) when it is no day of that month. */
export const birthdayOf = (customerId: string, month: number, day: number): string => {
  if (!isBirthdayDay(month, day)) throw memberBirthdayNotADate(customerId, month, day);
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

/** `MM-DD` → month and day; null for anything else (an erased or unreadable value). */
export const parseBirthday = (text: string): Readonly<{ month: number; day: number }> | null => {
  const match = /^(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const month = Number(match[1]);
  const day = Number(match[2]);
  return isBirthdayDay(month, day) ? { month, day } : null;
};

/**
 * When the reminder of the birthday in `year` falls due: 09:00 CST seven days before the birthday of that
 * year (29 Feb → 28 Feb in a common year). A birthday in the first week of January falls due in December
 * of the year before: the reminder still belongs to the birthday's year (`birthday-<customerId>-<year>`).
 */
export const birthdayReminderDueAt = (
  birthday: Readonly<{ month: number; day: number }>,
  year: number,
): string => {
  const day = birthday.month === 2 && birthday.day === 29 && !isLeapYear(year) ? 28 : birthday.day;
  return new Date(
    Date.UTC(
      year,
      birthday.month - 1,
      day - BIRTHDAY_REMINDER_RULES.leadDays,
      BIRTHDAY_REMINDER_RULES.hourCst - CST_OFFSET_HOURS,
    ),
  ).toISOString();
};

/** The CST calendar year of an instant. */
export const cstYearOf = (iso: string): number =>
  new Date(Date.parse(iso) + CST_OFFSET_HOURS * 3_600_000).getUTCFullYear();
