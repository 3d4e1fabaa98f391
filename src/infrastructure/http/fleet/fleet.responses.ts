import type { FleetKpis } from '../../../application/fleet-account/fleet-kpis';
import type {
  FleetAccountDetails,
  FleetDriverPeriod,
  FleetManagerPeriod,
  FleetMemberCompany,
  FleetVehiclePeriod,
} from '../../../projections/fleet-accounts/fleet-accounts.projection';
import { PageOf } from '../shared/page.responses';

/** The answers of the fleet account routes, typed by the read model and the KPIs they show. */
export class FleetManagerPeriodView implements FleetManagerPeriod {
  /** @example sc-wang */
  accountManagerId!: string;
  /** When this manager took the account (the opening or the reassignment). */
  from!: string;
  /** The reassignment's reason; null for the opening. */
  reason!: string | null;
  /** Who reassigned it; null for the opening. @example dm-sh */
  reassignedBy!: string | null;
}

export class FleetMemberCompanyView implements FleetMemberCompany {
  /** @example m-pudong */
  memberId!: string;
  companyName!: string;
  creditCode!: string | null;
  addedAt!: string;
}

export class FleetDriverPeriodView implements FleetDriverPeriod {
  /** @example cu-driver-1 */
  customerId!: string;
  /** Personal data: `[erased]` once the driver is forgotten. @example 李强 */
  name!: string;
  /** Personal data, masked for the network's roles (docs/privacy.md). @example 13800000011 */
  phone!: string;
  addedAt!: string;
  /** Null while the driver is on the account. */
  removedAt!: string | null;
  removalReason!: string | null;
}

export class FleetVehiclePeriodView implements FleetVehiclePeriod {
  /** @example LSVAB4BR5MN000001 */
  vin!: string;
  /** The driver of this period; null without one or after the driver's removal. */
  driverCustomerId!: string | null;
  registeredAt!: string;
  /** Null while the vehicle is on the account. */
  removedAt!: string | null;
  removalReason!: string | null;
}

export class FleetAccountView implements FleetAccountDetails {
  /** @example fa-shentong */
  accountId!: string;
  /** @example d-sh-01 */
  dealerId!: string;
  companyName!: string;
  creditCode!: string | null;
  /** The account manager now. @example sc-li */
  accountManagerId!: string;
  /** Every manager the account had, the first at the opening. */
  managers!: FleetManagerPeriodView[];
  memberCompanies!: FleetMemberCompanyView[];
  /** Every period of every driver, in the order recorded. */
  drivers!: FleetDriverPeriodView[];
  /** Every period of every VIN on the account, in the order recorded. */
  vehicles!: FleetVehiclePeriodView[];
  /** VINs on the account now. @example 2 */
  vehiclesOnAccount!: number;
  openedAt!: string;
}

export class FleetAccountPage extends PageOf(FleetAccountView) {}

export class FleetKpisView implements FleetKpis {
  /** @example fa-shentong */
  accountId!: string;
  /** @example d-sh-01 */
  dealerId!: string;
  /** The account manager now (a sales consultant sees only the accounts they manage). @example sc-li */
  accountManagerId!: string;
  /** The account manager as of `asOf`. @example sc-wang */
  accountManagerAsOf!: string;
  /** @example 2026-03-31T15:59:59.999Z */
  asOf!: string;
  /** The month asked for, or null. @example 2026-03 */
  month!: string | null;
  /** The first settlement instant counted (the month's start), or null for every one up to `asOf`. @example 2026-02-28T16:00:00.000Z */
  from!: string | null;
  /** VINs on the account at `asOf`. @example 2 */
  vehicles!: number;
  /** Drivers on the account at `asOf`. @example 1 */
  drivers!: number;
  /** Repair orders (every type) settled at the account's dealer by `asOf`, of a VIN while on the account. @example 3 */
  repairOrders!: number;
  /** The customer-paid total of those repair orders, in fen. @example 56000 */
  serviceSpendFen!: number;
  /** Every payer's total of those repair orders (customer, warranty, internal), in fen. @example 86000 */
  settledTotalFen!: number;
  /** Complaints at the account's dealer of its drivers at `asOf`, filed by then and not closed by then. @example 1 */
  openComplaints!: number;
}
