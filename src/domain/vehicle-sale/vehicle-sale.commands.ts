import type { Command } from '../shared/event';
import type { PaymentMethod, SaleCustomer, SsiSurvey } from './vehicle-sale.types';

type Id = { saleId: string };

export type SignOrder = Command<
  'SignOrder',
  Id & {
    prospectId: string;
    dealerId: string;
    consultantId: string;
    customer: SaleCustomer;
    model: string;
    listPriceFen: number;
    discountFen: number;
    payment: PaymentMethod;
    promisedDeliveryAt: string;
  }
>;
export type PayDeposit = Command<'PayDeposit', Id & { amountFen: number }>;
export type AllocateVehicle = Command<'AllocateVehicle', Id & { vin: string }>;
export type InvoiceSale = Command<'InvoiceSale', Id & { invoiceNo: string }>;
export type SettleSale = Command<'SettleSale', Id>;
export type PassPreDeliveryInspection = Command<'PassPreDeliveryInspection', Id & { inspectorId: string }>;
export type DeliverVehicle = Command<'DeliverVehicle', Id>;
export type CancelOrder = Command<'CancelOrder', Id & { reason: string }>;
export type RecordDeliveryCallback = Command<
  'RecordDeliveryCallback',
  Id & { reached: boolean; survey?: SsiSurvey; unhappyReasons?: readonly string[] }
>;

export type VehicleSaleCommand =
  | SignOrder
  | PayDeposit
  | AllocateVehicle
  | InvoiceSale
  | SettleSale
  | PassPreDeliveryInspection
  | DeliverVehicle
  | CancelOrder
  | RecordDeliveryCallback;
