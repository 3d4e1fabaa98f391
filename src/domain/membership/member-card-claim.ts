import { DomainError } from '../shared/domain-error';
import type { Command, Decider, Event } from '../shared/event';

/**
 * One stream per club card number, claimed with the member's first use of it (enrolment, a replacement
 * card, a re-enrolment): the event store itself makes "a card number names one member" race-free, where
 * the card read model would lag. A card is never handed to another member, not even once it is blocked or
 * replaced: the number stays printed on a card that member may still show.
 */
export type MemberCardClaimed = Event<
  'MemberCardClaimed',
  { cardNumber: string; customerId: string; homeDealerId: string; claimedAt: string }
>;
export type ClaimMemberCard = Command<
  'ClaimMemberCard',
  { cardNumber: string; customerId: string; homeDealerId: string }
>;
export type MemberCardClaimState =
  Readonly<{ status: 'free' }> | Readonly<{ status: 'claimed'; customerId: string }>;

export const MEMBER_CARD_CLAIM_EVENT_TYPES = { MemberCardClaimed: 1 } as const satisfies Record<
  MemberCardClaimed['type'],
  number
>;

/** The card number belongs to another member: give this member a card of their own. */
export class MemberCardInUse extends DomainError {
  constructor(cardNumber: string) {
    super(
      'MEMBER_CARD_IN_USE',
      'already-exists',
      `card ${cardNumber} belongs to another member of the club: issue this member a card of their own`,
      { cardNumber },
    );
  }
}

/** A claim by the card's own member again (a retry, a re-enrolment on it) changes nothing. */
export const memberCardClaimDecider: Decider<MemberCardClaimState, ClaimMemberCard, MemberCardClaimed> = {
  initialState: () => ({ status: 'free' }),
  evolve: (_state, event) => ({ status: 'claimed', customerId: event.data.customerId }),
  decide: (command, state) => {
    if (state.status === 'claimed') {
      if (state.customerId === command.data.customerId) return [];
      throw new MemberCardInUse(command.data.cardNumber);
    }
    return [{ type: 'MemberCardClaimed', data: { ...command.data, claimedAt: command.metadata.now } }];
  },
};

export const memberCardStreamId = (cardNumber: string): string => `clubcard-${cardNumber}`;
