import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RecordIdPipe } from '../../infrastructure/http/shared/record-id.pipe';
import type { VehicleSaleDetails } from '../../projections/vehicle-sale-details/vehicle-sale-details.projection';
import type { CommandResult } from '../shared/command-context';
import { BusinessTimeDto } from '../../infrastructure/http/shared/command.dto';
import { LegacyCommandSender } from '../../infrastructure/http/shared/legacy-command-sender';
import { etag } from '../../infrastructure/http/shared/http-replies';
import type { Page } from '../shared/page';
import { CallbacksQueryDto, ListVehicleSalesQueryDto } from './sales-queries.dto';
import { stepRoute } from '../../infrastructure/http/shared/step-route';
import { type VehicleSaleStep, VehicleSaleStepCommand } from './sales.commands';
import {
  AllocateVehicleDto,
  CancelOrderDto,
  DeliveryCallbackDto,
  InvoiceSaleDto,
  PassInspectionDto,
  PayDepositDto,
} from './vehicle-sale.dto';
import {
  type DeliveryCallbackList,
  DeliveryCallbacksQuery,
  GetVehicleSaleQuery,
  ListVehicleSalesQuery,
} from './vehicle-sale.queries';
import { Permit } from '../../infrastructure/http/shared/permission.decorator';
import { RecordsFileAccess } from '../../infrastructure/http/shared/file-access.decorator';

const ID = new RecordIdPipe('saleId');
const NOT_FOUND = 'SALE_NOT_FOUND';
const CLOSED = 'SALE_CANCELLED, SALE_ALREADY_DELIVERED';
type Result = CommandResult & { id: string };
type Reply = FastifyReply;
type Req = FastifyRequest;

@ApiTags('vehicle sales')
@Controller('vehicle-sales')
export class VehicleSaleController {
  constructor(
    private readonly queries: QueryBus,
    private readonly sender: LegacyCommandSender,
  ) {}

  @Post(':saleId/deposit')
  @Permit('sale.work')
  @stepRoute('Record the deposit (定金) in fen', NOT_FOUND, `${CLOSED}, SALE_STEP_ALREADY_DONE`)
  deposit(
    @Param('saleId', ID) saleId: string,
    @Body() body: PayDepositDto,
    @Req() req: Req,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const { occurredAt, ...data } = body;
    return this.step(req, reply, occurredAt, { type: 'PayDeposit', data: { ...data, saleId } });
  }

  @Post(':saleId/allocation')
  @Permit('sale.work')
  @stepRoute('Allocate a vehicle (VIN); a new allocation voids the inspection', NOT_FOUND, CLOSED)
  allocate(
    @Param('saleId', ID) saleId: string,
    @Body() body: AllocateVehicleDto,
    @Req() req: Req,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const { occurredAt, ...data } = body;
    return this.step(req, reply, occurredAt, { type: 'AllocateVehicle', data: { ...data, saleId } });
  }

  @Post(':saleId/invoice')
  @Permit('sale.work')
  @stepRoute(
    'Invoice the sale',
    NOT_FOUND,
    `${CLOSED}, SALE_STEP_OUT_OF_ORDER (no VIN), SALE_STEP_ALREADY_DONE`,
  )
  invoice(
    @Param('saleId', ID) saleId: string,
    @Body() body: InvoiceSaleDto,
    @Req() req: Req,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const { occurredAt, ...data } = body;
    return this.step(req, reply, occurredAt, { type: 'InvoiceSale', data: { ...data, saleId } });
  }

  @Post(':saleId/settlement')
  @Permit('sale.work')
  @stepRoute(
    'Settle the sale (结算)',
    NOT_FOUND,
    `${CLOSED}, SALE_STEP_OUT_OF_ORDER (not invoiced), SALE_STEP_ALREADY_DONE`,
  )
  settle(
    @Param('saleId', ID) saleId: string,
    @Body() body: BusinessTimeDto,
    @Req() req: Req,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.step(req, reply, body.occurredAt, { type: 'SettleSale', data: { saleId } });
  }

  @Post(':saleId/inspection')
  @Permit('sale.work')
  @stepRoute(
    'Record the passed pre-delivery inspection (交车前检查)',
    NOT_FOUND,
    `${CLOSED}, SALE_STEP_OUT_OF_ORDER (no VIN)`,
  )
  inspect(
    @Param('saleId', ID) saleId: string,
    @Body() body: PassInspectionDto,
    @Req() req: Req,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const { occurredAt, ...data } = body;
    return this.step(req, reply, occurredAt, {
      type: 'PassPreDeliveryInspection',
      data: { ...data, saleId },
    });
  }

  @Post(':saleId/delivery')
  @Permit('sale.work')
  @stepRoute(
    'Deliver the vehicle (递交新车)',
    NOT_FOUND,
    `${CLOSED}, SALE_NOT_READY_FOR_DELIVERY (settlement or inspection missing)`,
    'The buyer becomes a customer with this VIN in the dealer base; the 7-day SSI callback falls due.',
  )
  deliver(
    @Param('saleId', ID) saleId: string,
    @Body() body: BusinessTimeDto,
    @Req() req: Req,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    return this.step(req, reply, body.occurredAt, { type: 'DeliverVehicle', data: { saleId } });
  }

  @Post(':saleId/cancel')
  @Permit('sale.work')
  @stepRoute('Cancel the order, with the reason', NOT_FOUND, CLOSED)
  cancel(
    @Param('saleId', ID) saleId: string,
    @Body() body: CancelOrderDto,
    @Req() req: Req,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const { occurredAt, ...data } = body;
    return this.step(req, reply, occurredAt, { type: 'CancelOrder', data: { ...data, saleId } });
  }

  @Post(':saleId/callback')
  @Permit('sale.callback')
  @stepRoute(
    'Record the 7-day delivery callback, with the SSI survey if answered',
    NOT_FOUND,
    'SALE_NOT_DELIVERED, SALE_CALLBACK_ALREADY_COMPLETED, SALE_SURVEY_WITHOUT_CONTACT, SALE_CANCELLED',
  )
  callback(
    @Param('saleId', ID) saleId: string,
    @Body() body: DeliveryCallbackDto,
    @Req() req: Req,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const { occurredAt, reached, survey } = body;
    const data = {
      saleId,
      reached,
      ...(survey
        ? { survey: { answers: { ...survey.answers }, wouldRecommend: survey.wouldRecommend } }
        : {}),
    };
    return this.step(req, reply, occurredAt, { type: 'RecordDeliveryCallback', data });
  }

  @Get()
  @Permit('sale.read', 'dealer')
  @ApiOperation({ summary: 'List vehicle sales, newest order first' })
  list(@Query() query: ListVehicleSalesQueryDto): Promise<Page<VehicleSaleDetails>> {
    const { limit = 50, offset = 0, ...filter } = query;
    return this.queries.execute(new ListVehicleSalesQuery(filter, limit, offset));
  }

  @Get('callbacks')
  @Permit('sale.read', 'dealer')
  @ApiOperation({
    summary: 'Open 7-day delivery callbacks due by the end of the business day of asOf',
    description: 'A callback leaves the list once one reaches the customer.',
  })
  callbacks(@Query() query: CallbacksQueryDto): Promise<DeliveryCallbackList> {
    return this.queries.execute(new DeliveryCallbacksQuery(query.dealerId, query.asOf));
  }

  @Get(':saleId')
  @RecordsFileAccess()
  @Permit('sale.read', 'record')
  @ApiOperation({ summary: 'One vehicle sale; the ETag is its revision' })
  @ApiHeader({ name: 'ETag', required: false, description: 'Returned: the stream revision' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async get(
    @Param('saleId', ID) saleId: string,
    @Res({ passthrough: true }) reply: Reply,
  ): Promise<VehicleSaleDetails> {
    const sale = await this.queries.execute(new GetVehicleSaleQuery(saleId));
    void reply.header('etag', etag(sale.revision));
    return sale;
  }

  private async step(
    request: Req,
    reply: Reply,
    occurredAt: string | undefined,
    step: VehicleSaleStep,
  ): Promise<Result> {
    return this.sender.send(
      step.data.saleId,
      occurredAt,
      request,
      reply,
      (context) => new VehicleSaleStepCommand(step, context),
    );
  }
}
