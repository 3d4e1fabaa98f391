import type { RepairOrderSettled } from '../../domain/repair-order/repair-order.events';
import { businessMonthOf } from '../../domain/shared/time';
import type { ProjectionDefinition } from '../shared/projection';

type Reading = { repairOrderId: string; settledAt: string; mileageKm: number; checkedInAt: string };

/**
 * One vehicle at one dealer, from its settled repair orders: the months it came back in (retention and
 * churn), its last visit (the lost list) and its first and last mileage readings (maintenance due).
 */
export type ServiceVehicle = {
  dealerId: string;
  vin: string;
  plate: string;
  customerId: string;
  /** Business months (China Standard Time) with a settled repair order, sorted, each once. */
  settledMonths: string[];
  /** Every settlement instant, sorted: the lost list as of a past date ignores the visits after it. */
  settlements: string[];
  visits: number;
  first: Reading;
  last: Reading;
};

const reading = (data: RepairOrderSettled['data']): Reading => ({
  repairOrderId: data.repairOrderId,
  settledAt: data.settledAt,
  mileageKm: data.mileageKm,
  checkedInAt: data.checkedInAt,
});

const earlier = (a: Reading, b: Reading): Reading =>
  Date.parse(b.settledAt) < Date.parse(a.settledAt) ? b : a;
const later = (a: Reading, b: Reading): Reading =>
  Date.parse(b.settledAt) >= Date.parse(a.settledAt) ? b : a;

export const serviceVehiclesProjection: ProjectionDefinition<RepairOrderSettled, ServiceVehicle> = {
  name: 'service-vehicles',
  version: 1,
  collection: 'service_vehicles',
  // customerId: the customer's file (GET /customers/:customerId).
  indexes: [['dealerId', 'vin'], ['vin'], ['dealerId', 'last.settledAt'], ['customerId']],
  handles: ['RepairOrderSettled'],
  documentIds: (event) => [`${event.data.dealerId}:${event.data.vin}`],
  apply: (doc, event) => {
    const { data } = event;
    const now = reading(data);
    const month = businessMonthOf(data.settledAt);
    if (!doc) {
      return {
        dealerId: data.dealerId,
        vin: data.vin,
        plate: data.plate,
        customerId: data.customerId,
        settledMonths: [month],
        settlements: [data.settledAt],
        visits: 1,
        first: now,
        last: now,
      };
    }
    // Integrators may sync past facts late, so first and last go by settlement time, not arrival order.
    const last = later(doc.last, now);
    return {
      ...doc,
      plate: last === now ? data.plate : doc.plate,
      customerId: last === now ? data.customerId : doc.customerId,
      settledMonths: [...new Set([...doc.settledMonths, month])].sort(),
      settlements: [...doc.settlements, data.settledAt].sort((a, b) => Date.parse(a) - Date.parse(b)),
      visits: doc.visits + 1,
      first: earlier(doc.first, now),
      last,
    };
  },
};
