import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { FleetOrderNotFound } from '../../domain/fleet-order/fleet-order.errors';
import {
  type FleetOrderDetails,
  fleetOrdersProjection,
} from '../../projections/fleet-orders/fleet-orders.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import { definedFilter, type Page } from '../shared/page';

const ORDERS = physicalCollection(fleetOrdersProjection);

export class GetFleetOrderQuery extends Query<FleetOrderDetails> {
  constructor(readonly orderId: string) {
    super();
  }
}

export class ListFleetOrdersQuery extends Query<Page<FleetOrderDetails>> {
  constructor(
    /** `consultantId`: the order's consultant (a sales consultant sees only their own). */
    readonly filter: Readonly<{ accountId?: string; dealerId?: string; consultantId?: string }>,
    readonly limit: number,
    readonly offset: number,
  ) {
    super();
  }
}

@QueryHandler(GetFleetOrderQuery)
export class GetFleetOrderHandler implements IQueryHandler<GetFleetOrderQuery, FleetOrderDetails> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ orderId }: GetFleetOrderQuery): Promise<FleetOrderDetails> {
    const order = await this.readStore.get<FleetOrderDetails>(ORDERS, orderId);
    if (!order) throw new FleetOrderNotFound(orderId);
    return order;
  }
}

/** A dealer's (or an account's) fleet orders, the latest signed first. */
@QueryHandler(ListFleetOrdersQuery)
export class ListFleetOrdersHandler implements IQueryHandler<ListFleetOrdersQuery, Page<FleetOrderDetails>> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ filter, limit, offset }: ListFleetOrdersQuery): Promise<Page<FleetOrderDetails>> {
    const where = definedFilter({ ...filter });
    const [items, total] = await Promise.all([
      this.readStore.find<FleetOrderDetails>(ORDERS, where, {
        sort: [
          ['signedAt', -1],
          ['orderId', 1],
        ],
        limit,
        skip: offset,
      }),
      this.readStore.count(ORDERS, where),
    ]);
    return { items, total, limit, offset };
  }
}

/** Every query handler of this file, for its Nest module. */
export const FLEET_ORDER_QUERY_HANDLERS = [GetFleetOrderHandler, ListFleetOrdersHandler];
