import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  GetFleetOrderQuery,
  ListFleetOrdersQuery,
} from '../../../application/fleet-order/fleet-order.queries';
import { askPage, askRecord } from '../shared/query-routes';
import { routeTable } from '../shared/route-table';
import { ListFleetOrdersParams } from './fleet-order.params';
import { FleetOrderPage, FleetOrderView } from './fleet-order.responses';

/** Reads of the fleet orders: a dealer's or an account's list, and one order. */
@ApiTags('fleet orders')
@Controller('fleet/orders')
export class FleetOrderQueriesController extends routeTable({
  list: askPage('', ListFleetOrdersParams, ListFleetOrdersQuery, {
    permit: ['fleet.read', 'dealer-and-consultant'],
    summary: 'List fleet orders, the latest signed first (a dealer’s; a sales consultant’s own)',
    type: FleetOrderPage,
  }),
  get: askRecord(':orderId', GetFleetOrderQuery, {
    permit: ['fleet.read', 'record'],
    summary: 'One fleet order: its lines with the VINs allocated and delivered, totals and status',
    type: FleetOrderView,
    notFound: 'FLEET_ORDER_NOT_FOUND',
  }),
}) {}
