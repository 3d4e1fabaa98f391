import { looksLikeResidentId, readResidentId, type ResidentIdFault } from '../shared/resident-id';
import { BUSINESS_UTC_OFFSET_MINUTES } from '../shared/time';

export type AgeBand = 'under-18' | '18-24' | '25-34' | '35-44' | '45-54' | '55-64' | '65+';
export const AGE_BANDS: readonly AgeBand[] = ['under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'];

/**
 * The two coarse codes the customer characteristics count buyers by, derived once when the order is signed
 * from the resident ID number the command carries in clear: the age band at the order's business time and
 * the province-level code (two digits). Stored in clear; the ID number itself only encrypted (docs/privacy.md).
 */
export type BuyerProfile = Readonly<{ ageBand: AgeBand; province: string }>;

/** Lower bounds of the bands from 18 up, oldest first. */
const BANDS: readonly (readonly [number, AgeBand])[] = [
  [65, '65+'],
  [55, '55-64'],
  [45, '45-54'],
  [35, '35-44'],
  [25, '25-34'],
  [18, '18-24'],
];

export const ageBandOf = (age: number): AgeBand => BANDS.find(([from]) => age >= from)?.[1] ?? 'under-18';

/**
 * Completed years on the CST calendar day of `at`. Born on 29 February, one is a year older on 1 March of
 * a common year (the day after 28 February), as a month-and-day comparison gives.
 */
export const ageOn = (birth: Readonly<{ y: number; m: number; d: number }>, at: string): number => {
  const day = new Date(Date.parse(at) + BUSINESS_UTC_OFFSET_MINUTES * 60_000);
  const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  const beforeBirthday = m < birth.m || (m === birth.m && d < birth.d);
  return y - birth.y - (beforeBirthday ? 1 : 0);
};

/**
 * The buyer's profile from the ID number given on ordering and the order's business time; null when no ID
 * number was given or it is not a resident ID number (a passport). A resident ID number that is invalid, or
 * whose holder is born after `at`, is the fault named.
 */
export const buyerProfileOf = (
  idNumber: string | null | undefined,
  at: string,
): BuyerProfile | null | ResidentIdFault => {
  if (!idNumber || !looksLikeResidentId(idNumber)) return null;
  const id = readResidentId(idNumber);
  if (typeof id === 'string') return id;
  const age = ageOn(id.birthDate, at);
  if (age < 0) return 'birth-date';
  return { ageBand: ageBandOf(age), province: id.province };
};
