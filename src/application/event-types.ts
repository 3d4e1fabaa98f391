import { COMPLAINT_EVENT_TYPES, COMPLAINT_PERSONAL_DATA } from '../domain/complaint/complaint.events';
import {
  REPAIR_ORDER_EVENT_TYPES,
  REPAIR_ORDER_PERSONAL_DATA,
} from '../domain/repair-order/repair-order.events';
import { PROSPECT_PHONE_EVENT_TYPES } from '../domain/prospect/prospect-phone-index';
import { PROSPECT_EVENT_TYPES, PROSPECT_PERSONAL_DATA } from '../domain/prospect/prospect.events';
import { SHOWROOM_EVENT_TYPES } from '../domain/showroom/showroom-traffic';
import {
  VEHICLE_SALE_EVENT_TYPES,
  VEHICLE_SALE_PERSONAL_DATA,
} from '../domain/vehicle-sale/vehicle-sale.events';
import { MEMBERSHIP_EVENT_TYPES } from '../domain/membership/membership.events';
import { PRIVACY_EVENT_TYPES } from '../domain/privacy/privacy.events';
import { CREDENTIAL_EVENT_TYPES } from '../domain/credential/credential.events';
import { type EventTypeRegistration, registrationsOf } from './shared/event-catalog';

/** Every event type the system writes. A new aggregate adds its table here. */
export const ALL_EVENT_TYPES: readonly EventTypeRegistration[] = [
  ...registrationsOf(COMPLAINT_EVENT_TYPES, COMPLAINT_PERSONAL_DATA),
  ...registrationsOf(REPAIR_ORDER_EVENT_TYPES, REPAIR_ORDER_PERSONAL_DATA),
  ...registrationsOf(PROSPECT_EVENT_TYPES, PROSPECT_PERSONAL_DATA),
  ...registrationsOf(PROSPECT_PHONE_EVENT_TYPES),
  ...registrationsOf(VEHICLE_SALE_EVENT_TYPES, VEHICLE_SALE_PERSONAL_DATA),
  ...registrationsOf(SHOWROOM_EVENT_TYPES),
  ...registrationsOf(MEMBERSHIP_EVENT_TYPES),
  ...registrationsOf(CREDENTIAL_EVENT_TYPES),
  ...registrationsOf(PRIVACY_EVENT_TYPES),
];
