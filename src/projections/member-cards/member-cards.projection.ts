import type { MembershipEvent } from '../../domain/membership/membership.events';
import type { Envelope, ProjectionDefinition } from '../shared/projection';

type Handled = Extract<
  MembershipEvent,
  { type: 'MembershipEnrolled' | 'MembershipReEnrolled' | 'MemberCardReplaced' | 'MemberCardBlocked' }
>;

/** One club card by its number: whose it is and whether it still works. */
export type MemberCard = {
  cardNumber: string;
  customerId: string;
  /** The member's home dealer: the card's tenancy. */
  dealerId: string;
  /** `replaced` cards are blocked too; only an `active` card identifies a member at the desk. */
  status: 'active' | 'blocked' | 'replaced';
  issuedAt: string;
  /** When it was blocked or replaced. */
  endedAt: string | null;
  replacedBy: string | null;
};

const issued = (cardNumber: string, customerId: string, dealerId: string, at: string): MemberCard => ({
  cardNumber,
  customerId,
  dealerId,
  status: 'active',
  issuedAt: at,
  endedAt: null,
  replacedBy: null,
});

export const memberCardsProjection: ProjectionDefinition<Handled, MemberCard> = {
  name: 'member-cards',
  version: 1,
  collection: 'member_cards',
  indexes: [['customerId']],
  handles: ['MembershipEnrolled', 'MembershipReEnrolled', 'MemberCardReplaced', 'MemberCardBlocked'],
  documentIds: (event: Envelope<Handled>) =>
    event.type === 'MemberCardReplaced' || event.type === 'MembershipReEnrolled'
      ? [event.data.previousCardNumber, event.data.cardNumber]
      : [event.data.cardNumber],
  apply: (doc, event, id) => {
    const { customerId, homeDealerId } = event.data;
    switch (event.type) {
      case 'MembershipEnrolled':
        return issued(id, customerId, homeDealerId, event.data.enrolledAt);
      case 'MemberCardReplaced':
      case 'MembershipReEnrolled': {
        // A re-enrolment issues a new card as a replacement does: the old one stops identifying the member.
        const at = event.type === 'MemberCardReplaced' ? event.data.replacedAt : event.data.reEnrolledAt;
        if (id === event.data.cardNumber) return issued(id, customerId, homeDealerId, at);
        const old = doc ?? issued(id, customerId, homeDealerId, at);
        return { ...old, status: 'replaced', endedAt: old.endedAt ?? at, replacedBy: event.data.cardNumber };
      }
      case 'MemberCardBlocked': {
        const old = doc ?? issued(id, customerId, homeDealerId, event.data.blockedAt);
        return { ...old, status: 'blocked', endedAt: event.data.blockedAt };
      }
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  },
};
