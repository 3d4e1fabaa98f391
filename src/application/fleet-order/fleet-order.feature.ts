import type { FleetOrderCommand } from '../../domain/fleet-order/fleet-order.commands';
import { fleetOrderDecider } from '../../domain/fleet-order/fleet-order.decider';
import { FLEET_ORDER_EVENT_TYPES, type FleetOrderEvent } from '../../domain/fleet-order/fleet-order.events';
import { type FleetOrderState, fleetOrderStreamId } from '../../domain/fleet-order/fleet-order.state';
import { fleetOrdersProjection } from '../../projections/fleet-orders/fleet-orders.projection';
import { createFleetOrderVehiclesReactor } from './fleet-order-vehicles.reactor';
import type { Feature } from '../shared/feature';

/**
 * Fleet orders (集团客户订单, issue 18 §2): one sale of several vehicles for a fleet account, one stream per
 * order. The order's dealer owns it and its consultant is its owner: a sales consultant signs an order only
 * as its consultant and works only their own orders. Each delivered VIN is registered on the account by
 * the `fleet-order-vehicles` reactor. Targets count it one order per vehicle (`sales-target-actuals`).
 */
export const fleetOrderFeature: Feature<FleetOrderState, FleetOrderCommand, FleetOrderEvent> = {
  name: 'fleet-order',
  category: 'fleetorder',
  decider: fleetOrderDecider,
  streamOf: ({ orderId }) => fleetOrderStreamId(orderId),
  eventTypes: FLEET_ORDER_EVENT_TYPES,
  scope: (state, command) => {
    if (state.status !== 'none') return { dealerId: state.dealerId, ownerId: state.consultantId };
    return command.type === 'SignFleetOrder'
      ? { dealerId: command.data.dealerId, ownerId: command.data.consultantId }
      : {};
  },
  projections: [fleetOrdersProjection],
  reactors: ({ pipeline }) => [createFleetOrderVehiclesReactor(pipeline)],
};
