import { Module } from '@nestjs/common';
import { AuthoriseWorkOrderHandler, ExecuteRepairOrderHandler } from './repair-order.handlers';
import {
  GetRepairOrderHandler,
  GetServiceHistoryHandler,
  ListCallbacksHandler,
  ListRepairOrdersHandler,
} from './repair-order.queries';
import {
  GetCsiMonthlyHandler,
  GetLostVehiclesHandler,
  GetMaintenanceDueHandler,
  GetRetentionHandler,
  GetWorkshopMonthlyHandler,
} from './service-kpi.queries';

/** The repair order's command and query handlers and the service KPIs (routes: src/infrastructure/http/repair-order). Stores, pipeline and clock come from the core module. */
@Module({
  providers: [
    ExecuteRepairOrderHandler,
    AuthoriseWorkOrderHandler,
    GetRepairOrderHandler,
    ListRepairOrdersHandler,
    GetServiceHistoryHandler,
    ListCallbacksHandler,
    GetCsiMonthlyHandler,
    GetWorkshopMonthlyHandler,
    GetRetentionHandler,
    GetLostVehiclesHandler,
    GetMaintenanceDueHandler,
  ],
})
export class RepairOrderModule {}
