import {
  type ClaimMemberCard,
  MEMBER_CARD_CLAIM_EVENT_TYPES,
  type MemberCardClaimed,
  memberCardClaimDecider,
  type MemberCardClaimState,
  memberCardStreamId,
} from '../../domain/membership/member-card-claim';
import type { Feature } from '../shared/feature';

/** The card-number index a membership claims before it takes a card, so one number names one member. */
export const memberCardClaimFeature: Feature<MemberCardClaimState, ClaimMemberCard, MemberCardClaimed> = {
  name: 'member-card-claim',
  category: 'clubcard',
  decider: memberCardClaimDecider,
  streamOf: ({ cardNumber }) => memberCardStreamId(cardNumber),
  eventTypes: MEMBER_CARD_CLAIM_EVENT_TYPES,
  // The member's home dealer: a desk of another dealer cannot take a card number in its name.
  scope: (_state, command) => ({ dealerId: command.data.homeDealerId }),
  // Two members taking one number at once: the loser is decided again and told whose it is not.
  decidesAgainAfterLostRace: true,
};
