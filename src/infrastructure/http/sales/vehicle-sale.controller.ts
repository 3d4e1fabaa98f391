import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { VehicleSaleStepCommand } from '../../../application/sales/sales.commands';
import {
  DeliveryCallbacksQuery,
  GetVehicleSaleQuery,
  ListVehicleSalesQuery,
} from '../../../application/sales/vehicle-sale.queries';
import type { SignOrder, VehicleSaleCommand } from '../../../domain/vehicle-sale/vehicle-sale.commands';
import { stepRoutes } from '../shared/command-route';
import { commandTarget, Commands, type CommandsOf } from '../shared/command-sender';
import { EmptyCommandBody } from '../shared/command.bodies';
import { RecordsFileAccess } from '../shared/file-access.decorator';
import { Permit } from '../shared/permission.decorator';
import { QueryRoute } from '../shared/query-route';
import { RecordIdPipe } from '../shared/record-id.pipe';
import { CallbacksParams, ListVehicleSalesParams } from './sales.params';
import {
  AllocateVehicleBody,
  CancelOrderBody,
  DeliveryCallbackBody,
  InvoiceSaleBody,
  PassInspectionBody,
  PayDepositBody,
} from './sales.bodies';
import { DeliveryCallbackListView, VehicleSalePage, VehicleSaleView } from './vehicle-sale.responses';

/** A sale is opened by ordering its prospect (POST /prospects/{id}/order); these are its steps to delivery. */
const SALE = commandTarget<Exclude<VehicleSaleCommand, SignOrder>>()(
  'vehiclesale',
  'saleId',
  VehicleSaleStepCommand,
);
type Sale = CommandsOf<typeof SALE>;
const NOT_FOUND = 'SALE_NOT_FOUND';
const Step = stepRoutes(SALE, NOT_FOUND);
const CLOSED = 'SALE_CANCELLED, SALE_ALREADY_DELIVERED';

@ApiTags('vehicle sales')
@Controller('vehicle-sales')
export class VehicleSaleController {
  constructor(private readonly queries: QueryBus) {}

  @Post(':saleId/deposit')
  @Permit('sale.work')
  @Step('Record the deposit (定金) in fen', `${CLOSED}, SALE_STEP_ALREADY_DONE`)
  deposit(@Body() body: PayDepositBody, @Commands(SALE) sale: Sale) {
    return sale.send('PayDeposit', body);
  }

  @Post(':saleId/allocation')
  @Permit('sale.work')
  @Step('Allocate a vehicle (VIN); a new allocation voids the inspection', CLOSED)
  allocate(@Body() body: AllocateVehicleBody, @Commands(SALE) sale: Sale) {
    return sale.send('AllocateVehicle', body);
  }

  @Post(':saleId/invoice')
  @Permit('sale.work')
  @Step('Invoice the sale', `${CLOSED}, SALE_STEP_OUT_OF_ORDER (no VIN), SALE_STEP_ALREADY_DONE`)
  invoice(@Body() body: InvoiceSaleBody, @Commands(SALE) sale: Sale) {
    return sale.send('InvoiceSale', body);
  }

  @Post(':saleId/settlement')
  @Permit('sale.work')
  @Step('Settle the sale (结算)', `${CLOSED}, SALE_STEP_OUT_OF_ORDER (not invoiced), SALE_STEP_ALREADY_DONE`)
  settle(@Body() body: EmptyCommandBody, @Commands(SALE) sale: Sale) {
    return sale.send('SettleSale', body);
  }

  @Post(':saleId/inspection')
  @Permit('sale.work')
  @Step(
    'Record the passed pre-delivery inspection (交车前检查)',
    `${CLOSED}, SALE_STEP_OUT_OF_ORDER (no VIN)`,
  )
  inspect(@Body() body: PassInspectionBody, @Commands(SALE) sale: Sale) {
    return sale.send('PassPreDeliveryInspection', body);
  }

  @Post(':saleId/delivery')
  @Permit('sale.work')
  @Step(
    'Deliver the vehicle (递交新车)',
    `${CLOSED}, SALE_NOT_READY_FOR_DELIVERY (settlement or inspection missing)`,
    'The buyer becomes a customer with this VIN in the dealer base; the 7-day SSI callback falls due.',
  )
  deliver(@Body() body: EmptyCommandBody, @Commands(SALE) sale: Sale) {
    return sale.send('DeliverVehicle', body);
  }

  @Post(':saleId/cancel')
  @Permit('sale.work')
  @Step('Cancel the order, with the reason', CLOSED)
  cancel(@Body() body: CancelOrderBody, @Commands(SALE) sale: Sale) {
    return sale.send('CancelOrder', body);
  }

  @Post(':saleId/callback')
  @Permit('sale.callback')
  @Step(
    'Record the 7-day delivery callback, with the SSI survey if answered',
    'SALE_NOT_DELIVERED, SALE_CALLBACK_ALREADY_COMPLETED, SALE_SURVEY_WITHOUT_CONTACT, SALE_CANCELLED',
  )
  callback(@Body() body: DeliveryCallbackBody, @Commands(SALE) sale: Sale) {
    return sale.send('RecordDeliveryCallback', body);
  }

  @Get()
  @Permit('sale.read', 'dealer')
  @QueryRoute({ summary: 'List vehicle sales, newest order first', type: VehicleSalePage })
  list(@Query() { limit = 50, offset = 0, ...filter }: ListVehicleSalesParams) {
    return this.queries.execute(new ListVehicleSalesQuery(filter, limit, offset));
  }

  @Get('callbacks')
  @Permit('sale.read', 'dealer')
  @QueryRoute({
    summary: 'Open 7-day delivery callbacks due by the end of the business day of asOf',
    description: 'A callback leaves the list once one reaches the customer.',
    type: DeliveryCallbackListView,
  })
  callbacks(@Query() { dealerId, asOf }: CallbacksParams) {
    return this.queries.execute(new DeliveryCallbacksQuery(dealerId, asOf));
  }

  @Get(':saleId')
  @RecordsFileAccess()
  @Permit('sale.read', 'record')
  @QueryRoute({
    summary: 'One vehicle sale; the ETag is its revision',
    type: VehicleSaleView,
    notFound: NOT_FOUND,
    revision: (sale) => sale.revision,
  })
  get(@Param('saleId', new RecordIdPipe('saleId')) saleId: string) {
    return this.queries.execute(new GetVehicleSaleQuery(saleId));
  }
}
