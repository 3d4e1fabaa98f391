import { businessDateOf } from '../showroom/showroom-traffic';
import { BUSINESS_UTC_OFFSET_MINUTES } from '../shared/time';

/** How long after the slot's start a check-in is still on time (预约实施情况). */
export const ON_TIME_GRACE_MINUTES = 15;

/**
 * What became of an appointment, as of an instant:
 * - `kept-on-time`: checked in no later than 15 minutes after the slot's start (an early check-in is on time);
 * - `late`: checked in later on the slot's business day (China Standard Time);
 * - `no-show`: no check-in by the end of the slot's business day (a check-in on a later day leaves it one);
 * - `cancelled`: cancelled before the end of the slot's business day (a cancellation after it does not undo
 *   the no-show that the day's end already made it);
 * - `pending`: none of these yet (the day is not over and the vehicle has not come).
 */
export type AppointmentOutcome = 'kept-on-time' | 'late' | 'no-show' | 'cancelled' | 'pending';
export const APPOINTMENT_OUTCOMES: readonly AppointmentOutcome[] = [
  'kept-on-time',
  'late',
  'no-show',
  'cancelled',
  'pending',
];

/** The facts of one appointment, each at its business time. */
export type AppointmentFacts = Readonly<{
  /** The slot's start. */
  requestedFor: string;
  checkedInAt: string | null;
  cancelledAt: string | null;
}>;

/** The first instant after the business day (China Standard Time) that contains `iso`. */
const endOfBusinessDay = (iso: string): number =>
  Date.parse(`${businessDateOf(iso)}T00:00:00Z`) - BUSINESS_UTC_OFFSET_MINUTES * 60_000 + 86_400_000;

/**
 * The outcome depends only on the facts' business times and `asOf`, never on the order they arrived in.
 * A fact dated after `asOf` is not known yet.
 */
export const appointmentOutcome = (facts: AppointmentFacts, asOf: string): AppointmentOutcome => {
  const now = Date.parse(asOf);
  const known = (at: string | null): number | null =>
    at !== null && Date.parse(at) <= now ? Date.parse(at) : null;
  const slot = Date.parse(facts.requestedFor);
  const dayEnd = endOfBusinessDay(facts.requestedFor);
  const checkedIn = known(facts.checkedInAt);
  const cancelled = known(facts.cancelledAt);
  if (checkedIn !== null && checkedIn < dayEnd) {
    if (cancelled === null || cancelled > checkedIn)
      return checkedIn <= slot + ON_TIME_GRACE_MINUTES * 60_000 ? 'kept-on-time' : 'late';
  }
  if (cancelled !== null && cancelled < dayEnd) return 'cancelled';
  return now >= dayEnd ? 'no-show' : 'pending';
};
