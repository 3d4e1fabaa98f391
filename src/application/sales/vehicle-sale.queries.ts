import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { VehicleSaleNotFound } from '../../domain/vehicle-sale/vehicle-sale.errors';
import {
  type SalesShowroomTraffic,
  salesShowroomTrafficProjection,
} from '../../projections/sales-showroom-traffic/sales-showroom-traffic.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { type SsiMonthly, ssiMonthlyProjection } from '../../projections/ssi-monthly/ssi-monthly.projection';
import {
  type VehicleSaleDetails,
  vehicleSaleDetailsProjection,
} from '../../projections/vehicle-sale-details/vehicle-sale-details.projection';
import { CLOCK, type Clock } from '../ports/clock.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import { answered, type Answered } from '../shared/answered';
import type { Kpi } from '../shared/kpi';
import { definedFilter, type Page, type PageRequest } from '../shared/page';
import { type ListPage, type ListRequest, readNewestFirst } from '../shared/list-page';
import { endOfBusinessDay } from './prospect.queries';

const SALES = physicalCollection(vehicleSaleDetailsProjection);
const SSI = physicalCollection(ssiMonthlyProjection);
const TRAFFIC = physicalCollection(salesShowroomTrafficProjection);

export type DeliveryCallback = Pick<
  VehicleSaleDetails,
  'saleId' | 'customer' | 'consultantId' | 'vin' | 'model' | 'deliveredAt' | 'callbackAttempts'
> & {
  callbackDueAt: string;
  overdue: boolean;
};
export type DeliveryCallbackList = Readonly<{ dealerId: string; asOf: string; dueBefore: string }> &
  Page<DeliveryCallback>;

/** A vehicle sale as the routes show it. */
export type VehicleSaleRecord = Answered<VehicleSaleDetails>;

export class GetVehicleSaleQuery extends Query<VehicleSaleRecord> {
  constructor(readonly saleId: string) {
    super();
  }
}
export class ListVehicleSalesQuery extends Query<ListPage<VehicleSaleRecord>> {
  constructor(
    readonly filter: Readonly<Record<string, string | undefined>>,
    readonly page: ListRequest,
  ) {
    super();
  }
}
export class DeliveryCallbacksQuery extends Query<DeliveryCallbackList> {
  constructor(
    readonly dealerId: string,
    readonly asOf: string | undefined,
    readonly page: PageRequest = {},
  ) {
    super();
  }
}
export class SsiMonthlyQuery extends Query<SsiMonthly[]> {
  constructor(readonly filter: Readonly<{ dealerId?: string; month?: string }>) {
    super();
  }
}
export class ShowroomTrafficQuery extends Query<SalesShowroomTraffic[]> {
  constructor(readonly filter: Readonly<{ dealerId?: string; month?: string }>) {
    super();
  }
}

@QueryHandler(GetVehicleSaleQuery)
export class GetVehicleSaleHandler implements IQueryHandler<GetVehicleSaleQuery, VehicleSaleRecord> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ saleId }: GetVehicleSaleQuery): Promise<VehicleSaleRecord> {
    const sale = await this.readStore.get<VehicleSaleDetails>(SALES, saleId);
    if (!sale) throw new VehicleSaleNotFound(saleId);
    return answered(sale);
  }
}

@QueryHandler(ListVehicleSalesQuery)
export class ListVehicleSalesHandler implements IQueryHandler<
  ListVehicleSalesQuery,
  ListPage<VehicleSaleRecord>
> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ filter, page }: ListVehicleSalesQuery): Promise<ListPage<VehicleSaleRecord>> {
    const order = { field: 'signedAt', idField: 'saleId' };
    const found = await readNewestFirst<VehicleSaleDetails>(
      this.readStore,
      SALES,
      definedFilter(filter),
      order,
      page,
    );
    return { ...found, items: found.items.map(answered) };
  }
}

@QueryHandler(DeliveryCallbacksQuery)
export class DeliveryCallbacksHandler implements IQueryHandler<DeliveryCallbacksQuery, DeliveryCallbackList> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(query: DeliveryCallbacksQuery): Promise<DeliveryCallbackList> {
    const asOf = new Date(query.asOf ?? this.clock.now().toISOString()).toISOString();
    const dueBefore = endOfBusinessDay(asOf);
    const where = { dealerId: query.dealerId, callbackStatus: 'open', callbackDueAt: { $lt: dueBefore } };
    const { limit, offset = 0 } = query.page;
    const [open, total] = await Promise.all([
      this.readStore.find<VehicleSaleDetails>(SALES, where, {
        sort: [
          ['callbackDueAt', 1],
          ['saleId', 1],
        ],
        limit,
        skip: offset,
      }),
      this.readStore.count(SALES, where),
    ]);
    return {
      dealerId: query.dealerId,
      asOf,
      dueBefore,
      items: open.map((sale) => ({
        saleId: sale.saleId,
        customer: sale.customer,
        consultantId: sale.consultantId,
        vin: sale.vin,
        model: sale.model,
        deliveredAt: sale.deliveredAt,
        callbackAttempts: sale.callbackAttempts,
        callbackDueAt: sale.callbackDueAt!,
        overdue: sale.callbackDueAt! < asOf,
      })),
      total,
      limit: limit ?? total,
      offset,
    };
  }
}

@QueryHandler(SsiMonthlyQuery)
export class SsiMonthlyHandler implements IQueryHandler<SsiMonthlyQuery, SsiMonthly[]> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  execute({ filter }: SsiMonthlyQuery): Promise<SsiMonthly[]> {
    return this.readStore.find<SsiMonthly>(SSI, definedFilter(filter), {
      sort: [
        ['dealerId', 1],
        ['month', 1],
        ['weightSetVersion', 1],
      ],
    });
  }
}

@QueryHandler(ShowroomTrafficQuery)
export class ShowroomTrafficHandler implements IQueryHandler<ShowroomTrafficQuery, SalesShowroomTraffic[]> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  execute({ filter }: ShowroomTrafficQuery): Promise<SalesShowroomTraffic[]> {
    return this.readStore.find<SalesShowroomTraffic>(TRAFFIC, definedFilter(filter), {
      sort: [
        ['dealerId', 1],
        ['month', 1],
      ],
    });
  }
}

/** The vehicle sale KPIs `crm kpi` reads. */
export const VEHICLE_SALE_KPIS: Readonly<Record<string, Kpi>> = {
  ssi: {
    description: 'sales satisfaction (SSI) per dealer and month',
    required: [],
    read: (store, _clock, p) =>
      new SsiMonthlyHandler(store).execute(new SsiMonthlyQuery({ dealerId: p.dealer, month: p.month })),
    projections: [ssiMonthlyProjection],
  },
};

/** Every query handler of this file, for its Nest module: a new query is registered where it is written. */
export const VEHICLE_SALE_QUERY_HANDLERS = [
  GetVehicleSaleHandler,
  ListVehicleSalesHandler,
  DeliveryCallbacksHandler,
  SsiMonthlyHandler,
  ShowroomTrafficHandler,
];
