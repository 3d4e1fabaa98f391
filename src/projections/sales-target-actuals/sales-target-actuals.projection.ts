import type {
  FleetOrderCancelled,
  FleetOrderSigned,
  FleetOrderVehicleDelivered,
} from '../../domain/fleet-order/fleet-order.events';
import { businessMonthOf } from '../../domain/shared/time';
import type {
  OrderCancelled,
  OrderSigned,
  VehicleDelivered,
} from '../../domain/vehicle-sale/vehicle-sale.events';
import type { Envelope, ProjectionDefinition } from '../shared/projection';

/**
 * What targets count, in small documents: a vehicle sale's order by its signing month and its delivery by
 * its delivery month (CST), with the cancellation that takes the order back. A fleet order counts one order
 * per vehicle: one document per line (`orders` = its quantity, by the signing month) and one per delivered
 * vehicle (`orders` 0, the delivery by its month). Dates are kept so a read "as of" counts the facts dated
 * up to it.
 */
export type SalesTargetActual = {
  /** The vehicle sale, or the fleet order the document is a line or a delivered vehicle of. */
  saleId: string;
  kind: 'sale' | 'fleet-order-line' | 'fleet-order-delivery';
  dealerId: string;
  consultantId: string;
  model: string;
  /** The orders this document counts: 1 for a sale, the line's quantity, 0 for a fleet delivery. */
  orders: number;
  /** Null on a fleet delivery's document (its order is counted on its line). */
  signedAt: string | null;
  orderMonth: string | null;
  cancelledAt: string | null;
  deliveredAt: string | null;
  deliveryMonth: string | null;
};

type E =
  | OrderSigned
  | VehicleDelivered
  | OrderCancelled
  | FleetOrderSigned
  | FleetOrderVehicleDelivered
  | FleetOrderCancelled;

const fleetLineId = (orderId: string, lineNo: number) => `fleetorder:${orderId}:line:${lineNo}`;
const fleetDeliveryId = (orderId: string, vin: string) => `fleetorder:${orderId}:vin:${vin}`;

const documentIds = (event: Envelope<E>): readonly string[] => {
  switch (event.type) {
    case 'OrderSigned':
    case 'VehicleDelivered':
    case 'OrderCancelled':
      return [event.data.saleId];
    case 'FleetOrderSigned':
      return event.data.lines.map((line) => fleetLineId(event.data.orderId, line.lineNo));
    case 'FleetOrderCancelled':
      return event.data.lineNos.map((lineNo) => fleetLineId(event.data.orderId, lineNo));
    case 'FleetOrderVehicleDelivered':
      return [fleetDeliveryId(event.data.orderId, event.data.vin)];
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};

const missing = (record: string, type: string): Error =>
  new Error(`${record}: ${type} before its signing: check the record's stream`);

const apply = (doc: SalesTargetActual | null, event: Envelope<E>, id: string): SalesTargetActual => {
  switch (event.type) {
    case 'OrderSigned': {
      const { saleId, dealerId, consultantId, model, signedAt } = event.data;
      return {
        saleId,
        kind: 'sale',
        dealerId,
        consultantId,
        model,
        orders: 1,
        signedAt,
        orderMonth: businessMonthOf(signedAt),
        cancelledAt: null,
        deliveredAt: null,
        deliveryMonth: null,
      };
    }
    case 'FleetOrderSigned': {
      const { orderId, dealerId, consultantId, lines, signedAt } = event.data;
      const line = lines.find((candidate) => fleetLineId(orderId, candidate.lineNo) === id);
      if (!line) throw new Error(`fleet order ${orderId}: no line for document ${id}`);
      return {
        saleId: orderId,
        kind: 'fleet-order-line',
        dealerId,
        consultantId,
        model: line.model,
        orders: line.quantity,
        signedAt,
        orderMonth: businessMonthOf(signedAt),
        cancelledAt: null,
        deliveredAt: null,
        deliveryMonth: null,
      };
    }
    case 'FleetOrderVehicleDelivered': {
      const { orderId, dealerId, consultantId, model, deliveredAt } = event.data;
      return {
        saleId: orderId,
        kind: 'fleet-order-delivery',
        dealerId,
        consultantId,
        model,
        orders: 0,
        signedAt: null,
        orderMonth: null,
        cancelledAt: null,
        deliveredAt,
        deliveryMonth: businessMonthOf(deliveredAt),
      };
    }
    case 'VehicleDelivered':
      if (!doc) throw missing(`vehicle sale ${event.data.saleId}`, event.type);
      return {
        ...doc,
        deliveredAt: event.data.deliveredAt,
        deliveryMonth: businessMonthOf(event.data.deliveredAt),
      };
    case 'OrderCancelled':
      if (!doc) throw missing(`vehicle sale ${event.data.saleId}`, event.type);
      return { ...doc, cancelledAt: event.data.cancelledAt };
    case 'FleetOrderCancelled':
      if (!doc) throw missing(`fleet order ${event.data.orderId}`, event.type);
      return { ...doc, cancelledAt: event.data.cancelledAt };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};

export const salesTargetActualsProjection: ProjectionDefinition<E, SalesTargetActual> = {
  name: 'sales-target-actuals',
  // v2: fleet orders (one order per vehicle: a document per line and per delivered vehicle; `kind`, `orders`).
  version: 2,
  collection: 'sales_target_actuals',
  indexes: [
    ['dealerId', 'orderMonth'],
    ['dealerId', 'deliveryMonth'],
  ],
  handles: [
    'OrderSigned',
    'VehicleDelivered',
    'OrderCancelled',
    'FleetOrderSigned',
    'FleetOrderVehicleDelivered',
    'FleetOrderCancelled',
  ],
  documentIds,
  apply,
};
