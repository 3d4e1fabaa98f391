import { memberCardsProjection } from '../../../src/projections/member-cards/member-cards.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(memberCardsProjection);
const home = { customerId: 'cu-1', homeDealerId: 'd-1' };
const T0 = '2026-01-05T02:00:00.000Z';
const T1 = '2026-02-01T02:00:00.000Z';
const T2 = '2026-03-01T02:00:00.000Z';

describe('member-cards projection (GET /club/members/by-card/{number})', () => {
  it('files the enrolment card, then the replacement; the old card is replaced, the new one later blocked', () =>
    spec
      .when([
        {
          type: 'MembershipEnrolled',
          data: {
            ...home,
            cardNumber: 'C-1',
            tier: 'silver',
            enrolledAt: T0,
            ruleSetVersion: 'v1',
            lapseClock: null,
          },
        },
        {
          type: 'MemberCardReplaced',
          data: { ...home, previousCardNumber: 'C-1', cardNumber: 'C-2', reason: 'lost', replacedAt: T1 },
        },
        { type: 'MemberCardBlocked', data: { ...home, cardNumber: 'C-2', reason: 'stolen', blockedAt: T2 } },
      ])
      .then({
        'C-1': {
          cardNumber: 'C-1',
          customerId: 'cu-1',
          dealerId: 'd-1',
          status: 'replaced',
          issuedAt: T0,
          endedAt: T1,
          replacedBy: 'C-2',
        },
        'C-2': {
          cardNumber: 'C-2',
          customerId: 'cu-1',
          dealerId: 'd-1',
          status: 'blocked',
          issuedAt: T1,
          endedAt: T2,
          replacedBy: null,
        },
      }));

  it('files the card of a re-enrolment: the old card replaced by it from the re-enrolment', () =>
    spec
      .when([
        {
          type: 'MembershipEnrolled',
          data: {
            ...home,
            cardNumber: 'C-1',
            tier: 'silver',
            enrolledAt: T0,
            ruleSetVersion: 'v1',
            lapseClock: null,
          },
        },
        {
          type: 'MembershipReEnrolled',
          data: {
            ...home,
            lapseClock: null,
            cardNumber: 'C-5',
            previousCardNumber: 'C-1',
            tier: 'silver',
            previousStatus: 'lapsed',
            endedAt: T1,
            reEnrolledAt: T2,
            ruleSetVersion: 'v1',
          },
        },
      ])
      .then({
        'C-1': {
          cardNumber: 'C-1',
          customerId: 'cu-1',
          dealerId: 'd-1',
          status: 'replaced',
          issuedAt: T0,
          endedAt: T2,
          replacedBy: 'C-5',
        },
        'C-5': {
          cardNumber: 'C-5',
          customerId: 'cu-1',
          dealerId: 'd-1',
          status: 'active',
          issuedAt: T2,
          endedAt: null,
          replacedBy: null,
        },
      }));
});
