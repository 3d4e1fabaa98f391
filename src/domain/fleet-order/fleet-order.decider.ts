import { FleetAccountNotFound } from '../fleet-account/fleet-account.errors';
import type { Decider } from '../shared/event';
import { isOnOrBefore } from '../shared/time';
import type * as C from './fleet-order.commands';
import {
  accountOfAnotherDealer,
  cancelAfterDelivery,
  cancelOutOfOrder,
  deliveryBeforeAllocation,
  factBeforeSigning,
  FleetOrderAlreadySigned,
  FleetOrderNotFound,
  lineDiscountTooHigh,
  lineFull,
  lineNotFound,
  orderCancelled,
  quantityOutOfRange,
  signedBeforeAccountOpened,
  tooFewVehicles,
  vinAlreadyAllocated,
  vinAlreadyDelivered,
  vinNotAllocated,
} from './fleet-order.errors';
import type { FleetOrderEvent, FleetOrderLine } from './fleet-order.events';
import {
  type ActiveFleetOrderState,
  deliveredCount,
  evolveFleetOrder,
  type FleetOrderState,
  vehiclesOf,
} from './fleet-order.state';

type Signed = Exclude<FleetOrderState, { status: 'none' }>;

/** A line of 1 to 500 vehicles; fewer than two vehicles in all is an ordinary sale, not a fleet order. */
export const FLEET_ORDER_MIN_VEHICLES = 2;
export const FLEET_ORDER_MAX_LINE_QUANTITY = 500;

const ids = ({ orderId, accountId, dealerId }: Signed) => ({ orderId, accountId, dealerId });

const sign = ({ data, metadata }: C.SignFleetOrder, state: FleetOrderState): FleetOrderEvent[] => {
  if (state.status !== 'none') throw new FleetOrderAlreadySigned(data.orderId);
  const { orderId, accountId, dealerId, consultantId, payment, promisedDeliveryAt, account } = data;
  const at = metadata.now;
  if (account === null) throw new FleetAccountNotFound(accountId);
  if (account.dealerId !== dealerId) throw accountOfAnotherDealer(orderId, accountId, dealerId);
  if (!isOnOrBefore(account.openedAt, at))
    throw signedBeforeAccountOpened(orderId, accountId, account.openedAt, at);
  const lines = data.lines.map((line, index): FleetOrderLine => {
    const lineNo = index + 1;
    const { model, quantity, listPriceFen, discountFen } = line;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > FLEET_ORDER_MAX_LINE_QUANTITY)
      throw quantityOutOfRange(orderId, lineNo, quantity);
    if (discountFen > listPriceFen) throw lineDiscountTooHigh(orderId, lineNo, listPriceFen, discountFen);
    return { lineNo, model, quantity, listPriceFen, discountFen, priceFen: listPriceFen - discountFen };
  });
  const vehicles = vehiclesOf(lines);
  if (vehicles < FLEET_ORDER_MIN_VEHICLES) throw tooFewVehicles(orderId, vehicles);
  const totalFen = lines.reduce((sum, line) => sum + line.quantity * line.priceFen, 0);
  return [
    {
      type: 'FleetOrderSigned',
      data: {
        orderId,
        accountId,
        dealerId,
        consultantId,
        lines,
        vehicles,
        totalFen,
        payment,
        promisedDeliveryAt,
        signedAt: at,
      },
    },
  ];
};

/** Every step after the signing: dated on or after it, on an order not cancelled. */
const active = (state: Signed, at: string): ActiveFleetOrderState => {
  if (!isOnOrBefore(state.signedAt, at)) throw factBeforeSigning(state.orderId, state.signedAt, at);
  if (state.status === 'cancelled') throw orderCancelled(state.orderId, state.cancelledAt);
  return state;
};

const allocate = ({ data, metadata }: C.AllocateFleetVehicle, signed: Signed): FleetOrderEvent[] => {
  const state = active(signed, metadata.now);
  const { vin, lineNo } = data;
  const line = state.lines.find((candidate) => candidate.lineNo === lineNo);
  if (!line) throw lineNotFound(state.orderId, lineNo, state.lines.length);
  const already = state.vehicles[vin];
  if (already) throw vinAlreadyAllocated(state.orderId, vin, already.lineNo);
  const onLine = Object.values(state.vehicles).filter((vehicle) => vehicle.lineNo === lineNo).length;
  if (onLine >= line.quantity) throw lineFull(state.orderId, lineNo, line.quantity);
  return [
    {
      type: 'FleetOrderVehicleAllocated',
      data: { ...ids(state), vin, lineNo, model: line.model, allocatedAt: metadata.now },
    },
  ];
};

const deliver = ({ data, metadata }: C.DeliverFleetVehicle, signed: Signed): FleetOrderEvent[] => {
  const at = metadata.now;
  const state = active(signed, at);
  const vehicle = state.vehicles[data.vin];
  if (!vehicle) throw vinNotAllocated(state.orderId, data.vin);
  if (vehicle.deliveredAt !== null) throw vinAlreadyDelivered(state.orderId, data.vin, vehicle.deliveredAt);
  if (!isOnOrBefore(vehicle.allocatedAt, at))
    throw deliveryBeforeAllocation(state.orderId, data.vin, vehicle.allocatedAt, at);
  const line = state.lines.find((candidate) => candidate.lineNo === vehicle.lineNo);
  return [
    {
      type: 'FleetOrderVehicleDelivered',
      data: {
        ...ids(state),
        consultantId: state.consultantId,
        vin: data.vin,
        lineNo: vehicle.lineNo,
        model: line?.model ?? '',
        promisedDeliveryAt: state.promisedDeliveryAt,
        deliveredAt: at,
        onTime: isOnOrBefore(at, state.promisedDeliveryAt),
      },
    },
  ];
};

const cancel = ({ data, metadata }: C.CancelFleetOrder, signed: Signed): FleetOrderEvent[] => {
  const at = metadata.now;
  const state = active(signed, at);
  const delivered = deliveredCount(state.vehicles);
  if (delivered > 0) throw cancelAfterDelivery(state.orderId, delivered);
  if (!isOnOrBefore(state.lastAt, at)) throw cancelOutOfOrder(state.orderId, state.lastAt, at);
  return [
    {
      type: 'FleetOrderCancelled',
      data: {
        ...ids(state),
        lineNos: state.lines.map((line) => line.lineNo),
        reason: data.reason,
        cancelledAt: at,
      },
    },
  ];
};

const signed = (command: C.FleetOrderCommand, state: FleetOrderState): Signed => {
  if (state.status === 'none') throw new FleetOrderNotFound(command.data.orderId);
  return state;
};

/**
 * Business time decides: every step is dated on or after the signing; facts on different VINs may arrive
 * in any order, each placed by its own time; a VIN's delivery may not be dated before its allocation, nor
 * a cancellation before the last fact on the order, so no arrival order changes what the order says.
 */
export const fleetOrderDecider: Decider<FleetOrderState, C.FleetOrderCommand, FleetOrderEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: evolveFleetOrder,
  decide: (command, state) => {
    switch (command.type) {
      case 'SignFleetOrder':
        return sign(command, state);
      case 'AllocateFleetVehicle':
        return allocate(command, signed(command, state));
      case 'DeliverFleetVehicle':
        return deliver(command, signed(command, state));
      case 'CancelFleetOrder':
        return cancel(command, signed(command, state));
      default: {
        const unreachable: never = command;
        return unreachable;
      }
    }
  },
};
