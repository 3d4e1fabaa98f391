import type { CustomerContactIndexed } from '../../../src/domain/customer-index/customer-index';
import type {
  AppointmentBooked,
  VehicleCheckedIn,
} from '../../../src/domain/repair-order/repair-order.events';
import type { VehicleDelivered } from '../../../src/domain/vehicle-sale/vehicle-sale.events';
import { customerLookupProjection } from '../../../src/projections/customer-lookup/customer-lookup.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(customerLookupProjection);

const HASH = 'a1'.repeat(32);
const PLATE_HASH = 'b2'.repeat(32);
const VIN = 'LSVAB4BR5MN000001';
const PLATE_CU1 = 'pii:1:plate:cu-1:cGxhdGUtMQ';

const indexed = (
  customerId: string,
  dealerId: string,
  kind: 'phone' | 'plate' = 'phone',
  hash = HASH,
): CustomerContactIndexed => ({
  type: 'CustomerContactIndexed',
  data: { kind, hash, customerId, dealerId, indexedAt: '2026-03-01T02:00:00.000Z' },
});

const delivered = (customerId: string, vin = VIN): VehicleDelivered => ({
  type: 'VehicleDelivered',
  data: {
    saleId: 's-1',
    prospectId: 'p-1',
    dealerId: 'd-1',
    consultantId: 'sc-li',
    customerId,
    vin,
    model: 'Lavida',
    promisedDeliveryAt: '2026-03-10T02:00:00.000Z',
    deliveredAt: '2026-03-10T02:00:00.000Z',
    onTime: true,
    callbackDueAt: '2026-03-17T02:00:00.000Z',
  },
});

const booked = (customerId: string, vin: string, dealerId = 'd-1'): AppointmentBooked => ({
  type: 'AppointmentBooked',
  data: {
    repairOrderId: 'ro-1',
    dealerId,
    vin,
    plate: PLATE_CU1,
    customerId,
    requestedFor: '2026-04-05T01:00:00.000Z',
    serviceAdvisorId: null,
    note: null,
    bookedAt: '2026-04-02T01:00:00.000Z',
  },
});

const checkedIn = (customerId: string, dealerId: string): VehicleCheckedIn => ({
  type: 'VehicleCheckedIn',
  data: {
    repairOrderId: 'ro-2',
    dealerId,
    vin: VIN,
    plate: PLATE_CU1,
    customerId,
    mileageKm: 5_000,
    customerDescription: 'service',
    serviceAdvisorId: 'sa-wang',
    checkedInAt: '2026-04-05T01:00:00.000Z',
    fromAppointment: true,
  },
});

describe('customer-lookup projection (every event applied twice gives the same documents)', () => {
  it('keys a phone by its blind index, never by the phone', () =>
    spec.when([indexed('cu-1', 'd-1')]).then({
      [`phone:${HASH}`]: { key: `phone:${HASH}`, matches: [{ customerId: 'cu-1', dealerId: 'd-1' }] },
    }));

  it('keeps a plate apart from a phone, and several customers of one phone sorted, each once', () =>
    spec
      .given([indexed('cu-2', 'd-1'), indexed('cu-1', 'd-2')])
      .when([indexed('cu-1', 'd-1'), indexed('cu-2', 'd-1'), indexed('cu-1', 'd-1', 'plate', PLATE_HASH)])
      .then({
        [`phone:${HASH}`]: {
          key: `phone:${HASH}`,
          matches: [
            { customerId: 'cu-1', dealerId: 'd-1' },
            { customerId: 'cu-1', dealerId: 'd-2' },
            { customerId: 'cu-2', dealerId: 'd-1' },
          ],
        },
        [`plate:${PLATE_HASH}`]: {
          key: `plate:${PLATE_HASH}`,
          matches: [{ customerId: 'cu-1', dealerId: 'd-1' }],
        },
      }));

  it('keys a VIN as written, upper case, from a delivery and the service visits', () =>
    spec
      .given([delivered('cu-1')])
      .when([booked('cu-1', VIN.toLowerCase()), checkedIn('cu-1', 'd-2'), checkedIn('cu-3', 'd-2')])
      .then({
        [`vin:${VIN}`]: {
          key: `vin:${VIN}`,
          matches: [
            { customerId: 'cu-1', dealerId: 'd-1' },
            { customerId: 'cu-1', dealerId: 'd-2' },
            { customerId: 'cu-3', dealerId: 'd-2' },
          ],
        },
      }));

  it('ignores the events it does not handle', () =>
    spec
      .given([indexed('cu-1', 'd-1')])
      .when([
        {
          type: 'CustomerForgotten',
          data: {
            customerId: 'cu-1',
            reason: 'request',
            requestReference: 'DSR-1',
            forgottenAt: '2026-05-01T00:00:00.000Z',
          },
        },
      ])
      .thenNothingChanges());
});
