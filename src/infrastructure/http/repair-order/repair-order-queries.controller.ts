import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { onlyOwnDealer } from '../../../application/access/tenancy';
import {
  GetRepairOrderQuery,
  GetServiceHistoryQuery,
  ListCallbacksQuery,
  ListRepairOrdersQuery,
} from '../../../application/repair-order/repair-order.queries';
import {
  GetCsiMonthlyQuery,
  GetLostVehiclesQuery,
  GetMaintenanceDueQuery,
  GetRetentionQuery,
  GetWorkshopMonthlyQuery,
} from '../../../application/repair-order/service-kpi.queries';
import { RecordsFileAccess } from '../shared/file-access.decorator';
import { Permit } from '../shared/permission.decorator';
import { RequestValidationError } from '../shared/problem-details';
import { QueryRoute } from '../shared/query-route';
import { RecordIdPipe } from '../shared/record-id.pipe';
import { currentPrincipal } from '../../request-context';
import { VIN } from './repair-order.bodies';
import {
  CallbacksParams,
  DealerMonthParams,
  ListRepairOrdersParams,
  LostVehiclesParams,
  MaintenanceDueParams,
  RetentionParams,
} from './repair-order.params';
import { CallbackView, RepairOrderPage, RepairOrderView, ServiceHistoryView } from './repair-order.responses';
import {
  CsiMonthlyView,
  LostVehiclesView,
  MaintenanceDueView,
  RetentionView,
  WorkshopMonthlyView,
} from './service-kpi.responses';

@ApiTags('repair orders')
@Controller('repair-orders')
export class RepairOrderQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Permit('repair.read', 'dealer')
  @QueryRoute({ summary: 'List repair orders, newest first (by dealer, VIN, stage)', type: RepairOrderPage })
  list(@Query() { limit = 50, offset = 0, ...filter }: ListRepairOrdersParams) {
    return this.queries.execute(new ListRepairOrdersQuery(filter, limit, offset));
  }

  @Get(':repairOrderId')
  @RecordsFileAccess()
  @Permit('repair.read', 'record')
  @QueryRoute({
    summary: 'One repair order; the ETag is its revision, for If-Match on the next command',
    type: RepairOrderView,
    notFound: 'REPAIR_ORDER_NOT_FOUND',
    revision: (order) => order.revision,
  })
  get(@Param('repairOrderId', new RecordIdPipe('repairOrderId')) repairOrderId: string) {
    return this.queries.execute(new GetRepairOrderQuery(repairOrderId));
  }
}

@ApiTags('service KPIs')
@Controller('service')
export class ServiceQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('csi/monthly')
  @Permit('service.kpi', 'dealer')
  @QueryRoute({
    summary: 'CSI per dealer and month of the survey',
    description:
      'Factor indices (mean × 100), the weighted index with its weight-set version, NPS and the number of surveys.',
    type: [CsiMonthlyView],
  })
  csi(@Query() query: DealerMonthParams) {
    return this.queries.execute(new GetCsiMonthlyQuery(query));
  }

  @Get('workshop/monthly')
  @Permit('service.kpi', 'dealer')
  @QueryRoute({
    summary: 'Workshop KPIs per dealer and month of settlement',
    description:
      'Counts by RO type and the seed totals (services = paid + free), rework rate, technician efficiency overall and per technician, appointment rate (by month opened), average ticket, callback success rate.',
    type: [WorkshopMonthlyView],
  })
  workshop(@Query() query: DealerMonthParams) {
    return this.queries.execute(new GetWorkshopMonthlyQuery(query));
  }

  @Get('retention')
  @Permit('service.kpi', 'dealer')
  @QueryRoute({
    summary: 'Retention and churn (回站率 / 流失率) per month, by VIN at one dealer',
    description:
      'base(N) = VINs with an RO settled in month N−W; returned(N) = those with another settled RO in N−W+1 … N; churn = 1 − retention.',
    type: RetentionView,
  })
  retention(@Query() query: RetentionParams) {
    if (query.from > query.to)
      throw new RequestValidationError([{ field: 'to', reason: 'must not be before from' }]);
    return this.queries.execute(new GetRetentionQuery(query));
  }

  @Get('lost-vehicles')
  @Permit('service.kpi', 'dealer')
  @QueryRoute({
    summary: 'Lost vehicles (流失客户) as of a date: last settled RO more than W months before it',
    type: LostVehiclesView,
  })
  lost(@Query() query: LostVehiclesParams) {
    return this.queries.execute(new GetLostVehiclesQuery(query));
  }

  @Get('maintenance-due')
  @Permit('repair.read', 'dealer')
  @QueryRoute({
    summary:
      'Maintenance-due reminders: last service + 6 months or + 7,500 km, whichever first (configurable)',
    type: MaintenanceDueView,
  })
  maintenanceDue(@Query() query: MaintenanceDueParams) {
    return this.queries.execute(new GetMaintenanceDueQuery(query));
  }

  @Get('callbacks')
  @Permit('repair.read', 'dealer')
  @QueryRoute({
    summary: 'The 3-day post-service callback list: due, overdue or completed (by a CSI survey)',
    type: [CallbackView],
  })
  callbacks(@Query() query: CallbacksParams) {
    return this.queries.execute(new ListCallbacksQuery(query));
  }

  @Get('vehicles/:vin/history')
  @RecordsFileAccess()
  @Permit('repair.read')
  @QueryRoute({
    summary: "A vehicle's service history by VIN: every repair order, and its record per dealer",
    description: 'A 17-character VIN; a dealer-bound caller sees only its own dealer’s part.',
    type: ServiceHistoryView,
  })
  async history(@Param('vin') vin: string) {
    if (!VIN.test(vin))
      throw new RequestValidationError([{ field: 'vin', reason: 'must be a 17-character VIN' }]);
    const history = await this.queries.execute(new GetServiceHistoryQuery(vin));
    // A VIN is serviced across dealers; a dealer-bound principal sees only its own dealer's part.
    const principal = currentPrincipal();
    return {
      ...history,
      dealers: onlyOwnDealer(principal, history.dealers),
      repairOrders: onlyOwnDealer(principal, history.repairOrders),
    };
  }
}
