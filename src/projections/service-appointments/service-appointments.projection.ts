import type {
  AppointmentBooked,
  RepairOrderCancelled,
  VehicleCheckedIn,
} from '../../domain/repair-order/repair-order.events';
import { businessMonthOf } from '../../domain/shared/time';
import type { Envelope, ProjectionDefinition } from '../shared/projection';

/**
 * One booked appointment (服务预约) and what happened to it, each fact at its business time. Whether it was
 * kept on time, late or a no-show is decided when read, as of an instant (`appointmentOutcome`), so the
 * answer never depends on when the check-in or the cancellation arrived.
 */
export type ServiceAppointment = {
  repairOrderId: string;
  dealerId: string;
  /** Business month of the slot (China Standard Time), `YYYY-MM`: the month it counts in. */
  month: string;
  /** The slot's start. */
  requestedFor: string;
  serviceAdvisorId: string | null;
  bookedAt: string;
  checkedInAt: string | null;
  /** A cancellation of the booked appointment (before any check-in). */
  cancelledAt: string | null;
};

type E = Envelope<AppointmentBooked | VehicleCheckedIn | RepairOrderCancelled>;

export const serviceAppointmentsProjection: ProjectionDefinition<
  AppointmentBooked | VehicleCheckedIn | RepairOrderCancelled,
  ServiceAppointment
> = {
  name: 'service-appointments',
  version: 1,
  collection: 'service_appointments',
  indexes: [['dealerId', 'month']],
  handles: ['AppointmentBooked', 'VehicleCheckedIn', 'RepairOrderCancelled'],
  documentIds: (event: E) => {
    if (event.type === 'VehicleCheckedIn' && !event.data.fromAppointment) return [];
    if (event.type === 'RepairOrderCancelled' && event.data.stage !== 'booked') return [];
    return [event.data.repairOrderId];
  },
  apply: (doc, event: E) => {
    switch (event.type) {
      case 'AppointmentBooked':
        return {
          repairOrderId: event.data.repairOrderId,
          dealerId: event.data.dealerId,
          month: businessMonthOf(event.data.requestedFor),
          requestedFor: event.data.requestedFor,
          serviceAdvisorId: event.data.serviceAdvisorId,
          bookedAt: event.data.bookedAt,
          checkedInAt: null,
          cancelledAt: null,
        };
      case 'VehicleCheckedIn':
        return { ...booked(doc, event), checkedInAt: event.data.checkedInAt };
      case 'RepairOrderCancelled':
        return { ...booked(doc, event), cancelledAt: event.data.cancelledAt };
      default: {
        const unhandled: never = event;
        return unhandled;
      }
    }
  },
};

/** A check-in from an appointment, or its cancellation, follows the booking in the order's own stream. */
const booked = (doc: ServiceAppointment | null, event: E): ServiceAppointment => {
  if (doc === null)
    throw new Error(`${event.type} of repair order ${event.data.repairOrderId} before its AppointmentBooked`);
  return doc;
};
