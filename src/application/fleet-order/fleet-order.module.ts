import { Module } from '@nestjs/common';
import { FleetOrderHandler } from './fleet-order.handlers';
import { FLEET_ORDER_QUERY_HANDLERS } from './fleet-order.queries';

/** Fleet orders (issue 18 §2): the commands and the reads behind `/fleet/orders`. */
@Module({ providers: [FleetOrderHandler, ...FLEET_ORDER_QUERY_HANDLERS] })
export class FleetOrderModule {}
