import type { CustomerContactIndexed } from '../../domain/customer-index/customer-index';
import type { AppointmentBooked, VehicleCheckedIn } from '../../domain/repair-order/repair-order.events';
import type { VehicleDelivered } from '../../domain/vehicle-sale/vehicle-sale.events';
import type { Envelope, ProjectionDefinition } from '../shared/projection';

export type CustomerLookupEvent =
  CustomerContactIndexed | VehicleDelivered | AppointmentBooked | VehicleCheckedIn;

/** A customer a key names, at the dealer whose record named them. */
export type CustomerLookupMatch = { customerId: string; dealerId: string };

/**
 * One document per key: `phone:<hmac>` and `plate:<hmac>` (the keyed blind indexes, never a clear value)
 * and `vin:<VIN>` (a VIN is not personal data). The document id is the key.
 */
export type CustomerLookupEntry = {
  key: string;
  /** Sorted by customer, then dealer; each pair once. */
  matches: CustomerLookupMatch[];
};

/** The lookup key of a VIN: upper case, as VINs are written. */
export const vinKey = (vin: string): string => `vin:${vin.trim().toUpperCase()}`;
export const blindIndexKey = (kind: 'phone' | 'plate', hash: string): string => `${kind}:${hash}`;

const withMatch = (matches: readonly CustomerLookupMatch[], match: CustomerLookupMatch) =>
  matches.some((m) => m.customerId === match.customerId && m.dealerId === match.dealerId)
    ? [...matches]
    : [...matches, match].sort(
        (a, b) => a.customerId.localeCompare(b.customerId) || a.dealerId.localeCompare(b.dealerId),
      );

const keyOf = (event: Envelope<CustomerLookupEvent>): string =>
  event.type === 'CustomerContactIndexed'
    ? blindIndexKey(event.data.kind, event.data.hash)
    : vinKey(event.data.vin);

/**
 * Who a phone, a plate or a VIN names: the caller's customer id(s), for the screen pop. A key names
 * several customers when they share a phone (a family) or a vehicle changed hands; each dealer that
 * recorded the pair keeps its own entry, so a dealer-bound reader finds only its own.
 */
export const customerLookupProjection: ProjectionDefinition<CustomerLookupEvent, CustomerLookupEntry> = {
  name: 'customer-lookup',
  version: 1,
  collection: 'customer_lookup',
  indexes: [],
  handles: ['CustomerContactIndexed', 'VehicleDelivered', 'AppointmentBooked', 'VehicleCheckedIn'],
  documentIds: (event) => [keyOf(event)],
  apply: (doc, event, id) => {
    const { customerId, dealerId } = event.data;
    return { key: id, matches: withMatch(doc?.matches ?? [], { customerId, dealerId }) };
  },
};
