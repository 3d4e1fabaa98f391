import { Controller } from '@nestjs/common';
import { ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import {
  FleetOrderBusCommand,
  type FleetOrderRequest,
} from '../../../application/fleet-order/fleet-order.commands';
import { commandRoutes } from '../shared/command-routes';
import { commandTarget } from '../shared/command-sender';
import { routeTable } from '../shared/route-table';
import {
  AllocateFleetVehicleBody,
  CancelFleetOrderBody,
  DeliverFleetVehicleBody,
  SignFleetOrderBody,
} from './fleet-order.bodies';

const ORDER = commandTarget<FleetOrderRequest>()('fleetorder', 'orderId', FleetOrderBusCommand);
const { opens, step } = commandRoutes(ORDER, {
  notFound: 'FLEET_ORDER_NOT_FOUND',
  collection: '/fleet/orders',
  everyStep: 'FLEET_ORDER_FACT_BEFORE_SIGNING, FLEET_ORDER_CANCELLED',
});
const inUtc = (instant: string): string => new Date(instant).toISOString();

/** Fleet orders (集团客户订单): one sale of several vehicles for a fleet account. */
@ApiTags('fleet orders')
@Controller('fleet/orders')
export class FleetOrderCommandsController extends routeTable({
  sign: opens('', 'SignFleetOrder', SignFleetOrderBody, 'fleet.manage', {
    summary: 'Sign a fleet order: several vehicles over numbered lines for one fleet account',
    conflicts: 'FLEET_ORDER_ALREADY_SIGNED',
    refusals:
      'FLEET_ORDER_TOO_FEW_VEHICLES, FLEET_ORDER_DISCOUNT_EXCEEDS_PRICE, FLEET_ORDER_QUANTITY_OUT_OF_RANGE, FLEET_ORDER_ACCOUNT_OF_ANOTHER_DEALER, FLEET_ORDER_BEFORE_ACCOUNT_OPENED',
    description:
      'The fleet account is read from its stream: unknown is 404 FLEET_ACCOUNT_NOT_FOUND, another dealer’s account 422. At least 2 vehicles in all (a single vehicle is an ordinary sale). A sales consultant signs only as the order’s consultant (403 OWNER_FORBIDDEN).',
    map: (body) => ({ ...body, promisedDeliveryAt: inUtc(body.promisedDeliveryAt) }),
    above: [ApiNotFoundResponse({ description: 'FLEET_ACCOUNT_NOT_FOUND: no fleet account has that id' })],
  }),
  allocate: step('vehicles', 'AllocateFleetVehicle', AllocateFleetVehicleBody, 'fleet.manage', {
    summary: 'Allocate a VIN to a line of the order',
    refusals: 'FLEET_ORDER_LINE_NOT_FOUND, FLEET_ORDER_LINE_FULL, FLEET_ORDER_VIN_ALREADY_ALLOCATED',
    conflicts:
      'VEHICLE_VIN_ALLOCATED (the VIN is on another open fleet order or sale, named when the reader may see it), VEHICLE_VIN_DELIVERED (the vehicle was delivered on a record)',
    description:
      'A VIN is on one open fleet order or sale across the network: it is free again once its record is cancelled (an order, before any delivery), and never once delivered.',
  }),
  deliver: step('deliveries', 'DeliverFleetVehicle', DeliverFleetVehicleBody, 'fleet.manage', {
    summary: 'Deliver one allocated vehicle; it is registered on the fleet account',
    refusals:
      'FLEET_ORDER_VIN_NOT_ALLOCATED, FLEET_ORDER_VIN_ALREADY_DELIVERED, FLEET_ORDER_FACT_OUT_OF_ORDER',
    description:
      'On time when on or before the promised delivery. The `fleet-order-vehicles` reactor registers the VIN on the account at the delivery’s business time (nothing when the account has it already). The order is `delivered` once every vehicle is.',
  }),
  cancel: step('cancellation', 'CancelFleetOrder', CancelFleetOrderBody, 'fleet.manage', {
    summary: 'Cancel the whole order, before any vehicle is delivered',
    refusals: 'FLEET_ORDER_DELIVERY_STARTED, FLEET_ORDER_FACT_OUT_OF_ORDER',
  }),
}) {}
