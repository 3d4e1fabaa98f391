import type { FleetAccountDetails } from '../../projections/fleet-accounts/fleet-accounts.projection';

/** A settled repair order as the KPIs need it (from the repair-order details). */
export type SettledRepairOrder = Readonly<{
  repairOrderId: string;
  dealerId: string;
  vin: string;
  payer: string | null;
  totalFen: number | null;
  settledAt: string | null;
}>;

/** A complaint as the KPIs need it (from the complaint details). */
export type FiledComplaint = Readonly<{
  complaintId: string;
  dealerId: string;
  customer: Readonly<{ customerId: string }>;
  filedAt: string;
  closedAt: string | null;
}>;

/**
 * What the figures cover: the state at `asOf`, and the repair orders settled up to it, from `from` on when
 * given (a business month: from its first instant; without it, since the account opened).
 */
export type FleetKpiWindow = Readonly<{ asOf: string; from: string | null; month: string | null }>;

/** Fleet KPIs of one account as of an instant (or at the end of a month). Money in fen. */
export type FleetKpis = {
  accountId: string;
  dealerId: string;
  /** The account manager now: whose account it is (a sales consultant sees only their own). */
  accountManagerId: string;
  /** The account manager as of `asOf` (a reassignment takes effect at its business time). */
  accountManagerAsOf: string;
  asOf: string;
  /** The business month asked for (CST), or null for "up to `asOf`". */
  month: string | null;
  /** The first settlement instant counted (the month's start), or null for every one up to `asOf`. */
  from: string | null;
  /** VINs on the account at `asOf`. */
  vehicles: number;
  /** Drivers on the account at `asOf`. */
  drivers: number;
  /** Repair orders of every type settled at the account's dealer up to `asOf`, of a VIN while it was on the account. */
  repairOrders: number;
  /** Service spend: the customer-paid total of those repair orders. */
  serviceSpendFen: number;
  /** Every payer's total of those repair orders (customer, warranty, internal). */
  settledTotalFen: number;
  /** Complaints at the account's dealer of its drivers (as of `asOf`), filed by `asOf` and not closed by then. */
  openComplaints: number;
};

const at = (iso: string): number => Date.parse(iso);

/** Whether `instant` lies in [from, to): a removal at the very instant ends the period. */
const within = (instant: number, from: string, to: string | null): boolean =>
  at(from) <= instant && (to === null || instant < at(to));

/**
 * The figures, worked out when read from the account's periods and the dealer's settled repair orders and
 * complaints, so a past `asOf` counts what was true then (late facts included) and arrival order does not
 * matter. A complaint closed and reopened counts by its latest closing (the complaint read model keeps only it).
 */
export const fleetKpis = (
  account: FleetAccountDetails,
  { asOf, from, month }: FleetKpiWindow,
  repairOrders: readonly SettledRepairOrder[],
  complaints: readonly FiledComplaint[],
): FleetKpis => {
  const instant = at(asOf);
  const first = from === null ? Number.NEGATIVE_INFINITY : at(from);
  const vehicles = account.vehicles.filter((period) =>
    within(instant, period.registeredAt, period.removedAt),
  );
  const drivers = account.drivers.filter((period) => within(instant, period.addedAt, period.removedAt));
  const manager = account.managers.filter((period) => at(period.from) <= instant).at(-1);
  const onAccountWhenSettled = (order: SettledRepairOrder): boolean =>
    order.settledAt !== null &&
    at(order.settledAt) <= instant &&
    at(order.settledAt) >= first &&
    order.dealerId === account.dealerId &&
    account.vehicles.some(
      (period) =>
        period.vin === order.vin && within(at(order.settledAt!), period.registeredAt, period.removedAt),
    );
  const counted = repairOrders.filter(onAccountWhenSettled);
  const driverIds = new Set(drivers.map((period) => period.customerId));
  const open = complaints.filter(
    (complaint) =>
      complaint.dealerId === account.dealerId &&
      driverIds.has(complaint.customer.customerId) &&
      at(complaint.filedAt) <= instant &&
      (complaint.closedAt === null || at(complaint.closedAt) > instant),
  );
  return {
    accountId: account.accountId,
    dealerId: account.dealerId,
    accountManagerId: account.accountManagerId,
    accountManagerAsOf: manager?.accountManagerId ?? account.accountManagerId,
    asOf: new Date(instant).toISOString(),
    month,
    from: from === null ? null : new Date(first).toISOString(),
    vehicles: new Set(vehicles.map((period) => period.vin)).size,
    drivers: driverIds.size,
    repairOrders: counted.length,
    serviceSpendFen: counted
      .filter((order) => order.payer === 'customer')
      .reduce((sum, order) => sum + (order.totalFen ?? 0), 0),
    settledTotalFen: counted.reduce((sum, order) => sum + (order.totalFen ?? 0), 0),
    openComplaints: open.length,
  };
};
