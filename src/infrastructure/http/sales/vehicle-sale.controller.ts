import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { VehicleSaleStepCommand } from '../../../application/sales/sales.commands';
import {
  DeliveryCallbacksQuery,
  GetVehicleSaleQuery,
  ListVehicleSalesQuery,
} from '../../../application/sales/vehicle-sale.queries';
import type { SignOrder, VehicleSaleCommand } from '../../../domain/vehicle-sale/vehicle-sale.commands';
import { commandRoutes } from '../shared/command-routes';
import { commandTarget } from '../shared/command-sender';
import { EmptyCommandBody } from '../shared/command.bodies';
import { askList, askRecord, askWith } from '../shared/query-routes';
import { routeTable } from '../shared/route-table';
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
const NOT_FOUND = 'SALE_NOT_FOUND';
const { step } = commandRoutes(SALE, { notFound: NOT_FOUND });
const CLOSED = 'SALE_CANCELLED, SALE_ALREADY_DELIVERED';
const VIN_TAKEN =
  'VEHICLE_VIN_ALLOCATED (the VIN is on another open sale or fleet order, named when the reader may see it), VEHICLE_VIN_DELIVERED (the vehicle was delivered on a record)';

@ApiTags('vehicle sales')
@Controller('vehicle-sales')
export class VehicleSaleController extends routeTable({
  deposit: step('deposit', 'PayDeposit', PayDepositBody, 'sale.work', {
    summary: 'Record the deposit (定金) in fen',
    refusals: `${CLOSED}, SALE_STEP_ALREADY_DONE`,
  }),
  allocate: step('allocation', 'AllocateVehicle', AllocateVehicleBody, 'sale.work', {
    summary: 'Allocate a vehicle (VIN); a new allocation voids the inspection',
    refusals: CLOSED,
    conflicts: VIN_TAKEN,
    description:
      'A VIN is on one open sale or fleet order across the network: it is free again once its record is cancelled or swaps it for another VIN, and never once delivered.',
  }),
  invoice: step('invoice', 'InvoiceSale', InvoiceSaleBody, 'sale.work', {
    summary: 'Invoice the sale',
    refusals: `${CLOSED}, SALE_STEP_OUT_OF_ORDER (no VIN), SALE_STEP_ALREADY_DONE`,
  }),
  settle: step('settlement', 'SettleSale', EmptyCommandBody, 'sale.work', {
    summary: 'Settle the sale (结算)',
    refusals: `${CLOSED}, SALE_STEP_OUT_OF_ORDER (not invoiced), SALE_STEP_ALREADY_DONE`,
  }),
  inspect: step('inspection', 'PassPreDeliveryInspection', PassInspectionBody, 'sale.work', {
    summary: 'Record the passed pre-delivery inspection (交车前检查)',
    refusals: `${CLOSED}, SALE_STEP_OUT_OF_ORDER (no VIN)`,
  }),
  deliver: step('delivery', 'DeliverVehicle', EmptyCommandBody, 'sale.work', {
    summary: 'Deliver the vehicle (递交新车)',
    refusals: `${CLOSED}, SALE_NOT_READY_FOR_DELIVERY (settlement or inspection missing)`,
    description:
      'The buyer becomes a customer with this VIN in the dealer base; the 7-day SSI callback falls due.',
  }),
  cancel: step('cancel', 'CancelOrder', CancelOrderBody, 'sale.work', {
    summary: 'Cancel the order, with the reason',
    refusals: CLOSED,
  }),
  callback: step('callback', 'RecordDeliveryCallback', DeliveryCallbackBody, 'sale.callback', {
    summary: 'Record the 7-day delivery callback, with the SSI survey if answered',
    refusals:
      'SALE_NOT_DELIVERED, SALE_CALLBACK_ALREADY_COMPLETED, SALE_SURVEY_WITHOUT_CONTACT, SALE_REASONS_WITHOUT_SURVEY, SURVEY_REASON_UNKNOWN, SALE_CANCELLED',
  }),
  list: askList('', ListVehicleSalesParams, ListVehicleSalesQuery, {
    permit: ['sale.read', 'dealer'],
    summary: 'List vehicle sales, newest order first',
    type: VehicleSalePage,
  }),
  callbacks: askWith(
    'callbacks',
    CallbacksParams,
    ({ dealerId, asOf, limit, offset }) => new DeliveryCallbacksQuery(dealerId, asOf, { limit, offset }),
    {
      permit: ['sale.read', 'dealer'],
      todayOrLater: true,
      summary: 'Open 7-day delivery callbacks due by the end of the business day of asOf',
      description: 'A callback leaves the list once one reaches the customer.',
      type: DeliveryCallbackListView,
    },
  ),
  get: askRecord(':saleId', GetVehicleSaleQuery, {
    permit: ['sale.read', 'record'],
    summary: 'One vehicle sale; the ETag is its revision',
    type: VehicleSaleView,
    notFound: NOT_FOUND,
    revision: (sale) => sale.revision,
  }),
}) {}
