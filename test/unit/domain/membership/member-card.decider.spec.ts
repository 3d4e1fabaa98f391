import type { MembershipEvent } from '../../../../src/domain/membership/membership.events';
import { cmd, enrolled, home, spec } from './membership-fixtures';

const T = '2026-02-01T02:00:00.000Z';
const replaced: MembershipEvent = {
  type: 'MemberCardReplaced',
  data: { ...home, previousCardNumber: 'C-0001', cardNumber: 'C-0002', reason: 'lost', replacedAt: T },
};
const blocked: MembershipEvent = {
  type: 'MemberCardBlocked',
  data: { ...home, cardNumber: 'C-0001', reason: 'stolen', blockedAt: T },
};

describe('membership decider: the member card', () => {
  it('replaces the card with a new number; the old one is blocked by the same event', () =>
    spec
      .given([enrolled])
      .when(cmd('ReplaceMemberCard', { cardNumber: 'C-0002', reason: 'lost' }, T))
      .then([replaced]));

  it('refuses a number that is or was the member card', () => {
    spec
      .given([enrolled])
      .when(cmd('ReplaceMemberCard', { cardNumber: 'C-0001', reason: 'lost' }, T))
      .thenThrows('MEMBER_CARD_NUMBER_USED');
    spec
      .given([enrolled, replaced])
      .when(cmd('ReplaceMemberCard', { cardNumber: 'C-0001', reason: 'found again' }, T))
      .thenThrows('MEMBER_CARD_NUMBER_USED');
  });

  it('blocks the current card once; a blocked card can then be replaced', () => {
    spec
      .given([enrolled])
      .when(cmd('BlockMemberCard', { reason: 'stolen' }, T))
      .then([blocked]);
    spec
      .given([enrolled, blocked])
      .when(cmd('BlockMemberCard', { reason: 'again' }, T))
      .thenThrows('MEMBER_CARD_BLOCKED');
    spec
      .given([enrolled, blocked])
      .when(cmd('ReplaceMemberCard', { cardNumber: 'C-0002', reason: 'lost' }, T))
      .then([replaced]);
  });
});
