import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { RepairOrderNotFound } from '../../domain/repair-order/repair-order.errors';
import {
  type RepairOrderDetails,
  repairOrderDetailsProjection,
} from '../../projections/repair-order-details/repair-order-details.projection';
import { physicalCollection } from '../../projections/shared/projection';
import {
  type ServiceVehicle,
  serviceVehiclesProjection,
} from '../../projections/service-vehicles/service-vehicles.projection';
import { CLOCK, type Clock } from '../ports/clock.port';
import { type Filter, READ_STORE, type ReadStore } from '../ports/read-store.port';
import { definedFilter, type Page, type PageRequest, pageOfList } from '../shared/page';
import { type ListPage, type ListRequest, readNewestFirst } from '../shared/list-page';

const REPAIR_ORDERS = physicalCollection(repairOrderDetailsProjection);
const VEHICLES = physicalCollection(serviceVehiclesProjection);

export class GetRepairOrderQuery extends Query<RepairOrderDetails> {
  constructor(readonly repairOrderId: string) {
    super();
  }
}

export class ListRepairOrdersQuery extends Query<ListPage<RepairOrderDetails>> {
  constructor(
    readonly filter: Readonly<{ dealerId?: string; vin?: string; status?: string }>,
    readonly page: ListRequest,
  ) {
    super();
  }
}

export type ServiceHistory = Readonly<{
  vin: string;
  dealers: ServiceVehicle[];
  repairOrders: RepairOrderDetails[];
}>;

export class GetServiceHistoryQuery extends Query<ServiceHistory> {
  constructor(readonly vin: string) {
    super();
  }
}

export type CallbackState = 'due' | 'overdue' | 'completed';
export const CALLBACK_STATES: readonly CallbackState[] = ['due', 'overdue', 'completed'];

export type CallbackItem = Readonly<{
  repairOrderId: string;
  dealerId: string;
  vin: string;
  plate: string;
  customerId: string;
  settledAt: string;
  callbackDueAt: string;
  callbackCompletedAt: string | null;
  state: CallbackState;
}>;

/** The callback list of a dealer as of an instant, one page of it. */
export type CallbackList = Readonly<{ dealerId: string; asOf: string }> & Page<CallbackItem>;

export class ListCallbacksQuery extends Query<CallbackList> {
  constructor(
    readonly filter: Readonly<{ dealerId: string; state?: CallbackState; asOf?: string } & PageRequest>,
  ) {
    super();
  }
}

@QueryHandler(GetRepairOrderQuery)
export class GetRepairOrderHandler implements IQueryHandler<GetRepairOrderQuery, RepairOrderDetails> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ repairOrderId }: GetRepairOrderQuery): Promise<RepairOrderDetails> {
    const order = await this.readStore.get<RepairOrderDetails>(REPAIR_ORDERS, repairOrderId);
    if (!order) throw new RepairOrderNotFound(repairOrderId);
    return order;
  }
}

@QueryHandler(ListRepairOrdersQuery)
export class ListRepairOrdersHandler implements IQueryHandler<
  ListRepairOrdersQuery,
  ListPage<RepairOrderDetails>
> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  execute({ filter, page }: ListRepairOrdersQuery): Promise<ListPage<RepairOrderDetails>> {
    const order = { field: 'createdAt', idField: 'repairOrderId' };
    return readNewestFirst<RepairOrderDetails>(
      this.readStore,
      REPAIR_ORDERS,
      definedFilter(filter),
      order,
      page,
    );
  }
}

/** Every repair order of the vehicle, oldest first, and its record at each dealer it was serviced at. */
@QueryHandler(GetServiceHistoryQuery)
export class GetServiceHistoryHandler implements IQueryHandler<GetServiceHistoryQuery, ServiceHistory> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ vin }: GetServiceHistoryQuery): Promise<ServiceHistory> {
    const [dealers, repairOrders] = await Promise.all([
      this.readStore.find<ServiceVehicle>(VEHICLES, { vin }, { sort: [['dealerId', 1]] }),
      this.readStore.find<RepairOrderDetails>(REPAIR_ORDERS, { vin }, { sort: [['createdAt', 1]] }),
    ]);
    return { vin, dealers, repairOrders };
  }
}

/**
 * The 3-day callback list (服务回访): completed once the CSI survey is recorded; overdue when its due time
 * has passed at the as-of instant; due otherwise. Soonest due first.
 */
@QueryHandler(ListCallbacksQuery)
export class ListCallbacksHandler implements IQueryHandler<ListCallbacksQuery, CallbackList> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ filter }: ListCallbacksQuery): Promise<CallbackList> {
    const asOf = Date.parse(filter.asOf ?? this.clock.now().toISOString());
    const where: Filter = { dealerId: filter.dealerId, status: 'settled' };
    const completed: Filter =
      filter.state === undefined
        ? {}
        : { callbackCompletedAt: filter.state === 'completed' ? { $ne: null } : null };
    const settled = await this.readStore.find<RepairOrderDetails>(
      REPAIR_ORDERS,
      { ...where, ...completed },
      { sort: [['callbackDueAt', 1]] },
    );
    const items = settled
      .map((order): CallbackItem => {
        const dueAt = order.callbackDueAt ?? '';
        const state: CallbackState = order.callbackCompletedAt
          ? 'completed'
          : Date.parse(dueAt) < asOf
            ? 'overdue'
            : 'due';
        return {
          repairOrderId: order.repairOrderId,
          dealerId: order.dealerId,
          vin: order.vin,
          plate: order.plate,
          customerId: order.customerId,
          settledAt: order.settledAt ?? '',
          callbackDueAt: dueAt,
          callbackCompletedAt: order.callbackCompletedAt,
          state,
        };
      })
      .filter((item) => filter.state === undefined || item.state === filter.state);
    return { dealerId: filter.dealerId, asOf: new Date(asOf).toISOString(), ...pageOfList(items, filter) };
  }
}

/** Every query handler of this file, for its Nest module: a new query is registered where it is written. */
export const REPAIR_ORDER_QUERY_HANDLERS = [
  GetRepairOrderHandler,
  ListRepairOrdersHandler,
  GetServiceHistoryHandler,
  ListCallbacksHandler,
];
