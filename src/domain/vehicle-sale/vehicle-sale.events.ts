import type { Event, EventUpcasters } from '../shared/event';
import type { PersonalDataDeclaration } from '../shared/personal-data';
import type { BuyerProfile } from './buyer-profile';
import type { PaymentMethod, SaleCustomer, SsiFactor, SsiSurvey } from './vehicle-sale.types';

type Id = { saleId: string };

export type OrderSigned = Event<
  'OrderSigned',
  Id & {
    prospectId: string;
    dealerId: string;
    consultantId: string;
    customer: SaleCustomer;
    model: string;
    /** Money in fen (1/100 RMB): integers, never drifting floats. */
    listPriceFen: number;
    discountFen: number;
    priceFen: number;
    payment: PaymentMethod;
    promisedDeliveryAt: string;
    /**
     * Since schema v3: the buyer's age band and province code, derived from the resident ID number given on
     * ordering (the number itself is in `customer`, encrypted). Null without one, and on earlier events.
     */
    buyerProfile: BuyerProfile | null;
    signedAt: string;
  }
>;
export type DepositPaid = Event<'DepositPaid', Id & { amountFen: number; paidAt: string }>;
export type VehicleAllocated = Event<'VehicleAllocated', Id & { vin: string; allocatedAt: string }>;
export type SaleInvoiced = Event<
  'SaleInvoiced',
  Id & { invoiceNo: string; amountFen: number; invoicedAt: string }
>;
/** 结算: the customer has paid in full (or the finance company has). */
export type SaleSettled = Event<'SaleSettled', Id & { amountFen: number; settledAt: string }>;
export type PreDeliveryInspectionPassed = Event<
  'PreDeliveryInspectionPassed',
  Id & { vin: string; inspectorId: string; passedAt: string }
>;
/** The buyer becomes a customer with this vehicle in the dealer's base; the 7-day SSI callback is due. */
export type VehicleDelivered = Event<
  'VehicleDelivered',
  Id & {
    prospectId: string;
    dealerId: string;
    consultantId: string;
    customerId: string;
    vin: string;
    model: string;
    promisedDeliveryAt: string;
    deliveredAt: string;
    onTime: boolean;
    callbackDueAt: string;
  }
>;
export type OrderCancelled = Event<
  'OrderCancelled',
  Id & { prospectId: string; dealerId: string; reason: string; cancelledAt: string }
>;
/** The 7-day callback; when it reaches the customer it is completed, with the SSI survey if they answered. */
export type DeliveryCallbackRecorded = Event<
  'DeliveryCallbackRecorded',
  Id & {
    dealerId: string;
    consultantId: string;
    calledAt: string;
    callbackDueAt: string;
    onTime: boolean;
    reached: boolean;
    survey: SsiSurvey | null;
    /** The weight set the survey is scored with, stored so a new set never rewrites history. */
    weightSetVersion: string | null;
    weights: Readonly<Record<SsiFactor, number>> | null;
    /** Coded unhappy reasons from the survey (docs/care.md); absent on events recorded before they existed. */
    unhappyReasons?: readonly string[];
    reasonCatalogueVersion?: string | null;
    /** The buyer; absent on events recorded before care follow-ups needed it. */
    customerId?: string;
  }
>;

export type VehicleSaleEvent =
  | OrderSigned
  | DepositPaid
  | VehicleAllocated
  | SaleInvoiced
  | SaleSettled
  | PreDeliveryInspectionPassed
  | VehicleDelivered
  | OrderCancelled
  | DeliveryCallbackRecorded;

/** Stable type names and their current schema versions; never derived from class names. */
export const VEHICLE_SALE_EVENT_TYPES = {
  OrderSigned: 3,
  DepositPaid: 1,
  VehicleAllocated: 1,
  SaleInvoiced: 1,
  SaleSettled: 1,
  PreDeliveryInspectionPassed: 1,
  VehicleDelivered: 1,
  OrderCancelled: 1,
  DeliveryCallbackRecorded: 1,
} as const satisfies Record<VehicleSaleEvent['type'], number>;

/**
 * Personal data per event type, encrypted with the subject's key when stored (docs/privacy.md). Version 2
 * of these types is the first with protected values; v1 events are upcast with their values tagged.
 */
export const VEHICLE_SALE_PERSONAL_DATA = {
  OrderSigned: {
    subject: 'customer.customerId',
    fields: {
      'customer.name': 'name',
      'customer.phone': 'phone',
      'customer.idNumber': 'idNumber',
      'customer.address': 'address',
    },
    since: 2,
  },
} as const satisfies Partial<Record<VehicleSaleEvent['type'], PersonalDataDeclaration>>;

/**
 * Upcasters of the vehicle sale's events by the version they upgrade from (the personal-data ones, v1 → v2,
 * are made from the declaration above). OrderSigned v2 → v3: no buyer profile was derived before v3.
 */
export const VEHICLE_SALE_UPCASTERS: EventUpcasters<VehicleSaleEvent['type']> = {
  OrderSigned: { 2: (data) => ({ ...data, buyerProfile: null }) },
};
