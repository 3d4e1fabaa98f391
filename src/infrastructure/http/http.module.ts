import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ComplaintCommandsController } from './complaint/complaint-commands.controller';
import { ComplaintQueriesController } from './complaint/complaint-queries.controller';
import { MembershipCommandsController } from './membership/membership-commands.controller';
import { MembershipQueriesController } from './membership/membership-queries.controller';
import { RepairOrderCommandsController } from './repair-order/repair-order-commands.controller';
import {
  RepairOrderQueriesController,
  ServiceQueriesController,
} from './repair-order/repair-order-queries.controller';
import { ProspectCommandsController } from './sales/prospect-commands.controller';
import { SalesQueriesController } from './sales/sales-queries.controller';
import { ShowroomTrafficController } from './sales/showroom-traffic.controller';
import { VehicleSaleController } from './sales/vehicle-sale.controller';
import { HealthController } from './shared/health.controller';

/** The HTTP edge: every route of the API. Each area's controllers sit in their own folder. */
@Module({
  imports: [DiscoveryModule],
  controllers: [
    HealthController,
    ComplaintCommandsController,
    ComplaintQueriesController,
    MembershipCommandsController,
    MembershipQueriesController,
    RepairOrderCommandsController,
    RepairOrderQueriesController,
    ServiceQueriesController,
    ProspectCommandsController,
    SalesQueriesController,
    VehicleSaleController,
    ShowroomTrafficController,
  ],
})
export class HttpModule {}
