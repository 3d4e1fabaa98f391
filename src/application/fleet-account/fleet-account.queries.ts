import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { FleetAccountNotFound } from '../../domain/fleet-account/fleet-account.errors';
import { complaintDetailsProjection } from '../../projections/complaint-details/complaint-details.projection';
import {
  type FleetAccountDetails,
  fleetAccountsProjection,
} from '../../projections/fleet-accounts/fleet-accounts.projection';
import { repairOrderDetailsProjection } from '../../projections/repair-order-details/repair-order-details.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { CLOCK, type Clock } from '../ports/clock.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import type { Kpi } from '../shared/kpi';
import { definedFilter, type Page } from '../shared/page';
import { nextMonth } from '../../domain/sales-target/target-month';
import {
  type FiledComplaint,
  type FleetKpis,
  fleetKpis,
  type FleetKpiWindow,
  type SettledRepairOrder,
} from './fleet-kpis';

const ACCOUNTS = physicalCollection(fleetAccountsProjection);
const REPAIR_ORDERS = physicalCollection(repairOrderDetailsProjection);
const COMPLAINTS = physicalCollection(complaintDetailsProjection);

export class GetFleetAccountQuery extends Query<FleetAccountDetails> {
  constructor(readonly accountId: string) {
    super();
  }
}

export class ListFleetAccountsQuery extends Query<Page<FleetAccountDetails>> {
  constructor(
    /** `consultantId`: the account manager (a sales consultant sees only their own). */
    readonly filter: Readonly<{ dealerId?: string; consultantId?: string }>,
    readonly limit: number,
    readonly offset: number,
  ) {
    super();
  }
}

/** As of an instant (default now), or for a business month: its end, and the repair orders settled in it. */
export type FleetKpiPeriod = Readonly<{ asOf?: string; month?: string }>;

export class FleetAccountKpisQuery extends Query<FleetKpis> {
  constructor(
    readonly accountId: string,
    readonly period: FleetKpiPeriod = {},
  ) {
    super();
  }
}

@QueryHandler(GetFleetAccountQuery)
export class GetFleetAccountHandler implements IQueryHandler<GetFleetAccountQuery, FleetAccountDetails> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ accountId }: GetFleetAccountQuery): Promise<FleetAccountDetails> {
    const account = await this.readStore.get<FleetAccountDetails>(ACCOUNTS, accountId);
    if (!account || account.openedAt === '') throw new FleetAccountNotFound(accountId);
    return account;
  }
}

/** A dealer's accounts by company name (a consultant's: those they manage). */
@QueryHandler(ListFleetAccountsQuery)
export class ListFleetAccountsHandler implements IQueryHandler<
  ListFleetAccountsQuery,
  Page<FleetAccountDetails>
> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ filter, limit, offset }: ListFleetAccountsQuery): Promise<Page<FleetAccountDetails>> {
    const where = {
      ...definedFilter({ dealerId: filter.dealerId, accountManagerId: filter.consultantId }),
      openedAt: { $ne: '' },
    };
    const [items, total] = await Promise.all([
      this.readStore.find<FleetAccountDetails>(ACCOUNTS, where, {
        sort: [
          ['companyName', 1],
          ['accountId', 1],
        ],
        limit,
        skip: offset,
      }),
      this.readStore.count(ACCOUNTS, where),
    ]);
    return { items, total, limit, offset };
  }
}

/**
 * The account's KPIs as of an instant: its periods from the fleet account, the settled repair orders of every
 * VIN it ever had (one indexed read by VIN) and the complaints of every driver it ever had (one indexed read
 * by customer), both at the account's dealer; `fleetKpis` keeps what was on the account at the time.
 */
@QueryHandler(FleetAccountKpisQuery)
export class FleetAccountKpisHandler implements IQueryHandler<FleetAccountKpisQuery, FleetKpis> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ accountId, period }: FleetAccountKpisQuery): Promise<FleetKpis> {
    const account = await new GetFleetAccountHandler(this.readStore).execute(
      new GetFleetAccountQuery(accountId),
    );
    const vins = [...new Set(account.vehicles.map((period) => period.vin))];
    const customers = [...new Set(account.drivers.map((period) => period.customerId))];
    const { dealerId } = account;
    const [repairOrders, complaints] = await Promise.all([
      vins.length === 0
        ? []
        : this.readStore.find<SettledRepairOrder>(REPAIR_ORDERS, { dealerId, vin: { $in: vins } }),
      customers.length === 0
        ? []
        : this.readStore.find<FiledComplaint>(COMPLAINTS, {
            dealerId,
            'customer.customerId': { $in: customers },
          }),
    ]);
    return fleetKpis(account, this.windowOf(period), repairOrders, complaints);
  }

  /** A month (China Standard Time) runs from its first instant to the last millisecond before the next. */
  private windowOf({ asOf, month }: FleetKpiPeriod): FleetKpiWindow {
    if (month === undefined) return { asOf: asOf ?? this.clock.now().toISOString(), from: null, month: null };
    const from = `${month}-01T00:00:00+08:00`;
    const end = new Date(Date.parse(`${nextMonth(month)}-01T00:00:00+08:00`) - 1).toISOString();
    return { asOf: end, from, month };
  }
}

/** Every query handler of this file, for its Nest module. */
export const FLEET_ACCOUNT_QUERY_HANDLERS = [
  GetFleetAccountHandler,
  ListFleetAccountsHandler,
  FleetAccountKpisHandler,
];

/** `crm kpi fleet-account --account <id> [--as-of <instant>]`: as `GET /fleet/accounts/{id}/kpis` answers it. */
export const FLEET_ACCOUNT_KPIS: Readonly<Record<string, Kpi>> = {
  'fleet-account': {
    description:
      "a fleet account's vehicles, drivers, repair orders, service spend and open complaints as of --as-of, or for --month (GET /fleet/accounts/{id}/kpis)",
    required: ['account'],
    read: (store, clock, params) =>
      new FleetAccountKpisHandler(store, clock).execute(
        new FleetAccountKpisQuery(params.account!, {
          asOf: params.month === undefined ? params.asOf : undefined,
          month: params.month,
        }),
      ),
  },
};
