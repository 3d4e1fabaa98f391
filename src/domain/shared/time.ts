const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * KPIs are counted by the dealer's calendar, not UTC. The network runs on China Standard Time,
 * which has no daylight saving, so a fixed offset is exact and cheap enough for rebuilds.
 */
export const BUSINESS_UTC_OFFSET_MINUTES = 8 * 60;

/** Adds hours to an ISO instant and returns an ISO instant in UTC. */
export const addHours = (iso: string, hours: number): string =>
  new Date(Date.parse(iso) + hours * HOUR_MS).toISOString();

/** True when `at` is at or before `deadline` (both ISO instants). */
export const isOnOrBefore = (at: string, deadline: string): boolean => Date.parse(at) <= Date.parse(deadline);

/** Calendar month (`YYYY-MM`) of an instant in the business time zone. */
export const businessMonthOf = (iso: string, offsetMinutes = BUSINESS_UTC_OFFSET_MINUTES): string =>
  new Date(Date.parse(iso) + offsetMinutes * MINUTE_MS).toISOString().slice(0, 7);

/** The wall-clock time of an instant in China Standard Time, `YYYY-MM-DDTHH:mm:ss.sss` (no zone). */
export const businessWallClockOf = (iso: string): string =>
  new Date(Date.parse(iso) + BUSINESS_UTC_OFFSET_MINUTES * MINUTE_MS).toISOString().slice(0, 23);

/** Whole minutes between two ISO instants (b − a). */
export const minutesBetween = (a: string, b: string): number =>
  Math.round((Date.parse(b) - Date.parse(a)) / MINUTE_MS);

const OFFSET_MS = BUSINESS_UTC_OFFSET_MINUTES * 60_000;

/**
 * The same wall-clock time `months` calendar months later (or earlier) in China Standard Time: 10 Jan
 * 12:00 + 24 months is 10 Jan 12:00 two years on; a day the target month lacks becomes its last day
 * (31 Aug + 6 months = 28 or 29 Feb; 31 Aug − 6 months = 28 or 29 Feb). Lot expiry, lapses, vouchers,
 * retention windows and maintenance intervals all count months with it.
 */
export const addBusinessMonths = (iso: string, months: number): string => {
  const local = new Date(Date.parse(iso) + OFFSET_MS);
  const index = local.getUTCFullYear() * 12 + local.getUTCMonth() + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const shifted = Date.UTC(
    year,
    month,
    Math.min(local.getUTCDate(), lastDay),
    local.getUTCHours(),
    local.getUTCMinutes(),
    local.getUTCSeconds(),
    local.getUTCMilliseconds(),
  );
  return new Date(shifted - OFFSET_MS).toISOString();
};
