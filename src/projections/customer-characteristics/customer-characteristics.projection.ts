import type { ProspectRegistered } from '../../domain/prospect/prospect.events';
import type { RepairOrderSettled } from '../../domain/repair-order/repair-order.events';
import { businessMonthOf } from '../../domain/shared/time';
import type { OrderSigned, VehicleDelivered } from '../../domain/vehicle-sale/vehicle-sale.events';
import type { ProjectionDefinition } from '../shared/projection';

type Handled = ProspectRegistered | OrderSigned | VehicleDelivered | RepairOrderSettled;

/**
 * The facts the customer characteristics (客户特征分析) are counted from, one document per record, holding
 * codes only: the customer id (a pseudonym), a model, a channel, a payment type, a VIN and business months,
 * never a name, phone or any other personal field. No route shows these documents: the report reads them and
 * answers counts, with small cells suppressed (`customer-characteristics.ts`).
 *
 * - `prospect:<id>`: the enquiry channel the prospect was registered with (for the buyer's channel);
 * - `sale:<id>`: an order (with the buyer's age band at ordering and province code, derived by the sale's
 *   decider from the resident ID number, null without one), and once delivered its VIN and CST month of
 *   delivery (a buyer);
 * - `service:<repairOrderId>`: a settled repair order's dealer, VIN, customer and CST month (an owner).
 * Each event writes only its own fields, so the documents are the same in any order of arrival.
 */
export type CustomerCharacteristicFact = {
  kind: 'prospect' | 'sale' | 'service';
  recordId: string;
  prospectId: string | null;
  dealerId: string | null;
  customerId: string | null;
  channel: string | null;
  model: string | null;
  payment: string | null;
  /** The buyer's age band at ordering (`OrderSigned.buyerProfile`); null without a resident ID number. */
  ageBand: string | null;
  /** The province-level code (two digits) of the buyer's resident ID number; null without one. */
  province: string | null;
  vin: string | null;
  /** Delivered (a sale) or settled (a repair order) at. */
  at: string | null;
  /** CST month of `at`. */
  month: string | null;
};

const empty = (kind: CustomerCharacteristicFact['kind'], recordId: string): CustomerCharacteristicFact => ({
  kind,
  recordId,
  prospectId: null,
  dealerId: null,
  customerId: null,
  channel: null,
  model: null,
  payment: null,
  ageBand: null,
  province: null,
  vin: null,
  at: null,
  month: null,
});

export const customerCharacteristicsProjection: ProjectionDefinition<Handled, CustomerCharacteristicFact> = {
  name: 'customer-characteristics',
  // v2: the buyer's age band and province (OrderSigned v3).
  version: 2,
  collection: 'customer_characteristics',
  indexes: [
    ['kind', 'month'],
    ['kind', 'customerId'],
    ['kind', 'vin'],
    ['kind', 'prospectId'],
  ],
  handles: ['ProspectRegistered', 'OrderSigned', 'VehicleDelivered', 'RepairOrderSettled'],
  documentIds: (event) => {
    switch (event.type) {
      case 'ProspectRegistered':
        return [`prospect:${event.data.prospectId}`];
      case 'OrderSigned':
      case 'VehicleDelivered':
        return [`sale:${event.data.saleId}`];
      case 'RepairOrderSettled':
        return [`service:${event.data.repairOrderId}`];
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  },
  apply: (doc, event) => {
    switch (event.type) {
      case 'ProspectRegistered': {
        const { prospectId, dealerId, channel, contact } = event.data;
        const current = doc ?? empty('prospect', prospectId);
        return { ...current, prospectId, dealerId, customerId: contact.customerId, channel };
      }
      case 'OrderSigned': {
        const { saleId, prospectId, dealerId, customer, model, payment, buyerProfile } = event.data;
        const current = doc ?? empty('sale', saleId);
        // The delivered model wins over the ordered one when both are in.
        return {
          ...current,
          prospectId,
          dealerId,
          customerId: customer.customerId,
          model: current.model ?? model,
          payment,
          ageBand: buyerProfile?.ageBand ?? null,
          province: buyerProfile?.province ?? null,
        };
      }
      case 'VehicleDelivered': {
        const { saleId, prospectId, dealerId, customerId, vin, model, deliveredAt } = event.data;
        const current = doc ?? empty('sale', saleId);
        return {
          ...current,
          prospectId,
          dealerId,
          customerId,
          vin,
          model,
          at: deliveredAt,
          month: businessMonthOf(deliveredAt),
        };
      }
      case 'RepairOrderSettled': {
        const { repairOrderId, dealerId, vin, customerId, settledAt } = event.data;
        const current = doc ?? empty('service', repairOrderId);
        return { ...current, dealerId, vin, customerId, at: settledAt, month: businessMonthOf(settledAt) };
      }
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  },
};
