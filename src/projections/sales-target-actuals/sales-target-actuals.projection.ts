import { businessMonthOf } from '../../domain/shared/time';
import type {
  OrderCancelled,
  OrderSigned,
  VehicleDelivered,
} from '../../domain/vehicle-sale/vehicle-sale.events';
import type { ProjectionDefinition } from '../shared/projection';

/**
 * One small document per vehicle sale with what targets count: the order by its signing month, the
 * delivery by its delivery month (CST), and the cancellation that takes the order back. One sale is one
 * order (fleet orders are not built). Dates are kept so a read "as of" counts the facts dated up to it.
 */
export type SalesTargetActual = {
  saleId: string;
  dealerId: string;
  consultantId: string;
  model: string;
  signedAt: string;
  orderMonth: string;
  cancelledAt: string | null;
  deliveredAt: string | null;
  deliveryMonth: string | null;
};

type E = OrderSigned | VehicleDelivered | OrderCancelled;

export const salesTargetActualsProjection: ProjectionDefinition<E, SalesTargetActual> = {
  name: 'sales-target-actuals',
  version: 1,
  collection: 'sales_target_actuals',
  indexes: [
    ['dealerId', 'orderMonth'],
    ['dealerId', 'deliveryMonth'],
  ],
  handles: ['OrderSigned', 'VehicleDelivered', 'OrderCancelled'],
  documentIds: (event) => [event.data.saleId],
  apply: (doc, event) => {
    if (event.type === 'OrderSigned') {
      const { saleId, dealerId, consultantId, model, signedAt } = event.data;
      return {
        saleId,
        dealerId,
        consultantId,
        model,
        signedAt,
        orderMonth: businessMonthOf(signedAt),
        cancelledAt: null,
        deliveredAt: null,
        deliveryMonth: null,
      };
    }
    if (!doc)
      throw new Error(
        `vehicle sale ${event.data.saleId}: ${event.type} before OrderSigned: check the sale's stream`,
      );
    switch (event.type) {
      case 'VehicleDelivered':
        return {
          ...doc,
          deliveredAt: event.data.deliveredAt,
          deliveryMonth: businessMonthOf(event.data.deliveredAt),
        };
      case 'OrderCancelled':
        return { ...doc, cancelledAt: event.data.cancelledAt };
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  },
};
