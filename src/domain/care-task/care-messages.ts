import { BUSINESS_UTC_OFFSET_MINUTES } from '../shared/time';

/** No care message goes out between 21:00 and 08:00 CST: one queued then waits until 08:00. */
export const QUIET_HOURS = { fromHour: 21, untilHour: 8 } as const;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const OFFSET_MS = BUSINESS_UTC_OFFSET_MINUTES * 60_000;

/** When a message queued at `at` may be sent: at once outside the quiet hours, else at the next 08:00 CST. */
export const sendAtOutsideQuietHours = (at: string): string => {
  const local = Date.parse(at) + OFFSET_MS;
  const hour = new Date(local).getUTCHours();
  if (hour >= QUIET_HOURS.untilHour && hour < QUIET_HOURS.fromHour)
    return new Date(Date.parse(at)).toISOString();
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  const morning = dayStart + QUIET_HOURS.untilHour * HOUR_MS + (hour >= QUIET_HOURS.fromHour ? DAY_MS : 0);
  return new Date(morning - OFFSET_MS).toISOString();
};
