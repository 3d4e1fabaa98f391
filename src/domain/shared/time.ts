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

/** Whole minutes between two ISO instants (b − a). */
export const minutesBetween = (a: string, b: string): number =>
  Math.round((Date.parse(b) - Date.parse(a)) / MINUTE_MS);
