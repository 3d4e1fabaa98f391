import { Module } from '@nestjs/common';
import { OrderProspectHandler } from './order-prospect.handler';
import {
  FollowUpWorklistHandler,
  GetProspectHandler,
  ListProspectsHandler,
  SalesFunnelHandler,
} from './prospect.queries';
import { RegisterProspectHandler } from './register-prospect.handler';
import { LogWalkInGroupsHandler, ProspectStepHandler, VehicleSaleStepHandler } from './sales-step.handlers';
import {
  DeliveryCallbacksHandler,
  GetVehicleSaleHandler,
  ListVehicleSalesHandler,
  ShowroomTrafficHandler,
  SsiMonthlyHandler,
} from './vehicle-sale.queries';

/** Sales (issue 3): the command and query handlers of prospects, showroom traffic, vehicle sales, the funnel, worklists and SSI (routes: src/infrastructure/http/sales). */
@Module({
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
