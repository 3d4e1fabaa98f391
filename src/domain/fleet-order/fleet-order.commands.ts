import type { Command } from '../shared/event';
import type { PaymentMethod } from '../vehicle-sale/vehicle-sale.types';

type Id = { orderId: string };

/** One line of the order as the consultant writes it: a model, how many, and the unit price before discount. */
export type FleetOrderLineRequest = Readonly<{
  model: string;
  /** 1 to 500 vehicles of this model on this line. */
  quantity: number;
  listPriceFen: number;
  discountFen: number;
}>;

/**
 * The fleet account as its stream says it when the order is signed (the handler reads it): null when no
 * account has that id. The decider checks the order against it, so the rule lives with the order's others.
 */
export type FleetOrderAccount = Readonly<{ accountId: string; dealerId: string; openedAt: string }>;

/** 集团客户订单: one sale of several vehicles for a fleet account, at the account's dealer. */
export type SignFleetOrder = Command<
  'SignFleetOrder',
  Id & {
    accountId: string;
    dealerId: string;
    consultantId: string;
    lines: readonly FleetOrderLineRequest[];
    payment: PaymentMethod;
    promisedDeliveryAt: string;
    account: FleetOrderAccount | null;
  }
>;
export type AllocateFleetVehicle = Command<'AllocateFleetVehicle', Id & { vin: string; lineNo: number }>;
export type DeliverFleetVehicle = Command<'DeliverFleetVehicle', Id & { vin: string }>;
export type CancelFleetOrder = Command<'CancelFleetOrder', Id & { reason: string }>;

export type FleetOrderCommand =
  SignFleetOrder | AllocateFleetVehicle | DeliverFleetVehicle | CancelFleetOrder;
