import { Module } from '@nestjs/common';
import { OrderProspectHandler } from './order-prospect.handler';
import { ProspectController } from './prospect.controller';
import {
  FollowUpWorklistHandler,
  GetProspectHandler,
  ListProspectsHandler,
  SalesFunnelHandler,
} from './prospect.queries';
import { RegisterProspectHandler } from './register-prospect.handler';
import { SalesQueriesController } from './sales-queries.controller';
import { LogWalkInGroupsHandler, ProspectStepHandler, VehicleSaleStepHandler } from './sales-step.handlers';
import { VehicleSaleController } from './vehicle-sale.controller';
import {
  DeliveryCallbacksHandler,
  GetVehicleSaleHandler,
  ListVehicleSalesHandler,
  ShowroomTrafficHandler,
  SsiMonthlyHandler,
} from './vehicle-sale.queries';

/** Sales (issue 3): prospects, showroom traffic, vehicle sales, the funnel, worklists and SSI. */
@Module({
  controllers: [ProspectController, VehicleSaleController, SalesQueriesController],
  providers: [
    RegisterProspectHandler,
    OrderProspectHandler,
    ProspectStepHandler,
    VehicleSaleStepHandler,
    LogWalkInGroupsHandler,
    GetProspectHandler,
    ListProspectsHandler,
    FollowUpWorklistHandler,
    SalesFunnelHandler,
    GetVehicleSaleHandler,
    ListVehicleSalesHandler,
    DeliveryCallbacksHandler,
    SsiMonthlyHandler,
    ShowroomTrafficHandler,
  ],
})
export class SalesModule {}
