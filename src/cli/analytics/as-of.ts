import { BUSINESS_UTC_OFFSET_MINUTES } from '../../domain/shared/time';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * `--as-of` → the first instant NOT included. A date (`2026-03-31`) is a business day in China Standard
 * Time (UTC+8, the calendar KPIs are counted in): everything whose business time (`occurredAt`) is on or
 * before the end of that day, i.e. before 2026-03-31T16:00:00Z. An ISO instant includes events at it.
 */
export const asOfCutoff = (asOf: string): { includeBefore: number; description: string } => {
  if (DATE.test(asOf)) {
    const midnight = Date.parse(`${asOf}T00:00:00Z`) - BUSINESS_UTC_OFFSET_MINUTES * 60_000;
    if (
      Number.isNaN(midnight) ||
      new Date(midnight + BUSINESS_UTC_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10) !== asOf
    )
      throw new Error(`--as-of ${asOf} is not a calendar date: use YYYY-MM-DD or an ISO instant`);
    const end = midnight + DAY_MS;
    return {
      includeBefore: end,
      description: `occurredAt before ${new Date(end).toISOString()} (end of ${asOf}, UTC+8)`,
    };
  }
  const instant = Date.parse(asOf);
  if (Number.isNaN(instant) || !/T/.test(asOf))
    throw new Error(
      `--as-of ${asOf} is neither a date (YYYY-MM-DD) nor an ISO instant (2026-03-31T12:00:00Z)`,
    );
  return {
    includeBefore: instant + 1,
    description: `occurredAt at or before ${new Date(instant).toISOString()}`,
  };
};
