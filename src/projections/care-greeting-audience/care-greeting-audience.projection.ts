import { type GreetingAudienceEntry, withMembershipFact } from '../../domain/care-greeting/greeting-messages';
import type {
  MembershipCancelled,
  MembershipEnrolled,
  MembershipReEnrolled,
} from '../../domain/membership/membership.events';
import type { VehicleCheckedIn } from '../../domain/repair-order/repair-order.events';
import type { VehicleDelivered } from '../../domain/vehicle-sale/vehicle-sale.events';
import type { ProjectionDefinition } from '../shared/projection';

type AudienceEvent =
  VehicleDelivered | VehicleCheckedIn | MembershipEnrolled | MembershipReEnrolled | MembershipCancelled;

/** One customer of one dealer, as holiday greetings address them (docs/care.md, "Holiday greetings"). */
export type GreetingAudienceDoc = GreetingAudienceEntry & { dealerId: string };

export const greetingAudienceDocId = (dealerId: string, customerId: string): string =>
  `${dealerId}~${customerId}`;

const dealerOf = (event: AudienceEvent): string =>
  event.type === 'VehicleDelivered' || event.type === 'VehicleCheckedIn'
    ? event.data.dealerId
    : event.data.homeDealerId;

/** The earlier of two instants, so each date is the first fact's whatever order the facts arrive in. */
const earliest = (a: string | null, b: string): string =>
  a !== null && Date.parse(a) <= Date.parse(b) ? a : b;

/**
 * The customers of each dealer: buyers of its delivered sales and owners of its repair orders (from the
 * check-in), and the members whose home dealer it is. Each date is the earliest fact of its kind, so the
 * document is the same whatever order the history arrives in, and an event applied twice changes nothing.
 */
export const careGreetingAudienceProjection: ProjectionDefinition<AudienceEvent, GreetingAudienceDoc> = {
  name: 'care-greeting-audience',
  // 2: the membership as dated facts (a re-enrolment after a cancellation counts again).
  version: 2,
  collection: 'care_greeting_audience',
  indexes: [['dealerId', 'customerId'], ['customerId']],
  handles: [
    'VehicleDelivered',
    'VehicleCheckedIn',
    'MembershipEnrolled',
    'MembershipReEnrolled',
    'MembershipCancelled',
  ],
  documentIds: (event) => [greetingAudienceDocId(dealerOf(event), event.data.customerId)],
  apply: (doc, event) => {
    const base: GreetingAudienceDoc = doc ?? {
      dealerId: dealerOf(event),
      customerId: event.data.customerId,
      customerSince: null,
      membership: [],
    };
    switch (event.type) {
      case 'VehicleDelivered':
        return { ...base, customerSince: earliest(base.customerSince, event.data.deliveredAt) };
      case 'VehicleCheckedIn':
        return { ...base, customerSince: earliest(base.customerSince, event.data.checkedInAt) };
      case 'MembershipEnrolled':
        return { ...base, membership: withMembershipFact(base.membership, event.data.enrolledAt, true) };
      case 'MembershipReEnrolled':
        return { ...base, membership: withMembershipFact(base.membership, event.data.reEnrolledAt, true) };
      case 'MembershipCancelled':
        return { ...base, membership: withMembershipFact(base.membership, event.data.cancelledAt, false) };
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  },
};
