import { Module } from '@nestjs/common';
import { CustomerCharacteristicsHandler } from './customer-characteristics.query';
import { OrderProspectHandler } from './order-prospect.handler';
import { PROSPECT_QUERY_HANDLERS } from './prospect.queries';
import { RegisterProspectHandler } from './register-prospect.handler';
import { LogWalkInGroupsHandler, ProspectStepHandler, VehicleSaleStepHandler } from './sales-step.handlers';
import { VEHICLE_SALE_QUERY_HANDLERS } from './vehicle-sale.queries';

/** Sales (issue 3): the command and query handlers of prospects, showroom traffic, vehicle sales, the funnel, worklists and SSI (routes: src/infrastructure/http/sales). */
@Module({
  providers: [
    ...VEHICLE_SALE_QUERY_HANDLERS,
    ...PROSPECT_QUERY_HANDLERS,
    RegisterProspectHandler,
    OrderProspectHandler,
    ProspectStepHandler,
    VehicleSaleStepHandler,
    LogWalkInGroupsHandler,
    CustomerCharacteristicsHandler,
  ],
})
export class SalesModule {}
