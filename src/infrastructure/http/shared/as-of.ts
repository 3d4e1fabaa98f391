import { businessDateOf } from '../../../domain/showroom/showroom-traffic';
import { RequestValidationError } from './problem-details';

/** The first instant of the business day (China Standard Time) that contains `now`. */
const startOfBusinessDay = (now: Date): number =>
  Date.parse(`${businessDateOf(now.toISOString())}T00:00:00+08:00`);

/**
 * A worklist is today's work, read from today's state: an `asOf` earlier in the day is fine (the list is
 * the day's), but an earlier day would be today's records shown as if they stood then. Refused rather than
 * answered wrong; `crm replay --as-of` gives the read models as they stood.
 */
export const refuseEarlierDay = (asOf: string | undefined, now: Date): void => {
  if (asOf === undefined || Date.parse(asOf) >= startOfBusinessDay(now)) return;
  throw new RequestValidationError([
    {
      field: 'asOf',
      reason:
        `${asOf} is before today (China Standard Time): this list is read from today's records, which cannot ` +
        'be taken back to an earlier day; for the lists as they stood then run "crm replay --as-of <date> --out <dir>"',
    },
  ]);
};

/**
 * The club's figures are today's state carried forward to `asOf` (expiry, lapse): answered for a past
 * asOf, they would be today's lots with later redemptions and expiries already taken off. Refused rather
 * than answered wrong; a replay gives the figures as they stood.
 */
export const refusePast = (asOf: string | undefined, now: Date): void => {
  if (asOf === undefined || Date.parse(asOf) >= now.getTime()) return;
  throw new RequestValidationError([
    {
      field: 'asOf',
      reason:
        `${asOf} is before now: these figures are today's state, carried forward to asOf (expiry, lapse), ` +
        'and cannot be taken back; for the figures as they stood then run "crm replay --as-of <date> --out <dir>", ' +
        'then "crm kpi <name> --from <dir>"',
    },
  ]);
};
