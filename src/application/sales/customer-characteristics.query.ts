import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import {
  type CustomerCharacteristicFact,
  customerCharacteristicsProjection,
} from '../../projections/customer-characteristics/customer-characteristics.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { type Filter, READ_STORE, type ReadStore } from '../ports/read-store.port';
import type { Kpi } from '../shared/kpi';
import { type CustomerCharacteristics, customerCharacteristics } from './customer-characteristics';

const FACTS = physicalCollection(customerCharacteristicsProjection);

export class CustomerCharacteristicsQuery extends Query<CustomerCharacteristics> {
  constructor(readonly span: Readonly<{ from: string; to: string; dealerId?: string }>) {
    super();
  }
}

const ids = (values: readonly (string | null)[]) => [
  ...new Set(values.filter((v): v is string => v !== null)),
];

/** Loads the span's sales and repair orders, then what they join to, and counts (aggregates only leave here). */
@QueryHandler(CustomerCharacteristicsQuery)
export class CustomerCharacteristicsHandler implements IQueryHandler<
  CustomerCharacteristicsQuery,
  CustomerCharacteristics
> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ span }: CustomerCharacteristicsQuery): Promise<CustomerCharacteristics> {
    const { from, to, dealerId } = span;
    const find = (filter: Filter) => this.readStore.find<CustomerCharacteristicFact>(FACTS, filter);
    const within = { month: { $gte: from, $lte: to }, ...(dealerId ? { dealerId } : {}) };
    const [sales, visits] = await Promise.all([
      find({ kind: 'sale', ...within }),
      find({ kind: 'service', ...within }),
    ]);
    const customers = ids([...sales, ...visits].map((fact) => fact.customerId));
    const vins = ids(visits.map((visit) => visit.vin));
    const [ofCustomers, ofVins] = await Promise.all([
      customers.length === 0 ? [] : find({ kind: 'sale', customerId: { $in: customers } }),
      vins.length === 0 ? [] : find({ kind: 'sale', vin: { $in: vins } }),
    ]);
    const prospectIds = ids([...sales, ...ofVins].map((sale) => sale.prospectId));
    const prospects =
      prospectIds.length === 0 ? [] : await find({ kind: 'prospect', prospectId: { $in: prospectIds } });
    return customerCharacteristics({ from, to, dealerId: dealerId ?? null }, [
      ...sales,
      ...visits,
      ...ofCustomers,
      ...ofVins,
      ...prospects,
    ]);
  }
}

/** `crm kpi customer-characteristics --from-month --to-month [--dealer]`: as the route answers it. */
export const CUSTOMER_CHARACTERISTICS_KPIS: Readonly<Record<string, Kpi>> = {
  'customer-characteristics': {
    description:
      'buyers and owners by model, channel, payment type, repeat purchase, age band and province, "<5" below five customers (GET /sales/customer-characteristics)',
    required: ['fromMonth', 'toMonth'],
    projections: [customerCharacteristicsProjection],
    read: (store, _clock, params) =>
      new CustomerCharacteristicsHandler(store).execute(
        new CustomerCharacteristicsQuery({
          from: params.fromMonth!,
          to: params.toMonth!,
          dealerId: params.dealer,
        }),
      ),
  },
};
