import type {
  AppointmentBooked,
  RepairOrderCancelled,
  VehicleCheckedIn,
} from '../../../src/domain/repair-order/repair-order.events';
import { serviceAppointmentsProjection } from '../../../src/projections/service-appointments/service-appointments.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(serviceAppointmentsProjection);

const vehicle = {
  dealerId: 'd-1',
  vin: 'LSVAB4BR5MN000001',
  plate: 'pii:1:plate:cu-1:AAAA',
  customerId: 'cu-1',
};
const booked = (repairOrderId: string, requestedFor: string): AppointmentBooked => ({
  type: 'AppointmentBooked',
  data: {
    repairOrderId,
    ...vehicle,
    requestedFor,
    serviceAdvisorId: 'sa-1',
    note: null,
    bookedAt: '2026-03-01T02:00:00.000Z',
  },
});
const checkedIn = (repairOrderId: string, checkedInAt: string, fromAppointment = true): VehicleCheckedIn => ({
  type: 'VehicleCheckedIn',
  data: {
    repairOrderId,
    ...vehicle,
    mileageKm: 10_000,
    customerDescription: 'service',
    serviceAdvisorId: 'sa-1',
    checkedInAt,
    fromAppointment,
  },
});
const cancelled = (
  repairOrderId: string,
  stage: 'booked' | 'checked-in',
  cancelledAt: string,
): RepairOrderCancelled => ({
  type: 'RepairOrderCancelled',
  data: { repairOrderId, dealerId: 'd-1', reason: 'customer', stage, cancelledAt },
});

const appointment = (repairOrderId: string, requestedFor: string, month: string) => ({
  repairOrderId,
  dealerId: 'd-1',
  month,
  requestedFor,
  serviceAdvisorId: 'sa-1',
  bookedAt: '2026-03-01T02:00:00.000Z',
  checkedInAt: null,
  cancelledAt: null,
});

describe('service-appointments projection', () => {
  it('keeps each appointment in the month of its slot (China Standard Time), with its check-in', () =>
    spec
      .given([booked('ro-1', '2026-03-10T02:00:00.000Z'), booked('ro-2', '2026-03-31T17:00:00.000Z')])
      .when([checkedIn('ro-1', '2026-03-10T02:10:00.000Z')])
      .then({
        // ro-2's slot is 1 April 01:00 in Shanghai: an April appointment.
        'ro-1': {
          ...appointment('ro-1', '2026-03-10T02:00:00.000Z', '2026-03'),
          checkedInAt: '2026-03-10T02:10:00.000Z',
        },
        'ro-2': appointment('ro-2', '2026-03-31T17:00:00.000Z', '2026-04'),
      }));

  it('records the cancellation of a booked appointment, and ignores walk-ins and later cancellations', () =>
    spec
      .given([booked('ro-1', '2026-03-10T02:00:00.000Z'), booked('ro-2', '2026-03-11T02:00:00.000Z')])
      .when([
        cancelled('ro-1', 'booked', '2026-03-09T02:00:00.000Z'),
        checkedIn('ro-2', '2026-03-11T02:00:00.000Z'),
        cancelled('ro-2', 'checked-in', '2026-03-11T03:00:00.000Z'),
        checkedIn('ro-walk-in', '2026-03-11T04:00:00.000Z', false),
        cancelled('ro-walk-in', 'checked-in', '2026-03-11T05:00:00.000Z'),
      ])
      .then({
        'ro-1': {
          ...appointment('ro-1', '2026-03-10T02:00:00.000Z', '2026-03'),
          cancelledAt: '2026-03-09T02:00:00.000Z',
        },
        'ro-2': {
          ...appointment('ro-2', '2026-03-11T02:00:00.000Z', '2026-03'),
          checkedInAt: '2026-03-11T02:00:00.000Z',
        },
      }));
});
