import { COMPLAINT_EVENT_TYPES } from '../domain/complaint/complaint.events';
import { REPAIR_ORDER_EVENT_TYPES } from '../domain/repairorder/repair-order.events';
import { PROSPECT_PHONE_EVENT_TYPES } from '../domain/prospect/prospect-phone-index';
import { PROSPECT_EVENT_TYPES } from '../domain/prospect/prospect.events';
import { SHOWROOM_EVENT_TYPES } from '../domain/showroom/showroom-traffic';
import { VEHICLE_SALE_EVENT_TYPES } from '../domain/vehiclesale/vehicle-sale.events';
import { MEMBERSHIP_EVENT_TYPES } from '../domain/membership/membership.events';
import { type EventTypeRegistration, registrationsOf } from './shared/event-catalog';

/** Every event type the system writes. A new aggregate adds its table here. */
export const ALL_EVENT_TYPES: readonly EventTypeRegistration[] = [
  ...registrationsOf(COMPLAINT_EVENT_TYPES),
  ...registrationsOf(REPAIR_ORDER_EVENT_TYPES),
  ...registrationsOf(PROSPECT_EVENT_TYPES),
  ...registrationsOf(PROSPECT_PHONE_EVENT_TYPES),
  ...registrationsOf(VEHICLE_SALE_EVENT_TYPES),
  ...registrationsOf(SHOWROOM_EVENT_TYPES),
  ...registrationsOf(MEMBERSHIP_EVENT_TYPES),
];
