import { normalisePhone } from '../../domain/prospect/prospect-phone-index';
import type { Principal, Role } from '../access/principal';

/** Who sees what of a person's data (docs/privacy.md). Names, plates and addresses are shown to every reader. */
const FULL_PHONE: readonly Role[] = [
  'sales-consultant',
  'service-advisor',
  'customer-service',
  'dealer-manager',
  'admin',
];
const ID_NUMBERS: readonly Role[] = ['dealer-manager', 'admin'];

/** A member's birthday is shown to the roles that see a phone in full; the others get null, like an ID number. */
const BIRTHDAYS: readonly Role[] = FULL_PHONE;

export type PersonalDataRights = Readonly<{ fullPhone: boolean; idNumbers: boolean; birthdays: boolean }>;

/** With no principal (a public route, or a caller the guard did not identify) the most restricted rights. */
export const rightsOf = (principal: Principal | undefined): PersonalDataRights => ({
  fullPhone: principal ? FULL_PHONE.includes(principal.role) : false,
  idNumbers: principal ? ID_NUMBERS.includes(principal.role) : false,
  birthdays: principal ? BIRTHDAYS.includes(principal.role) : false,
});

/** `13812345678` (or `+86 138-1234-5678`) → `138****5678`; shorter numbers keep at most their last 4 digits. */
export const maskPhone = (phone: string): string => {
  const digits = normalisePhone(phone);
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length > 4) return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
  return '****';
};

export const ERASED = '[erased]';
