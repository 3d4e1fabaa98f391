import type { Event } from '../shared/event';
import type { PaymentMethod } from '../vehicle-sale/vehicle-sale.types';

type Id = { orderId: string; accountId: string; dealerId: string };

/** A line as signed: numbered from 1, the unit price after discount (money in fen). */
export type FleetOrderLine = Readonly<{
  lineNo: number;
  model: string;
  quantity: number;
  listPriceFen: number;
  discountFen: number;
  /** The unit price: list − discount, never negative. */
  priceFen: number;
}>;

export type FleetOrderSigned = Event<
  'FleetOrderSigned',
  Id & {
    consultantId: string;
    lines: readonly FleetOrderLine[];
    /** Σ quantity: the vehicles of the order (at least 2). */
    vehicles: number;
    /** Σ quantity × unit price. */
    totalFen: number;
    payment: PaymentMethod;
    promisedDeliveryAt: string;
    signedAt: string;
  }
>;

/** A VIN from stock is put on one line of the order. */
export type FleetOrderVehicleAllocated = Event<
  'FleetOrderVehicleAllocated',
  Id & { vin: string; lineNo: number; model: string; allocatedAt: string }
>;

/** One vehicle of the order handed over; the order is delivered once every vehicle is. */
export type FleetOrderVehicleDelivered = Event<
  'FleetOrderVehicleDelivered',
  Id & {
    consultantId: string;
    vin: string;
    lineNo: number;
    model: string;
    promisedDeliveryAt: string;
    deliveredAt: string;
    /** Delivered on or before the promised time. */
    onTime: boolean;
  }
>;

/** The whole order withdrawn, before any vehicle was delivered; names the lines it takes back. */
export type FleetOrderCancelled = Event<
  'FleetOrderCancelled',
  Id & { lineNos: readonly number[]; reason: string; cancelledAt: string }
>;

export type FleetOrderEvent =
  FleetOrderSigned | FleetOrderVehicleAllocated | FleetOrderVehicleDelivered | FleetOrderCancelled;

/** Stable type names and their current schema versions; never derived from class names. */
export const FLEET_ORDER_EVENT_TYPES = {
  FleetOrderSigned: 1,
  FleetOrderVehicleAllocated: 1,
  FleetOrderVehicleDelivered: 1,
  FleetOrderCancelled: 1,
} as const satisfies Record<FleetOrderEvent['type'], number>;
