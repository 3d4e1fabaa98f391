import { DDC_SUPPRESSION_THRESHOLD, type DdcSuppressed, suppress } from '../../domain/ddc/ddc-ranking';
import { PROVINCES } from '../../domain/shared/resident-id';
import { AGE_BANDS } from '../../domain/vehicle-sale/buyer-profile';
import type { CustomerCharacteristicFact } from '../../projections/customer-characteristics/customer-characteristics.projection';

/** A figure about customers: "<5" when it is about fewer than 5 of them. */
export type CustomerCount = number | DdcSuppressed;

export type CharacteristicCell = { value: string; customers: CustomerCount };
/** A province-level code with its name (null for `unknown`). */
export type ProvinceCell = CharacteristicCell & { name: string | null };

export type CustomerPopulation = {
  /** Distinct customers. */
  customers: CustomerCount;
  /** Distinct vehicles (buyers: delivered sales; owners: VINs in service); suppressed with the customers. */
  vehicles: CustomerCount;
  byModel: CharacteristicCell[];
  byChannel: CharacteristicCell[];
  byPayment: CharacteristicCell[];
  byRepeat: CharacteristicCell[];
  /** Age band at ordering, youngest first, `unknown` last. */
  byAgeBand: CharacteristicCell[];
  /** Province-level code of the resident ID number, by code, `unknown` last. */
  byProvince: ProvinceCell[];
};

export type CustomerCharacteristics = {
  from: string;
  to: string;
  /** Null: the network. */
  dealerId: string | null;
  suppressedBelow: number;
  buyers: CustomerPopulation;
  owners: CustomerPopulation;
};

export const UNKNOWN = 'unknown';

type Member = {
  customerId: string;
  vehicle: string;
  model: string;
  channel: string;
  payment: string;
  repeat: string;
  ageBand: string;
  province: string;
};

type Dimension = 'model' | 'channel' | 'payment' | 'repeat' | 'ageBand' | 'province';

const byValue = (a: string, b: string) => a.localeCompare(b);
const rank = (value: string) => (value === UNKNOWN ? AGE_BANDS.length : AGE_BANDS.indexOf(value as never));
const byBand = (a: string, b: string) => rank(a) - rank(b);
const unknownLast = (a: string, b: string) => Number(a === UNKNOWN) - Number(b === UNKNOWN) || byValue(a, b);

const cellsOf = (members: readonly Member[], key: Dimension, order = byValue): CharacteristicCell[] => {
  const customers = new Map<string, Set<string>>();
  for (const member of members) {
    const set = customers.get(member[key]) ?? new Set<string>();
    set.add(member.customerId);
    customers.set(member[key], set);
  }
  return [...customers]
    .sort(([a], [b]) => order(a, b))
    .map(([value, set]) => ({ value, customers: suppress(set.size, set.size)! }));
};

const populationOf = (members: readonly Member[]): CustomerPopulation => {
  const customers = new Set(members.map((member) => member.customerId)).size;
  const vehicles = new Set(members.map((member) => member.vehicle)).size;
  return {
    customers: suppress(customers, customers)!,
    vehicles: suppress(vehicles, customers)!,
    byModel: cellsOf(members, 'model'),
    byChannel: cellsOf(members, 'channel'),
    byPayment: cellsOf(members, 'payment'),
    byRepeat: cellsOf(members, 'repeat'),
    byAgeBand: cellsOf(members, 'ageBand', byBand),
    byProvince: cellsOf(members, 'province', unknownLast).map((cell) => ({
      ...cell,
      name: PROVINCES[cell.value] ?? null,
    })),
  };
};

/**
 * Buyers (vehicles delivered in the months, at the dealer or anywhere) and owners (vehicles with a repair order
 * settled in the months) counted by model, enquiry channel, payment type, repeat purchase, age band at
 * ordering and province (`unknown` for a sale without a resident ID number, or a vehicle sold elsewhere). Each cell is the
 * number of distinct customers, "<5" below five. `facts` must hold the span's sales and repair orders and,
 * for them, the prospects and every delivered sale of their customers and VINs; others are ignored.
 */
export const customerCharacteristics = (
  span: Readonly<{ from: string; to: string; dealerId: string | null }>,
  facts: readonly CustomerCharacteristicFact[],
): CustomerCharacteristics => {
  const { from, to, dealerId } = span;
  const unique = [...new Map(facts.map((fact) => [`${fact.kind}:${fact.recordId}`, fact])).values()];
  const delivered = unique.filter(
    (fact) => fact.kind === 'sale' && fact.at !== null && fact.customerId !== null,
  );
  const channelOf = new Map(
    unique.filter((fact) => fact.kind === 'prospect').map((fact) => [fact.prospectId, fact.channel]),
  );
  // Repeat purchase: the customer has two or more delivered vehicles by the span's last month (any dealer).
  const deliveredBy = new Map<string, number>();
  for (const sale of delivered)
    if (sale.month! <= to) deliveredBy.set(sale.customerId!, (deliveredBy.get(sale.customerId!) ?? 0) + 1);
  const repeatOf = (customerId: string) => ((deliveredBy.get(customerId) ?? 0) >= 2 ? 'repeat' : 'first');
  const inSpan = (fact: CustomerCharacteristicFact) =>
    fact.month !== null &&
    fact.month >= from &&
    fact.month <= to &&
    (dealerId === null || fact.dealerId === dealerId);
  const saleAttributes = (sale: CustomerCharacteristicFact | undefined) => ({
    model: sale?.model ?? UNKNOWN,
    channel: (sale && channelOf.get(sale.prospectId)) ?? UNKNOWN,
    payment: sale?.payment ?? UNKNOWN,
    ageBand: sale?.ageBand ?? UNKNOWN,
    province: sale?.province ?? UNKNOWN,
  });

  const buyers = delivered.filter(inSpan).map((sale) => ({
    customerId: sale.customerId!,
    vehicle: sale.recordId,
    ...saleAttributes(sale),
    repeat: repeatOf(sale.customerId!),
  }));
  // The vehicle's sale: its latest delivery through the CRM (none for a vehicle bought elsewhere).
  const saleOfVin = new Map<string, CustomerCharacteristicFact>();
  for (const sale of [...delivered].sort((a, b) => a.at!.localeCompare(b.at!)))
    if (sale.vin !== null) saleOfVin.set(sale.vin, sale);
  const owners = unique
    .filter(
      (fact) => fact.kind === 'service' && fact.customerId !== null && fact.vin !== null && inSpan(fact),
    )
    .map((visit) => ({
      customerId: visit.customerId!,
      vehicle: visit.vin!,
      ...saleAttributes(saleOfVin.get(visit.vin!)),
      repeat: repeatOf(visit.customerId!),
    }));
  return {
    from,
    to,
    dealerId,
    suppressedBelow: DDC_SUPPRESSION_THRESHOLD,
    buyers: populationOf(buyers),
    owners: populationOf(owners),
  };
};
