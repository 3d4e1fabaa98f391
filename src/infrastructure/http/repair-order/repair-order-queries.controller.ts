import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { onlyOwnDealer } from '../../../application/access/tenancy';
import {
  GetRepairOrderQuery,
  GetServiceHistoryQuery,
  ListCallbacksQuery,
  ListRepairOrdersQuery,
} from '../../../application/repair-order/repair-order.queries';
import {
  GetAppointmentsMonthlyQuery,
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
import { ask, askList, askRecord, askWith } from '../shared/query-routes';
import { withCurrentNames } from '../shared/renamed-params';
import { routeTable } from '../shared/route-table';
import { currentPrincipal } from '../../request-context';
import { VIN } from '../shared/vin';
import {
  AppointmentsParams,
  CallbacksParams,
  DealerMonthParams,
  ListRepairOrdersParams,
  LostVehiclesParams,
  MaintenanceDueParams,
  RetentionParams,
} from './repair-order.params';
import {
  CallbackListView,
  RepairOrderPage,
  RepairOrderView,
  ServiceHistoryView,
} from './repair-order.responses';
import {
  AppointmentsMonthlyView,
  CsiMonthlyView,
  LostVehiclesView,
  MaintenanceDueView,
  RetentionView,
  WorkshopMonthlyView,
} from './service-kpi.responses';

@ApiTags('repair orders')
@Controller('repair-orders')
export class RepairOrderQueriesController extends routeTable({
  list: askList('', ListRepairOrdersParams, ListRepairOrdersQuery, {
    permit: ['repair.read', 'dealer'],
    summary: 'List repair orders, newest first (by dealer, VIN, stage)',
    type: RepairOrderPage,
  }),
  get: askRecord(':repairOrderId', GetRepairOrderQuery, {
    permit: ['repair.read', 'record'],
    summary: 'One repair order; the ETag is its revision, for If-Match on the next command',
    type: RepairOrderView,
    notFound: 'REPAIR_ORDER_NOT_FOUND',
    revision: (order) => order.revision,
  }),
}) {}

const retentionOf = (query: RetentionParams) => {
  if (query.from > query.to)
    throw new RequestValidationError([{ field: 'to', reason: 'must not be before from' }]);
  return new GetRetentionQuery(withCurrentNames(query, { windowMonths: 'window' }));
};
const lostVehiclesOf = (query: LostVehiclesParams) =>
  new GetLostVehiclesQuery(withCurrentNames(query, { windowMonths: 'window' }));
const maintenanceDueOf = (query: MaintenanceDueParams) =>
  new GetMaintenanceDueQuery(withCurrentNames(query, { intervalMonths: 'months', intervalKm: 'km' }));

@ApiTags('service KPIs')
@Controller('service')
export class ServiceQueriesController extends routeTable({
  csi: ask('csi/monthly', DealerMonthParams, GetCsiMonthlyQuery, {
    permit: ['service.kpi', 'dealer'],
    summary: 'CSI per dealer and month of the survey',
    description:
      'Factor indices (mean × 100), the weighted index with its weight-set version, NPS and the number of surveys.',
    type: [CsiMonthlyView],
  }),
  workshop: ask('workshop/monthly', DealerMonthParams, GetWorkshopMonthlyQuery, {
    permit: ['service.kpi', 'dealer'],
    summary: 'Workshop KPIs per dealer and month of settlement',
    description:
      'Counts by RO type and the seed totals (services = paid + free), rework rate, technician efficiency overall and per technician, appointment rate (by month opened), average ticket, callback success rate.',
    type: [WorkshopMonthlyView],
  }),
  retention: askWith('retention', RetentionParams, retentionOf, {
    permit: ['service.kpi', 'dealer'],
    summary: 'Retention and churn (回站率 / 流失率) per month, by VIN at one dealer',
    description:
      'base(N) = VINs with an RO settled in month N−W; returned(N) = those with another settled RO in N−W+1 … N; churn = 1 − retention.',
    type: RetentionView,
  }),
  lost: askWith('lost-vehicles', LostVehiclesParams, lostVehiclesOf, {
    permit: ['service.kpi', 'dealer'],
    summary: 'Lost vehicles (流失客户) as of a date: last settled RO more than W months before it',
    type: LostVehiclesView,
  }),
  appointments: ask('appointments/monthly', AppointmentsParams, GetAppointmentsMonthlyQuery, {
    permit: ['service.kpi', 'dealer'],
    summary: 'Appointments kept (预约实施情况) of a month by slot: on time, late, no-show, no-show rate',
    description:
      'On time = checked in no later than 15 min after the slot start (early is on time); late = later that business day (CST); no-show = no check-in by the end of that day; no-show rate = no-shows ÷ appointments due (cancelled and pending ones excluded). Computed from the facts dated up to asOf.',
    type: AppointmentsMonthlyView,
  }),
  maintenanceDue: askWith('maintenance-due', MaintenanceDueParams, maintenanceDueOf, {
    permit: ['repair.read', 'dealer'],
    todayOrLater: true,
    summary:
      'Maintenance-due reminders: last service + 6 months or + 7,500 km, whichever first (configurable)',
    type: MaintenanceDueView,
  }),
  callbacks: ask('callbacks', CallbacksParams, ListCallbacksQuery, {
    permit: ['repair.read', 'dealer'],
    todayOrLater: true,
    summary: 'The 3-day post-service callback list: due, overdue or completed (by a CSI survey)',
    type: CallbackListView,
  }),
}) {
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
