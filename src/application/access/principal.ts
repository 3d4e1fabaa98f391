/**
 * The roles of the dealer network (issue 8). Dealer-bound roles act only inside their own dealer;
 * the others see every dealer.
 */
export const ROLES = [
  'sales-consultant',
  'service-advisor',
  'customer-service',
  'dealer-manager',
  'oem-staff',
  'analyst',
  'auditor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose credentials name one dealer and who never see another dealer's records. */
export const DEALER_BOUND_ROLES: readonly Role[] = [
  'sales-consultant',
  'service-advisor',
  'customer-service',
  'dealer-manager',
];

/**
 * Who is calling, as the credential says: never taken from a request's body or free headers.
 * `dealerId` is set for the dealer-bound roles and null for the network-wide ones.
 */
export type Principal = Readonly<{
  userId: string;
  role: Role;
  dealerId: string | null;
  /** The credential that authenticated the request (API key or token id). */
  credentialId: string;
}>;

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);

export const isDealerBound = (role: Role): boolean => DEALER_BOUND_ROLES.includes(role);
