import { addBusinessMonths } from '../shared/time';

/**
 * The service KPIs that depend on the question asked (window, as-of date, maintenance interval), so they
 * are computed when asked from small per-vehicle documents. Pure, so the definitions are tested alone.
 */

/** `2026-03` + (−6) → `2025-09`. */
export const addMonths = (month: string, months: number): string => {
  const [year, monthOfYear] = month.split('-').map(Number);
  const index = year * 12 + (monthOfYear - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** Months from `from` to `to`, both included. */
export const monthRange = (from: string, to: string): string[] => {
  const months: string[] = [];
  for (let month = from; month <= to; month = addMonths(month, 1)) months.push(month);
  return months;
};

/** The same wall-clock time `months` calendar months on or back, in CST (src/domain/shared/time.ts). */
export const shiftCalendarMonths = addBusinessMonths;

export type Retention = Readonly<{
  month: string;
  window: number;
  /** N − W: the month whose visitors are followed. */
  baseMonth: string;
  base: number;
  returned: number;
  retention: number | null;
  churn: number | null;
}>;

const rate4 = (value: number): number => Math.round(value * 10_000) / 10_000;

/**
 * 回站率 / 流失率 exactly as the domain brief defines them: base(N) = distinct VINs with a settled order in
 * month N − W; returned(N) = those of base(N) with another settled order in months N − W + 1 … N.
 */
export const retentionOf = (
  vehicles: ReadonlyArray<Readonly<{ settledMonths: readonly string[] }>>,
  month: string,
  window: number,
): Retention => {
  const baseMonth = addMonths(month, -window);
  const base = vehicles.filter((vehicle) => vehicle.settledMonths.includes(baseMonth));
  const returned = base.filter((vehicle) => vehicle.settledMonths.some((m) => m > baseMonth && m <= month));
  const retention = base.length === 0 ? null : rate4(returned.length / base.length);
  return {
    month,
    window,
    baseMonth,
    base: base.length,
    returned: returned.length,
    retention,
    churn: retention === null ? null : rate4(1 - retention),
  };
};

/** A vehicle is lost (流失) when its last settled order is before this instant: W months before the as-of date. */
export const lostCutoff = (asOf: string, window: number): string => shiftCalendarMonths(asOf, -window);

/**
 * The last settlement at or before `asOf` when it is before the cutoff (the vehicle is lost), else null.
 * Visits after the as-of date are ignored, so a past date gives the list as it was then.
 */
export const lostSince = (settlements: readonly string[], asOf: string, window: number): string | null => {
  const seen = settlements.filter((at) => Date.parse(at) <= Date.parse(asOf));
  const last = seen[seen.length - 1];
  return last !== undefined && Date.parse(last) < Date.parse(lostCutoff(asOf, window)) ? last : null;
};

export type MaintenanceInterval = Readonly<{ months: number; km: number }>;

export type MaintenanceDue = Readonly<{
  dueAt: string;
  dueBy: 'time' | 'mileage';
  /** Mileage at the as-of date from the vehicle's own km per day; null with a single reading. */
  estimatedMileageKm: number | null;
}>;

type Reading = Readonly<{ mileageKm: number; checkedInAt: string; settledAt: string }>;

/**
 * Next maintenance: last service + `months`, or when the last reading + `km` is reached, whichever comes
 * first. The mileage date is estimated from the km per day between the first and the last reading; with one
 * reading (or none driven) only the time rule applies.
 */
export const maintenanceDue = (
  first: Reading,
  last: Reading,
  interval: MaintenanceInterval,
  asOf: string,
): MaintenanceDue => {
  const byTime = shiftCalendarMonths(last.settledAt, interval.months);
  const elapsedMs = Date.parse(last.checkedInAt) - Date.parse(first.checkedInAt);
  const driven = last.mileageKm - first.mileageKm;
  if (elapsedMs <= 0 || driven <= 0) return { dueAt: byTime, dueBy: 'time', estimatedMileageKm: null };
  const kmPerMs = driven / elapsedMs;
  const byMileage = new Date(Date.parse(last.checkedInAt) + Math.round(interval.km / kmPerMs)).toISOString();
  const estimatedMileageKm = Math.round(
    last.mileageKm + kmPerMs * (Date.parse(asOf) - Date.parse(last.checkedInAt)),
  );
  return Date.parse(byMileage) < Date.parse(byTime)
    ? { dueAt: byMileage, dueBy: 'mileage', estimatedMileageKm }
    : { dueAt: byTime, dueBy: 'time', estimatedMileageKm };
};
