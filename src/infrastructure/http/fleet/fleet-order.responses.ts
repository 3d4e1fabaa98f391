import type { PaymentMethod } from '../../../domain/vehicle-sale/vehicle-sale.types';
import type {
  FleetOrderAllocation,
  FleetOrderDelivery,
  FleetOrderDetails,
  FleetOrderLineView,
  FleetOrderStatus,
} from '../../../projections/fleet-orders/fleet-orders.projection';
import { PageOf } from '../shared/page.responses';

/** The answers of the fleet order routes, typed by the read model they show. */
export class FleetOrderAllocationView implements FleetOrderAllocation {
  /** @example LSVAB4BR5MN000001 */
  vin!: string;
  allocatedAt!: string;
}

export class FleetOrderDeliveryView implements FleetOrderDelivery {
  /** @example LSVAB4BR5MN000001 */
  vin!: string;
  deliveredAt!: string;
  /** On or before the promised delivery. */
  onTime!: boolean;
}

export class FleetOrderLineItemView implements FleetOrderLineView {
  /** @example 1 */
  lineNo!: number;
  /** @example Lavida */
  model!: string;
  /** @example 2 */
  quantity!: number;
  /** Unit list price, fen. @example 15000000 */
  listPriceFen!: number;
  /** Unit discount, fen. @example 1000000 */
  discountFen!: number;
  /** Unit price: list − discount, fen. @example 14000000 */
  priceFen!: number;
  /** quantity × unit price, fen. @example 28000000 */
  lineTotalFen!: number;
  /** The VINs allocated to the line, by VIN. */
  allocated!: FleetOrderAllocationView[];
  /** The VINs of the line delivered, by VIN. */
  delivered!: FleetOrderDeliveryView[];
}

export class FleetOrderView implements FleetOrderDetails {
  /** @example fo-shentong-1 */
  orderId!: string;
  /** @example fa-shentong */
  accountId!: string;
  /** @example d-sh-01 */
  dealerId!: string;
  /** @example sc-wang */
  consultantId!: string;
  /** @example lease */
  payment!: PaymentMethod;
  promisedDeliveryAt!: string;
  signedAt!: string;
  lines!: FleetOrderLineItemView[];
  /** Σ quantity. @example 3 */
  vehicles!: number;
  /** @example 3 */
  allocatedVehicles!: number;
  /** @example 2 */
  deliveredVehicles!: number;
  /** Σ line totals, fen. @example 44500000 */
  totalFen!: number;
  /** `delivered` once every vehicle is. @example signed */
  status!: FleetOrderStatus;
  /** Null unless cancelled. */
  cancelled!: FleetOrderCancellationView | null;
}

export class FleetOrderCancellationView {
  reason!: string;
  cancelledAt!: string;
}

export class FleetOrderPage extends PageOf(FleetOrderView) {}
