import type { FleetOrderEvent, FleetOrderSigned } from '../../domain/fleet-order/fleet-order.events';
import type { PaymentMethod } from '../../domain/vehicle-sale/vehicle-sale.types';
import type { Envelope, ProjectionDefinition } from '../shared/projection';

export type FleetOrderAllocation = { vin: string; allocatedAt: string };
export type FleetOrderDelivery = { vin: string; deliveredAt: string; onTime: boolean };

/** A line with the VINs put on it and those delivered, each list by VIN (so arrival order never shows). */
export type FleetOrderLineView = {
  lineNo: number;
  model: string;
  quantity: number;
  listPriceFen: number;
  discountFen: number;
  priceFen: number;
  /** quantity × unit price. */
  lineTotalFen: number;
  allocated: FleetOrderAllocation[];
  delivered: FleetOrderDelivery[];
};

export type FleetOrderStatus = 'signed' | 'delivered' | 'cancelled';

/** One document per fleet order. */
export type FleetOrderDetails = {
  orderId: string;
  accountId: string;
  dealerId: string;
  consultantId: string;
  payment: PaymentMethod;
  promisedDeliveryAt: string;
  signedAt: string;
  lines: FleetOrderLineView[];
  vehicles: number;
  allocatedVehicles: number;
  deliveredVehicles: number;
  totalFen: number;
  /** `delivered` once every vehicle is; `cancelled` after the cancellation. */
  status: FleetOrderStatus;
  cancelled: { reason: string; cancelledAt: string } | null;
};

const byVin = <T extends { vin: string }>(entries: readonly T[]): T[] =>
  [...entries].sort((a, b) => a.vin.localeCompare(b.vin));

const signedDoc = ({ data }: { data: FleetOrderSigned['data'] }): FleetOrderDetails => ({
  orderId: data.orderId,
  accountId: data.accountId,
  dealerId: data.dealerId,
  consultantId: data.consultantId,
  payment: data.payment,
  promisedDeliveryAt: data.promisedDeliveryAt,
  signedAt: data.signedAt,
  lines: data.lines.map((line) => ({
    ...line,
    lineTotalFen: line.quantity * line.priceFen,
    allocated: [],
    delivered: [],
  })),
  vehicles: data.vehicles,
  allocatedVehicles: 0,
  deliveredVehicles: 0,
  totalFen: data.totalFen,
  status: 'signed',
  cancelled: null,
});

/** The line changed, then the counts and the status derived again from the lines. */
const onLine = (
  doc: FleetOrderDetails,
  lineNo: number,
  change: (line: FleetOrderLineView) => FleetOrderLineView,
): FleetOrderDetails => {
  const lines = doc.lines.map((line) => (line.lineNo === lineNo ? change(line) : line));
  const allocatedVehicles = lines.reduce((sum, line) => sum + line.allocated.length, 0);
  const deliveredVehicles = lines.reduce((sum, line) => sum + line.delivered.length, 0);
  const status: FleetOrderStatus =
    doc.status === 'cancelled' ? 'cancelled' : deliveredVehicles === doc.vehicles ? 'delivered' : 'signed';
  return { ...doc, lines, allocatedVehicles, deliveredVehicles, status };
};

const apply = (doc: FleetOrderDetails | null, event: Envelope<FleetOrderEvent>): FleetOrderDetails => {
  if (event.type === 'FleetOrderSigned') return signedDoc(event);
  if (!doc)
    throw new Error(
      `fleet order ${event.data.orderId}: ${event.type} before FleetOrderSigned: check the order's stream`,
    );
  switch (event.type) {
    case 'FleetOrderVehicleAllocated': {
      const { vin, lineNo, allocatedAt } = event.data;
      return onLine(doc, lineNo, (line) => ({
        ...line,
        allocated: byVin([...line.allocated.filter((a) => a.vin !== vin), { vin, allocatedAt }]),
      }));
    }
    case 'FleetOrderVehicleDelivered': {
      const { vin, lineNo, deliveredAt, onTime } = event.data;
      return onLine(doc, lineNo, (line) => ({
        ...line,
        delivered: byVin([...line.delivered.filter((d) => d.vin !== vin), { vin, deliveredAt, onTime }]),
      }));
    }
    case 'FleetOrderCancelled': {
      const { reason, cancelledAt } = event.data;
      return { ...doc, status: 'cancelled', cancelled: { reason, cancelledAt } };
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};

/** The fleet orders (集团客户订单): one document per order, listed by account and dealer. */
export const fleetOrdersProjection: ProjectionDefinition<FleetOrderEvent, FleetOrderDetails> = {
  name: 'fleet-orders',
  version: 1,
  collection: 'fleet_orders',
  indexes: [
    ['dealerId', 'signedAt'],
    ['accountId', 'signedAt'],
    ['dealerId', 'consultantId', 'signedAt'],
  ],
  handles: [
    'FleetOrderSigned',
    'FleetOrderVehicleAllocated',
    'FleetOrderVehicleDelivered',
    'FleetOrderCancelled',
  ],
  documentIds: (event) => [event.data.orderId],
  apply: (doc, event) => apply(doc, event),
};
