import { Module } from '@nestjs/common';
import { AuthoriseWorkOrderHandler, ExecuteRepairOrderHandler } from './repair-order.handlers';
import { REPAIR_ORDER_QUERY_HANDLERS } from './repair-order.queries';
import { SERVICE_KPI_QUERY_HANDLERS } from './service-kpi.queries';

/** The repair order's command and query handlers and the service KPIs (routes: src/infrastructure/http/repair-order). Stores, pipeline and clock come from the core module. */
@Module({
  providers: [
    ...SERVICE_KPI_QUERY_HANDLERS,
    ...REPAIR_ORDER_QUERY_HANDLERS,
    ExecuteRepairOrderHandler,
    AuthoriseWorkOrderHandler,
  ],
})
export class RepairOrderModule {}
