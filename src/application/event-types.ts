import { COMPLAINT_EVENT_TYPES } from '../domain/complaint/complaint.events';
import { REPAIR_ORDER_EVENT_TYPES } from '../domain/repairorder/repair-order.events';
import { type EventTypeRegistration, registrationsOf } from './shared/event-catalog';

/** Every event type the system writes. A new aggregate adds its table here. */
export const ALL_EVENT_TYPES: readonly EventTypeRegistration[] = [
  ...registrationsOf(COMPLAINT_EVENT_TYPES),
  ...registrationsOf(REPAIR_ORDER_EVENT_TYPES),
];
