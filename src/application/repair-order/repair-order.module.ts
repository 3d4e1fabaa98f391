import { Module } from '@nestjs/common';
import { RepairOrderCommandSender } from './repair-order-command-sender';
import { RepairOrderIntakeController } from './repair-order-intake.controller';
import { RepairOrderWorkshopController } from './repair-order-workshop.controller';
import { RepairOrderQueriesController, ServiceQueriesController } from './repair-order-queries.controller';
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

/** The repair order's commands, its lists, and the service KPIs. Stores, pipeline and clock come from the core module. */
@Module({
  controllers: [
    RepairOrderQueriesController,
    ServiceQueriesController,
    RepairOrderIntakeController,
    RepairOrderWorkshopController,
  ],
  providers: [
    RepairOrderCommandSender,
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
