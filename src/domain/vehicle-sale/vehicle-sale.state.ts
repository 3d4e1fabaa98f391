import { isDissatisfied } from '../shared/unhappy-reasons';
import type { VehicleSaleEvent } from './vehicle-sale.events';

type Signed = Readonly<{
  saleId: string;
  prospectId: string;
  dealerId: string;
  consultantId: string;
  customerId: string;
  model: string;
  priceFen: number;
  promisedDeliveryAt: string;
  signedAt: string;
  depositFen: number | null;
  vin: string | null;
  invoiced: boolean;
  settled: boolean;
  /** Inspection passed for the VIN allocated now; a new allocation needs a new inspection. */
  inspected: boolean;
  deliveredAt: string | null;
  callbackDueAt: string | null;
  callbackCompleted: boolean;
  /** Every delivery callback recorded on the sale, in order: they work the delivery care task too. */
  callbackAttempts: readonly Readonly<{ at: string; reached: boolean }>[];
  /** When the SSI survey had a factor answered 6 or less: a follow-up task falls due. */
  dissatisfiedAt: string | null;
}>;

/** ordered: signed and moving to delivery; delivered: handed over; cancelled: nothing follows. */
export type VehicleSaleStatus = 'ordered' | 'delivered' | 'cancelled';
export type VehicleSaleState =
  Readonly<{ status: 'none' }> | (Signed & Readonly<{ status: VehicleSaleStatus }>);
export type SignedSale = Extract<VehicleSaleState, { saleId: string }>;

export const evolveVehicleSale = (state: VehicleSaleState, event: VehicleSaleEvent): VehicleSaleState => {
  if (event.type === 'OrderSigned') {
    const { data } = event;
    return {
      status: 'ordered',
      saleId: data.saleId,
      prospectId: data.prospectId,
      dealerId: data.dealerId,
      consultantId: data.consultantId,
      customerId: data.customer.customerId,
      model: data.model,
      priceFen: data.priceFen,
      promisedDeliveryAt: data.promisedDeliveryAt,
      signedAt: data.signedAt,
      depositFen: null,
      vin: null,
      invoiced: false,
      settled: false,
      inspected: false,
      deliveredAt: null,
      callbackDueAt: null,
      callbackCompleted: false,
      callbackAttempts: [],
      dissatisfiedAt: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'DepositPaid':
      return { ...state, depositFen: event.data.amountFen };
    case 'VehicleAllocated':
      return { ...state, vin: event.data.vin, inspected: false };
    case 'SaleInvoiced':
      return { ...state, invoiced: true };
    case 'SaleSettled':
      return { ...state, settled: true };
    case 'PreDeliveryInspectionPassed':
      return { ...state, inspected: true };
    case 'VehicleDelivered':
      return {
        ...state,
        status: 'delivered',
        deliveredAt: event.data.deliveredAt,
        callbackDueAt: event.data.callbackDueAt,
      };
    case 'OrderCancelled':
      return { ...state, status: 'cancelled' };
    case 'DeliveryCallbackRecorded':
      return {
        ...state,
        callbackCompleted: state.callbackCompleted || event.data.reached,
        callbackAttempts: [
          ...state.callbackAttempts,
          { at: event.data.calledAt, reached: event.data.reached },
        ],
        dissatisfiedAt:
          event.data.survey && isDissatisfied(event.data.survey.answers)
            ? event.data.calledAt
            : state.dissatisfiedAt,
      };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};
