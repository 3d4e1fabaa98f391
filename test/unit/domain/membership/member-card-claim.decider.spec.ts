import {
  memberCardClaimDecider,
  memberCardStreamId,
} from '../../../../src/domain/membership/member-card-claim';
import { deciderSpecification } from '../../../support/decider-specification';

const spec = deciderSpecification(memberCardClaimDecider);
const claim = (customerId: string) => ({
  type: 'ClaimMemberCard' as const,
  data: { cardNumber: 'SH01-000457', customerId, homeDealerId: 'd-sh-01' },
  metadata: {
    now: '2026-05-01T02:00:00.000Z',
    actor: { userId: 'cs-wang', role: 'customer-service', dealerId: 'd-sh-01' },
  },
});
const claimed = {
  type: 'MemberCardClaimed' as const,
  data: {
    cardNumber: 'SH01-000457',
    customerId: 'cu-1',
    homeDealerId: 'd-sh-01',
    claimedAt: '2026-05-01T02:00:00.000Z',
  },
};

describe('member card claim', () => {
  it('gives a free number to the member who first takes it', () => {
    spec.given([]).when(claim('cu-1')).then([claimed]);
    expect(memberCardStreamId('SH01-000457')).toBe('clubcard-SH01-000457');
  });

  it("changes nothing for the card's own member again, and refuses every other member", () => {
    spec.given([claimed]).when(claim('cu-1')).then([]);
    spec.given([claimed]).when(claim('cu-2')).thenThrows('MEMBER_CARD_IN_USE');
  });
});
