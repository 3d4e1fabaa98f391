import { forbidden } from './access-errors';
import { isDealerBound, type Principal } from './principal';

/**
 * How a query is kept inside the principal's dealer:
 * - `dealer`: the query string's `dealerId` is the principal's (filled in when absent, 403 when another);
 * - `dealer-and-consultant`: also `consultantId` for a sales consultant (their own prospects only);
 * - `dealer-in-body`: as `dealer`, for a query sent as a POST body (the loyalty rule simulation);
 * - `record`: the answer names a dealer (and maybe an owner) and is refused when it is not theirs.
 */
export type Tenancy = 'dealer' | 'dealer-and-consultant' | 'dealer-in-body' | 'record';

type QueryString = Record<string, unknown>;

const dealerForbidden = (principal: Principal, dealerId: string) =>
  forbidden(
    'DEALER_FORBIDDEN',
    `${principal.role} ${principal.userId} acts for dealer ${String(principal.dealerId)} and may not see dealer ${dealerId}: leave dealerId out or use your own`,
    { dealerId, yourDealerId: principal.dealerId },
  );

/**
 * Keeps a list, KPI or export inside the principal's dealer by rewriting its query string before
 * validation: no dealerId means theirs, another dealer's id is a 403. Network-wide roles pass untouched.
 */
export const scopeQuery = (principal: Principal, tenancy: Tenancy, query: QueryString): void => {
  if (tenancy === 'record' || !isDealerBound(principal.role)) return;
  const own = principal.dealerId ?? '';
  const asked = query.dealerId;
  if (asked !== undefined && asked !== own) throw dealerForbidden(principal, String(asked));
  query.dealerId = own;
  if (tenancy === 'dealer-and-consultant' && principal.role === 'sales-consultant') {
    const consultant = query.consultantId;
    if (consultant !== undefined && consultant !== principal.userId)
      throw forbidden(
        'OWNER_FORBIDDEN',
        `sales consultant ${principal.userId} sees only their own prospects: leave consultantId out`,
        { consultantId: consultant },
      );
    query.consultantId = principal.userId;
  }
};

type RecordOwnership = Readonly<{
  dealerId?: unknown;
  homeDealerId?: unknown;
  consultantId?: unknown;
  accountManagerId?: unknown;
}>;

/** A detail record (or each item of a page of one member's entries) must be of the principal's dealer. */
export const assertRecordVisible = (principal: Principal | undefined, record: unknown): void => {
  if (!principal || !isDealerBound(principal.role)) return;
  if (typeof record !== 'object' || record === null) return;
  const items = (record as { items?: unknown }).items;
  if (Array.isArray(items)) {
    for (const item of items) assertRecordVisible(principal, item);
    return;
  }
  const { dealerId, homeDealerId, consultantId, accountManagerId } = record as RecordOwnership;
  const dealer = typeof dealerId === 'string' ? dealerId : homeDealerId;
  if (typeof dealer === 'string' && dealer !== principal.dealerId) throw dealerForbidden(principal, dealer);
  // A prospect, and a fleet order (an order on a fleet account), is its consultant's among the consultants.
  const consultants = 'prospectId' in record || ('orderId' in record && 'accountId' in record);
  if (
    principal.role === 'sales-consultant' &&
    typeof consultantId === 'string' &&
    consultants &&
    consultantId !== principal.userId
  )
    throw forbidden(
      'OWNER_FORBIDDEN',
      `${'prospectId' in record ? 'prospect' : 'fleet order'} belongs to consultant ${consultantId}, not to ${principal.userId}: ask your dealer manager to reassign it`,
      { consultantId },
    );
  // A fleet account (and its KPIs) is its account manager's among the consultants.
  if (
    principal.role === 'sales-consultant' &&
    typeof accountManagerId === 'string' &&
    accountManagerId !== principal.userId
  )
    throw forbidden(
      'OWNER_FORBIDDEN',
      `fleet account is managed by ${accountManagerId}, not by ${principal.userId}: ask your dealer manager to reassign it`,
      { accountManagerId },
    );
};

/** Keeps only the entries of the principal's dealer, for answers that span dealers (a VIN's history). */
export const onlyOwnDealer = <T extends { dealerId: string }>(
  principal: Principal | undefined,
  entries: readonly T[],
): T[] =>
  !principal || !isDealerBound(principal.role)
    ? [...entries]
    : entries.filter((entry) => entry.dealerId === principal.dealerId);
