import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RecordIdPipe } from '../../infrastructure/http/shared/record-id.pipe';
import { RequestValidationError } from '../../infrastructure/http/shared/problem-details';
import type { RepairOrderDetails } from '../../projections/repair-order-details/repair-order-details.projection';
import type { ServiceCsiMonthly } from '../../projections/service-csi-monthly/service-csi-monthly.projection';
import type { ServiceWorkshopMonthly } from '../../projections/service-workshop-monthly/service-workshop-monthly.projection';
import { etag } from '../../infrastructure/http/shared/http-replies';
import type { Page } from '../shared/page';
import { VIN } from './repair-order-intake.dto';
import {
  type CallbackItem,
  GetRepairOrderQuery,
  GetServiceHistoryQuery,
  ListCallbacksQuery,
  ListRepairOrdersQuery,
  type ServiceHistory,
} from './repair-order.queries';
import {
  CallbacksQueryDto,
  DealerMonthQueryDto,
  ListRepairOrdersQueryDto,
  LostVehiclesQueryDto,
  MaintenanceDueQueryDto,
  RetentionQueryDto,
} from './service-queries.dto';
import {
  GetCsiMonthlyQuery,
  GetLostVehiclesQuery,
  GetMaintenanceDueQuery,
  GetRetentionQuery,
  GetWorkshopMonthlyQuery,
  type LostVehiclesReport,
  type MaintenanceDueReport,
  type RetentionReport,
} from './service-kpi.queries';
import { Permit } from '../../infrastructure/http/shared/permission.decorator';
import { onlyOwnDealer } from '../access/tenancy';
import { currentPrincipal } from '../../infrastructure/http/shared/request-context';
import { RecordsFileAccess } from '../../infrastructure/http/shared/file-access.decorator';

@ApiTags('repair orders')
@Controller('repair-orders')
export class RepairOrderQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Permit('repair.read', 'dealer')
  @ApiOperation({ summary: 'List repair orders, newest first (by dealer, VIN, stage)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  list(@Query() query: ListRepairOrdersQueryDto): Promise<Page<RepairOrderDetails>> {
    const { limit = 50, offset = 0, ...filter } = query;
    return this.queries.execute(new ListRepairOrdersQuery(filter, limit, offset));
  }

  @Get(':repairOrderId')
  @RecordsFileAccess()
  @Permit('repair.read', 'record')
  @ApiOperation({ summary: 'One repair order; the ETag is its revision, for If-Match on the next command' })
  @ApiHeader({ name: 'ETag', required: false, description: 'Returned: the stream revision' })
  @ApiNotFoundResponse({ description: 'REPAIR_ORDER_NOT_FOUND' })
  async get(
    @Param('repairOrderId', new RecordIdPipe('repairOrderId')) repairOrderId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RepairOrderDetails> {
    const order = await this.queries.execute(new GetRepairOrderQuery(repairOrderId));
    void reply.header('etag', etag(order.revision));
    return order;
  }
}

@ApiTags('service KPIs')
@Controller('service')
export class ServiceQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('csi/monthly')
  @Permit('service.kpi', 'dealer')
  @ApiOperation({
    summary: 'CSI per dealer and month of the survey',
    description:
      'Factor indices (mean × 100), the weighted index with its weight-set version, NPS and the number of surveys.',
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  csi(@Query() query: DealerMonthQueryDto): Promise<ServiceCsiMonthly[]> {
    return this.queries.execute(new GetCsiMonthlyQuery(query));
  }

  @Get('workshop/monthly')
  @Permit('service.kpi', 'dealer')
  @ApiOperation({
    summary: 'Workshop KPIs per dealer and month of settlement',
    description:
      'Counts by RO type and the seed totals (services = paid + free), rework rate, technician efficiency overall and per technician, appointment rate (by month opened), average ticket, callback success rate.',
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  workshop(@Query() query: DealerMonthQueryDto): Promise<ServiceWorkshopMonthly[]> {
    return this.queries.execute(new GetWorkshopMonthlyQuery(query));
  }

  @Get('retention')
  @Permit('service.kpi', 'dealer')
  @ApiOperation({
    summary: 'Retention and churn (回站率 / 流失率) per month, by VIN at one dealer',
    description:
      'base(N) = VINs with an RO settled in month N−W; returned(N) = those with another settled RO in N−W+1 … N; churn = 1 − retention.',
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  retention(@Query() query: RetentionQueryDto): Promise<RetentionReport> {
    if (query.from > query.to)
      throw new RequestValidationError([{ field: 'to', reason: 'must not be before from' }]);
    return this.queries.execute(new GetRetentionQuery(query));
  }

  @Get('lost-vehicles')
  @Permit('service.kpi', 'dealer')
  @ApiOperation({
    summary: 'Lost vehicles (流失客户) as of a date: last settled RO more than W months before it',
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  lost(@Query() query: LostVehiclesQueryDto): Promise<LostVehiclesReport> {
    return this.queries.execute(new GetLostVehiclesQuery(query));
  }

  @Get('maintenance-due')
  @Permit('repair.read', 'dealer')
  @ApiOperation({
    summary:
      'Maintenance-due reminders: last service + 6 months or + 7,500 km, whichever first (configurable)',
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  maintenanceDue(@Query() query: MaintenanceDueQueryDto): Promise<MaintenanceDueReport> {
    return this.queries.execute(new GetMaintenanceDueQuery(query));
  }

  @Get('callbacks')
  @Permit('repair.read', 'dealer')
  @ApiOperation({
    summary: 'The 3-day post-service callback list: due, overdue or completed (by a CSI survey)',
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  callbacks(@Query() query: CallbacksQueryDto): Promise<CallbackItem[]> {
    return this.queries.execute(new ListCallbacksQuery(query));
  }

  @Get('vehicles/:vin/history')
  @RecordsFileAccess()
  @Permit('repair.read')
  @ApiOperation({
    summary: "A vehicle's service history by VIN: every repair order, and its record per dealer",
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: not a VIN' })
  async history(@Param('vin') vin: string): Promise<ServiceHistory> {
    if (!VIN.test(vin))
      throw new RequestValidationError([{ field: 'vin', reason: 'must be a 17-character VIN' }]);
    const history: ServiceHistory = await this.queries.execute(new GetServiceHistoryQuery(vin));
    // A VIN is serviced across dealers; a dealer-bound principal sees only its own dealer's part.
    const principal = currentPrincipal();
    return {
      ...history,
      dealers: onlyOwnDealer(principal, history.dealers),
      repairOrders: onlyOwnDealer(principal, history.repairOrders),
    };
  }
}
