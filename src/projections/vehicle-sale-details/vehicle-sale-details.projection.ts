import { businessMonthOf } from '../../domain/shared/time';
import type { VehicleSaleEvent } from '../../domain/vehicle-sale/vehicle-sale.events';
import {
  evolveVehicleSale,
  type VehicleSaleState,
  type VehicleSaleStatus,
} from '../../domain/vehicle-sale/vehicle-sale.state';
import type { PaymentMethod, SaleCustomer, SsiSurvey } from '../../domain/vehicle-sale/vehicle-sale.types';
import type { Envelope, ProjectionDefinition } from '../shared/projection';

/** pending until delivery; open from delivery until a callback reaches the customer; then completed. */
export type DeliveryCallbackStatus = 'pending' | 'open' | 'completed';

export type VehicleSaleDetails = {
  saleId: string;
  prospectId: string;
  dealerId: string;
  consultantId: string;
  customer: SaleCustomer;
  /** Also the customer's id in service, complaints and the club. */
  customerId: string;
  model: string;
  listPriceFen: number;
  discountFen: number;
  priceFen: number;
  payment: PaymentMethod;
  status: VehicleSaleStatus;
  signedAt: string;
  signedMonth: string;
  promisedDeliveryAt: string;
  depositFen: number | null;
  vin: string | null;
  invoiceNo: string | null;
  settledAt: string | null;
  inspectedAt: string | null;
  deliveredAt: string | null;
  deliveredOnTime: boolean | null;
  cancelled: { reason: string; at: string } | null;
  callbackStatus: DeliveryCallbackStatus;
  callbackDueAt: string | null;
  callbackAttempts: number;
  callbackCompletedAt: string | null;
  callbackOnTime: boolean | null;
  survey: (SsiSurvey & { weightSetVersion: string }) | null;
  state: VehicleSaleState;
  revision: number;
  updatedAt: string;
};

type E = Envelope<VehicleSaleEvent>;

const signedDoc = (event: Extract<E, { type: 'OrderSigned' }>): VehicleSaleDetails => {
  const { data } = event;
  return {
    saleId: data.saleId,
    prospectId: data.prospectId,
    dealerId: data.dealerId,
    consultantId: data.consultantId,
    customer: data.customer,
    customerId: data.customer.customerId,
    model: data.model,
    listPriceFen: data.listPriceFen,
    discountFen: data.discountFen,
    priceFen: data.priceFen,
    payment: data.payment,
    status: 'ordered',
    signedAt: data.signedAt,
    signedMonth: businessMonthOf(data.signedAt),
    promisedDeliveryAt: data.promisedDeliveryAt,
    depositFen: null,
    vin: null,
    invoiceNo: null,
    settledAt: null,
    inspectedAt: null,
    deliveredAt: null,
    deliveredOnTime: null,
    cancelled: null,
    callbackStatus: 'pending',
    callbackDueAt: null,
    callbackAttempts: 0,
    callbackCompletedAt: null,
    callbackOnTime: null,
    survey: null,
    state: { status: 'none' },
    revision: event.revision,
    updatedAt: event.occurredAt,
  };
};

const facts = (doc: VehicleSaleDetails, event: E): Partial<VehicleSaleDetails> => {
  switch (event.type) {
    case 'OrderSigned':
      return {};
    case 'DepositPaid':
      return { depositFen: event.data.amountFen };
    case 'VehicleAllocated':
      return { vin: event.data.vin, inspectedAt: null };
    case 'SaleInvoiced':
      return { invoiceNo: event.data.invoiceNo };
    case 'SaleSettled':
      return { settledAt: event.data.settledAt };
    case 'PreDeliveryInspectionPassed':
      return { inspectedAt: event.data.passedAt };
    case 'VehicleDelivered':
      return {
        deliveredAt: event.data.deliveredAt,
        deliveredOnTime: event.data.onTime,
        callbackStatus: 'open',
        callbackDueAt: event.data.callbackDueAt,
      };
    case 'OrderCancelled':
      return { cancelled: { reason: event.data.reason, at: event.data.cancelledAt } };
    case 'DeliveryCallbackRecorded': {
      const { reached, survey, weightSetVersion, calledAt, onTime } = event.data;
      if (!reached) return { callbackAttempts: doc.callbackAttempts + 1 };
      return {
        callbackAttempts: doc.callbackAttempts + 1,
        callbackStatus: 'completed',
        callbackCompletedAt: calledAt,
        callbackOnTime: onTime,
        survey: survey && weightSetVersion ? { ...survey, weightSetVersion } : null,
      };
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};

/** One document per vehicle sale: details for integrators, the buyer and VIN, and the 7-day callback list. */
export const vehicleSaleDetailsProjection: ProjectionDefinition<VehicleSaleEvent, VehicleSaleDetails> = {
  name: 'vehicle-sale-details',
  // v2: the sale's state in each document keeps its delivery callbacks (the care task's attempts).
  version: 2,
  collection: 'vehicle_sales',
  indexes: [
    ['dealerId', 'signedAt'],
    ['dealerId', 'callbackStatus', 'callbackDueAt'],
    ['prospectId'],
    ['customerId'],
    ['vin'],
    ['signedAt'],
  ],
  handles: [
    'OrderSigned',
    'DepositPaid',
    'VehicleAllocated',
    'SaleInvoiced',
    'SaleSettled',
    'PreDeliveryInspectionPassed',
    'VehicleDelivered',
    'OrderCancelled',
    'DeliveryCallbackRecorded',
  ],
  documentIds: (event) => [event.data.saleId],
  apply: (doc, event) => {
    const current = event.type === 'OrderSigned' ? signedDoc(event) : doc;
    if (!current) throw new Error(`vehicle sale ${event.data.saleId}: ${event.type} before OrderSigned`);
    const state = evolveVehicleSale(current.state, {
      type: event.type,
      data: event.data,
    } as VehicleSaleEvent);
    if (state.status === 'none')
      throw new Error(`vehicle sale ${event.data.saleId}: no state after ${event.type}`);
    return {
      ...current,
      ...facts(current, event),
      status: state.status,
      state,
      revision: event.revision,
      updatedAt: event.occurredAt,
    };
  },
};
