import type { FleetOrderEvent, FleetOrderLine } from './fleet-order.events';

/** One VIN of the order: its line, when it was allocated, and its delivery once made. */
export type FleetOrderVehicle = Readonly<{ lineNo: number; allocatedAt: string; deliveredAt: string | null }>;

type OrderFacts = Readonly<{
  orderId: string;
  accountId: string;
  dealerId: string;
  consultantId: string;
  lines: readonly FleetOrderLine[];
  promisedDeliveryAt: string;
  signedAt: string;
  vehicles: Readonly<Record<string, FleetOrderVehicle>>;
  /** The latest business time recorded on the order: a cancellation may not be dated before it. */
  lastAt: string;
}>;

/** Signed, some vehicles maybe delivered; `delivered` once every vehicle of every line is. */
export type ActiveFleetOrderState = OrderFacts & Readonly<{ status: 'signed' | 'delivered' }>;
export type CancelledFleetOrderState = OrderFacts & Readonly<{ status: 'cancelled'; cancelledAt: string }>;

export type FleetOrderState = Readonly<{ status: 'none' }> | ActiveFleetOrderState | CancelledFleetOrderState;

export const fleetOrderStreamId = (orderId: string): string => `fleetorder-${orderId}`;

const later = (a: string, b: string): string => (Date.parse(b) > Date.parse(a) ? b : a);

export const vehiclesOf = (lines: readonly FleetOrderLine[]): number =>
  lines.reduce((sum, line) => sum + line.quantity, 0);

export const deliveredCount = (vehicles: Readonly<Record<string, FleetOrderVehicle>>): number =>
  Object.values(vehicles).filter((vehicle) => vehicle.deliveredAt !== null).length;

export const evolveFleetOrder = (state: FleetOrderState, event: FleetOrderEvent): FleetOrderState => {
  switch (event.type) {
    case 'FleetOrderSigned': {
      const { orderId, accountId, dealerId, consultantId, lines, promisedDeliveryAt, signedAt } = event.data;
      return {
        status: 'signed',
        orderId,
        accountId,
        dealerId,
        consultantId,
        lines,
        promisedDeliveryAt,
        signedAt,
        vehicles: {},
        lastAt: signedAt,
      };
    }
    case 'FleetOrderVehicleAllocated': {
      if (state.status !== 'signed') return state;
      const { vin, lineNo, allocatedAt } = event.data;
      return {
        ...state,
        vehicles: { ...state.vehicles, [vin]: { lineNo, allocatedAt, deliveredAt: null } },
        lastAt: later(state.lastAt, allocatedAt),
      };
    }
    case 'FleetOrderVehicleDelivered': {
      if (state.status !== 'signed') return state;
      const { vin, lineNo, deliveredAt } = event.data;
      const allocatedAt = state.vehicles[vin]?.allocatedAt ?? deliveredAt;
      const vehicles = { ...state.vehicles, [vin]: { lineNo, allocatedAt, deliveredAt } };
      return {
        ...state,
        status: deliveredCount(vehicles) === vehiclesOf(state.lines) ? 'delivered' : 'signed',
        vehicles,
        lastAt: later(state.lastAt, deliveredAt),
      };
    }
    case 'FleetOrderCancelled': {
      if (state.status === 'none') return state;
      return { ...state, status: 'cancelled', cancelledAt: event.data.cancelledAt };
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};
