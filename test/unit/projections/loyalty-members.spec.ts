import type {
  MembershipEvent,
  MembershipEnrolled,
  PointsEarned,
} from '../../../src/domain/membership/membership.events';
import type { PrivacyEvent } from '../../../src/domain/privacy/privacy.events';
import {
  type LoyaltyMember,
  loyaltyMembersProjection,
} from '../../../src/projections/loyalty-members/loyalty-members.projection';
import { projectionSpec } from '../../support/projection-spec';

/** Lapse after 18 months without a paid visit (DEFAULT_LOYALTY_RULES), counted in Shanghai's calendar. */
const spec = projectionSpec(loyaltyMembersProjection);

const home = { customerId: 'cu-1', homeDealerId: 'd-1' };
const step = (event: MembershipEvent) => event;

const enrolled = (enrolledAt = '2026-01-01T02:00:00.000Z'): MembershipEnrolled => ({
  type: 'MembershipEnrolled',
  data: {
    ...home,
    cardNumber: 'C-0001',
    tier: 'silver',
    enrolledAt,
    ruleSetVersion: 'loyalty-rules-v1',
    lapseClock: null,
  },
});

const earned = (
  lot: number,
  amount: number,
  earnedAt: string,
  expiresAt: string,
  kind: 'repair-order' | 'vehicle-sale' = 'repair-order',
): PointsEarned => ({
  type: 'PointsEarned',
  data: {
    ...home,
    lapseClock: null,
    lotId: `lot-${lot}`,
    source: { kind, id: `${kind}-${lot}` },
    dealerId: 'd-1',
    spendFen: kind === 'repair-order' ? amount * 100 : null,
    tier: 'silver',
    ratePerRmb: kind === 'repair-order' ? 1 : null,
    amount,
    earnedAt,
    expiresAt,
    ruleSetVersion: 'loyalty-rules-v1',
  },
});

/** 10,000 points make the member gold; no paid visit after 10 Feb 2026: lapsed 18 months on. */
const goldThenLapsed: MembershipEvent[] = [
  step({
    type: 'MembershipTierChanged',
    data: {
      ...home,
      from: 'silver',
      to: 'gold',
      lifetimePoints: 10_000,
      changedAt: '2026-02-10T02:00:00.000Z',
      ruleSetVersion: 'loyalty-rules-v1',
    },
  }),
  step({
    type: 'MembershipLapsed',
    data: {
      ...home,
      lastPaidVisitAt: '2026-02-10T02:00:00.000Z',
      lapsedAt: '2027-08-10T02:00:00.000Z',
      forfeited: [{ lotId: 'lot-1', amount: 10_000, expiresAt: '2028-02-10T02:00:00.000Z' }],
      forfeitedPoints: 10_000,
    },
  }),
];

describe('loyalty-members projection', () => {
  it('enrols a member whose lapse clock runs from enrolment', () => {
    const expected: LoyaltyMember = {
      customerId: 'cu-1',
      cardNumber: 'C-0001',
      homeDealerId: 'd-1',
      status: 'active',
      tier: 'silver',
      lifetimePoints: 0,
      outstandingPoints: 0,
      enrolledAt: '2026-01-01T02:00:00.000Z',
      lastPaidVisitAt: null,
      // 1 January 2026 10:00 in Shanghai + 18 months
      lapseDueAt: '2027-07-01T02:00:00.000Z',
      nextDueAt: '2027-07-01T02:00:00.000Z',
      vouchers: [],
      state: {
        status: 'active',
        ...home,
        cardNumber: 'C-0001',
        cardBlocked: false,
        previousCardNumbers: [],
        enrolledAt: '2026-01-01T02:00:00.000Z',
        tier: 'silver',
        lifetimePoints: 0,
        lots: [],
        vouchers: [],
        earnedSources: [],
        redemptionIds: [],
        adjustmentIds: [],
        lastPaidVisitAt: null,
        restatedLapseAt: null,
        lotsIssued: 0,
        endedAt: null,
        lastFactAt: '2026-01-01T02:00:00.000Z',
        birthday: null,
        birthdayReminders: [],
        automatic: [],
      },
      birthday: null,
      birthdayReminderYears: [],
      revision: 0,
      updatedAt: '2026-01-01T02:00:00.000Z',
    };
    spec.when([enrolled()]).then({ 'cu-1': expected });
  });

  it('puts the lapse on the last day of a shorter month', () =>
    // 31 August 2026 + 18 months is February 2028, a leap year: the 29th.
    spec
      .when([enrolled('2026-08-31T02:00:00.000Z')])
      .thenMatches({ 'cu-1': { lapseDueAt: '2028-02-29T02:00:00.000Z' } }));

  it('restarts the lapse clock at a paid visit, not at a purchase bonus', () =>
    spec
      .given([enrolled()])
      .when([
        earned(1, 500, '2026-02-10T02:00:00.000Z', '2028-02-10T02:00:00.000Z'),
        earned(2, 1_000, '2026-03-10T02:00:00.000Z', '2028-03-10T02:00:00.000Z', 'vehicle-sale'),
      ])
      .thenMatches({
        'cu-1': {
          lifetimePoints: 1_500,
          outstandingPoints: 1_500,
          lastPaidVisitAt: '2026-02-10T02:00:00.000Z',
          lapseDueAt: '2027-08-10T02:00:00.000Z',
          // The lapse comes before either lot expires.
          nextDueAt: '2027-08-10T02:00:00.000Z',
          revision: 2,
        },
      }));

  it('spends points, and a voucher still to be used is the next thing due', () => {
    const voucherIssued = step({
      type: 'VoucherIssued',
      data: {
        ...home,
        voucherCode: 'V-1',
        redemptionId: 'r-1',
        pointsCost: 200,
        valueFen: 2_000,
        issuedAt: '2026-02-11T02:00:00.000Z',
        expiresAt: '2026-08-11T02:00:00.000Z',
      },
    });
    const redeemed = step({
      type: 'PointsRedeemed',
      data: {
        ...home,
        redemptionId: 'r-1',
        purpose: 'voucher',
        reward: 'V-1',
        amount: 200,
        draws: [{ lotId: 'lot-1', amount: 200, expiresAt: '2028-02-10T02:00:00.000Z' }],
        redeemedAt: '2026-02-11T02:00:00.000Z',
      },
    });
    const history = [enrolled(), earned(1, 500, '2026-02-10T02:00:00.000Z', '2028-02-10T02:00:00.000Z')];
    spec
      .given(history)
      .when([redeemed, voucherIssued])
      .thenMatches({
        'cu-1': {
          lifetimePoints: 500,
          outstandingPoints: 300,
          nextDueAt: '2026-08-11T02:00:00.000Z',
          vouchers: [{ voucherCode: 'V-1', status: 'issued', repairOrderId: null }],
        },
      });
    spec
      .given([...history, redeemed, voucherIssued])
      .when([
        step({
          type: 'VoucherRedeemed',
          data: {
            ...home,
            voucherCode: 'V-1',
            repairOrderId: 'ro-7',
            dealerId: 'd-1',
            valueFen: 2_000,
            redeemedAt: '2026-03-01T02:00:00.000Z',
          },
        }),
      ])
      .thenMatches({
        'cu-1': {
          vouchers: [{ voucherCode: 'V-1', status: 'redeemed', repairOrderId: 'ro-7' }],
          nextDueAt: '2027-08-10T02:00:00.000Z',
        },
      });
  });

  it('changes tier, and a lapse forfeits the points and stops the lapse clock', () =>
    spec
      .given([enrolled(), earned(1, 10_000, '2026-02-10T02:00:00.000Z', '2028-02-10T02:00:00.000Z')])
      .when(goldThenLapsed)
      .thenMatches({
        'cu-1': {
          status: 'lapsed',
          tier: 'gold',
          lifetimePoints: 10_000,
          outstandingPoints: 0,
          lapseDueAt: null,
          nextDueAt: null,
          state: { endedAt: '2027-08-10T02:00:00.000Z', lots: [] },
        },
      }));

  it('re-enrols a lapsed member: active again, silver, no points, a new card, the lapse clock from the re-enrolment', () =>
    spec
      .given([
        enrolled(),
        earned(1, 10_000, '2026-02-10T02:00:00.000Z', '2028-02-10T02:00:00.000Z'),
        ...goldThenLapsed,
      ])
      .when([
        step({
          type: 'MembershipReEnrolled',
          data: {
            ...home,
            lapseClock: null,
            cardNumber: 'C-0002',
            previousCardNumber: 'C-0001',
            tier: 'silver',
            previousStatus: 'lapsed',
            endedAt: '2027-08-10T02:00:00.000Z',
            reEnrolledAt: '2027-09-20T02:00:00.000Z',
            ruleSetVersion: 'loyalty-rules-v1',
          },
        }),
      ])
      .thenMatches({
        'cu-1': {
          status: 'active',
          cardNumber: 'C-0002',
          tier: 'silver',
          lifetimePoints: 0,
          outstandingPoints: 0,
          enrolledAt: '2027-09-20T02:00:00.000Z',
          lastPaidVisitAt: null,
          // 20 September 2027 10:00 CST + 18 months
          lapseDueAt: '2029-03-20T02:00:00.000Z',
          nextDueAt: '2029-03-20T02:00:00.000Z',
          state: { previousCardNumbers: ['C-0001'], endedAt: null },
        },
      }));

  it('ignores the forgetting of the member: the card holds no personal data', () => {
    const forgotten: PrivacyEvent = {
      type: 'CustomerForgotten',
      data: {
        customerId: 'cu-1',
        reason: 'erasure request',
        requestReference: 'REQ-1',
        forgottenAt: '2026-05-01T02:00:00.000Z',
      },
    };
    spec.given([enrolled()]).when([forgotten]).thenNothingChanges();
  });

  it('refuses points before enrolment', () =>
    spec
      .when([earned(1, 500, '2026-02-10T02:00:00.000Z', '2028-02-10T02:00:00.000Z')])
      .thenThrows('membership cu-1: PointsEarned before enrolment'));
});
