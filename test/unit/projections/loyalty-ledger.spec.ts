import type { MembershipEvent } from '../../../src/domain/membership/membership.events';
import { loyaltyLedgerProjection } from '../../../src/projections/loyalty-ledger/loyalty-ledger.projection';
import { projectionSpec } from '../../support/projection-spec';

/** One line per event, keyed by the event id: the spec numbers events `event-1`, `event-2`… in order. */
const spec = projectionSpec(loyaltyLedgerProjection);

const home = { customerId: 'cu-1', homeDealerId: 'd-1' };
const step = (event: MembershipEvent) => event;

const enrolled = step({
  type: 'MembershipEnrolled',
  data: {
    ...home,
    lapseClock: null,
    cardNumber: 'C-0001',
    tier: 'silver',
    enrolledAt: '2026-01-01T02:00:00.000Z',
    ruleSetVersion: 'loyalty-rules-v1',
  },
});
const earned = step({
  type: 'PointsEarned',
  data: {
    ...home,
    lotId: 'lot-1',
    source: { kind: 'repair-order', id: 'ro-1' },
    dealerId: 'd-2',
    spendFen: 50_000,
    tier: 'silver',
    ratePerRmb: 1,
    amount: 500,
    earnedAt: '2026-02-10T02:00:00.000Z',
    expiresAt: '2028-02-10T02:00:00.000Z',
    ruleSetVersion: 'loyalty-rules-v1',
    lapseClock: null,
  },
});
const lot1 = (amount: number) => ({ lotId: 'lot-1', amount, expiresAt: '2028-02-10T02:00:00.000Z' });

const line = {
  customerId: 'cu-1',
  homeDealerId: 'd-1',
  lotId: null,
  draws: [],
  source: null,
  detail: null,
  withdrawn: false,
  // A fact's line; the clock's lines (expiry, lapse) come first among the lines of one instant.
  sameInstantOrder: 1 as const,
};

describe('loyalty-ledger projection', () => {
  it('writes one signed line per points movement, in event order', () =>
    spec
      .given([enrolled, earned])
      .when([
        step({
          type: 'PointsRedeemed',
          data: {
            ...home,
            redemptionId: 'r-1',
            purpose: 'gift',
            reward: 'umbrella',
            amount: 120,
            draws: [lot1(120)],
            redeemedAt: '2026-02-20T02:00:00.000Z',
          },
        }),
        step({
          type: 'PointsAdjusted',
          data: {
            ...home,
            adjustmentId: 'a-1',
            delta: -30,
            reason: 'duplicate earning',
            actorId: 'u-club-1',
            adjustedAt: '2026-02-21T02:00:00.000Z',
            lotId: null,
            expiresAt: null,
            draws: [lot1(30)],
          },
        }),
        step({
          type: 'PointsAdjusted',
          data: {
            ...home,
            adjustmentId: 'a-2',
            delta: 50,
            reason: 'goodwill',
            actorId: 'u-club-1',
            adjustedAt: '2026-02-22T02:00:00.000Z',
            lotId: 'adj-a-2',
            expiresAt: '2026-08-22T02:00:00.000Z',
            draws: [],
          },
        }),
        {
          // The sweep records it after the instant it took effect.
          ...step({
            type: 'PointsExpired',
            data: { ...home, lotId: 'adj-a-2', amount: 50, expiresAt: '2026-08-22T02:00:00.000Z' },
          }),
          occurredAt: '2026-08-22T03:00:00.000Z',
        },
      ])
      .then({
        // event-1, the enrolment, moves no points.
        'event-2': {
          ...line,
          entryId: 'event-2',
          kind: 'earned',
          points: 500,
          at: '2026-02-10T02:00:00.000Z',
          lotId: 'lot-1',
          source: { kind: 'repair-order', id: 'ro-1' },
          position: 2,
        },
        'event-3': {
          ...line,
          entryId: 'event-3',
          kind: 'redeemed',
          points: -120,
          at: '2026-02-20T02:00:00.000Z',
          draws: [lot1(120)],
          detail: 'gift: umbrella',
          position: 3,
        },
        'event-4': {
          ...line,
          entryId: 'event-4',
          kind: 'adjusted',
          points: -30,
          at: '2026-02-21T02:00:00.000Z',
          draws: [lot1(30)],
          detail: 'duplicate earning',
          position: 4,
        },
        'event-5': {
          ...line,
          entryId: 'event-5',
          kind: 'adjusted',
          points: 50,
          at: '2026-02-22T02:00:00.000Z',
          lotId: 'adj-a-2',
          detail: 'goodwill',
          position: 5,
        },
        // A line of the clock is named by its decision, so a withdrawal and a new sweep find it.
        'cu-1:expired:adj-a-2': {
          ...line,
          entryId: 'cu-1:expired:adj-a-2',
          kind: 'expired',
          points: -50,
          at: '2026-08-22T02:00:00.000Z',
          lotId: 'adj-a-2',
          position: 6,
          sameInstantOrder: 0,
        },
      }));

  it('forfeits what is left at a lapse or a cancellation, with the reason', () => {
    spec
      .given([enrolled, earned])
      .when([
        step({
          type: 'MembershipLapsed',
          data: {
            ...home,
            lastPaidVisitAt: '2026-02-10T02:00:00.000Z',
            lapsedAt: '2027-08-10T02:00:00.000Z',
            forfeited: [lot1(500)],
            forfeitedPoints: 500,
          },
        }),
      ])
      .thenMatches({
        'cu-1:lapsed:2027-08-10T02:00:00.000Z': {
          kind: 'forfeited',
          points: -500,
          at: '2027-08-10T02:00:00.000Z',
          draws: [lot1(500)],
          detail: 'lapsed',
          sameInstantOrder: 0,
        },
      });
    spec
      .given([enrolled, earned])
      .when([
        step({
          type: 'MembershipCancelled',
          data: {
            ...home,
            lapseClock: null,
            reason: 'moved abroad',
            cancelledAt: '2026-06-01T02:00:00.000Z',
            forfeited: [lot1(500)],
            forfeitedPoints: 500,
          },
        }),
      ])
      .thenMatches({
        'event-3': {
          kind: 'forfeited',
          points: -500,
          at: '2026-06-01T02:00:00.000Z',
          detail: 'cancelled: moved abroad',
          sameInstantOrder: 1,
        },
      });
  });

  it('writes no line for enrolment, tiers or vouchers', () =>
    spec
      .given([enrolled, earned])
      .when([
        step({
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
        }),
        step({
          type: 'MembershipTierChanged',
          data: {
            ...home,
            from: 'silver',
            to: 'gold',
            lifetimePoints: 10_000,
            changedAt: '2026-03-01T02:00:00.000Z',
            ruleSetVersion: 'loyalty-rules-v1',
          },
        }),
      ])
      .thenNothingChanges());
});
