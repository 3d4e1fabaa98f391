import type { FieldOf, RecordType } from '../../domain/required-fields/required-fields.catalogue';
import {
  type ComplaintDetails,
  complaintDetailsProjection,
} from '../../projections/complaint-details/complaint-details.projection';
import {
  type LoyaltyMember,
  loyaltyMembersProjection,
} from '../../projections/loyalty-members/loyalty-members.projection';
import {
  type ProspectDetails,
  prospectDetailsProjection,
} from '../../projections/prospect-details/prospect-details.projection';
import {
  type RepairOrderDetails,
  repairOrderDetailsProjection,
} from '../../projections/repair-order-details/repair-order-details.projection';
import { type AnyProjection, physicalCollection } from '../../projections/shared/projection';
import {
  type VehicleSaleDetails,
  vehicleSaleDetailsProjection,
} from '../../projections/vehicle-sale-details/vehicle-sale-details.projection';
import { legacyClear, parseProtected } from '../privacy/protected-value';

/**
 * Where each record type's fields are read from: its details read model, the document's id and dealer,
 * the record's own route, and per field the value to judge. Only `isPresent` ever looks at a value, and
 * only a yes or no leaves this file: no value, clear or protected, reaches an answer.
 */
export type RecordSource<T extends RecordType, Doc> = Readonly<{
  projection: AnyProjection;
  /** The read model's field that names the record's dealer (the member's home dealer). */
  dealerField: string;
  idOf: (doc: Doc) => string;
  dealerOf: (doc: Doc) => unknown;
  /** The record's own read route, for the missing list's link. */
  href: (id: string) => string;
  fields: { readonly [F in FieldOf<T>]: (doc: Doc) => unknown };
}>;

/**
 * Empty or whitespace-only is missing, as is null or absent. A protected value (`pii:1:…`: names and
 * phones) is present: the API refuses a blank name or phone before it is encrypted, and a forgotten
 * customer's value stays in the read model as a protected string (present, erased on request: see
 * docs/data-quality.md). A legacy marker (`pii:0:…`, never encrypted) is judged by its clear text.
 */
export const isPresent = (value: unknown): boolean => {
  if (value === null || value === undefined) return false;
  if (typeof value !== 'string') return true;
  const parsed = value.startsWith('pii:') ? parseProtected(value) : null;
  const text = parsed?.version === 0 ? legacyClear(parsed) : value;
  return text.trim() !== '';
};

const prospect: RecordSource<'prospect', ProspectDetails> = {
  projection: prospectDetailsProjection,
  dealerField: 'dealerId',
  idOf: (doc) => doc.prospectId,
  dealerOf: (doc) => doc.dealerId,
  href: (id) => `/prospects/${id}`,
  fields: {
    name: (doc) => doc.contact?.name,
    phone: (doc) => doc.contact?.phone,
    channel: (doc) => doc.channel,
    modelOfInterest: (doc) => doc.modelOfInterest,
    consultantId: (doc) => doc.consultantId,
    budgetFen: (doc) => doc.budgetFen,
    expectedPurchaseBy: (doc) => doc.expectedPurchaseBy,
  },
};

const vehicleSale: RecordSource<'vehicle-sale', VehicleSaleDetails> = {
  projection: vehicleSaleDetailsProjection,
  dealerField: 'dealerId',
  idOf: (doc) => doc.saleId,
  dealerOf: (doc) => doc.dealerId,
  href: (id) => `/vehicle-sales/${id}`,
  fields: {
    vin: (doc) => doc.vin,
    priceFen: (doc) => doc.priceFen,
    paymentType: (doc) => doc.payment,
    promisedDeliveryAt: (doc) => doc.promisedDeliveryAt,
    model: (doc) => doc.model,
    consultantId: (doc) => doc.consultantId,
    depositFen: (doc) => doc.depositFen,
    invoiceNo: (doc) => doc.invoiceNo,
  },
};

const repairOrder: RecordSource<'repair-order', RepairOrderDetails> = {
  projection: repairOrderDetailsProjection,
  dealerField: 'dealerId',
  idOf: (doc) => doc.repairOrderId,
  dealerOf: (doc) => doc.dealerId,
  href: (id) => `/repair-orders/${id}`,
  fields: {
    vin: (doc) => doc.vin,
    mileageKm: (doc) => doc.mileageKm,
    roType: (doc) => doc.roType,
    serviceAdvisorId: (doc) => doc.serviceAdvisorId,
    plate: (doc) => doc.plate,
    customerDescription: (doc) => doc.customerDescription,
    diagnosis: (doc) => doc.diagnosis,
  },
};

const complaint: RecordSource<'complaint', ComplaintDetails> = {
  projection: complaintDetailsProjection,
  dealerField: 'dealerId',
  idOf: (doc) => doc.complaintId,
  dealerOf: (doc) => doc.dealerId,
  href: (id) => `/complaints/${id}`,
  fields: {
    category: (doc) => doc.category,
    severity: (doc) => doc.severity,
    channel: (doc) => doc.channel,
    description: (doc) => doc.description,
    remedySought: (doc) => doc.remedySought,
    name: (doc) => doc.customer?.name,
    phone: (doc) => doc.customer?.phone,
  },
};

const member: RecordSource<'member', LoyaltyMember> = {
  projection: loyaltyMembersProjection,
  dealerField: 'homeDealerId',
  idOf: (doc) => doc.customerId,
  dealerOf: (doc) => doc.homeDealerId,
  href: (id) => `/memberships/${id}`,
  fields: {
    cardNumber: (doc) => doc.cardNumber,
    homeDealerId: (doc) => doc.homeDealerId,
  },
};

/** Type-erased, for reading any record type the same way. */
export type AnySource = Readonly<{
  collection: string;
  dealerField: string;
  idOf: (doc: never) => string;
  dealerOf: (doc: never) => unknown;
  href: (id: string) => string;
  fields: Readonly<Record<string, (doc: never) => unknown>>;
}>;

const erase = ({
  projection,
  ...source
}: Omit<AnySource, 'collection'> & Readonly<{ projection: AnyProjection }>): AnySource => ({
  ...source,
  collection: physicalCollection(projection),
});

export const RECORD_SOURCES: Readonly<Record<RecordType, AnySource>> = {
  prospect: erase(prospect),
  'vehicle-sale': erase(vehicleSale),
  'repair-order': erase(repairOrder),
  complaint: erase(complaint),
  member: erase(member),
};
