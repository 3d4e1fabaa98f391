import type { MembershipEvent } from '../../../src/domain/membership/membership.events';
import { clubMemberHistoryProjection } from '../../../src/projections/club-member-history/club-member-history.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(clubMemberHistoryProjection);
const home = { customerId: 'cu-1', homeDealerId: 'd-1' };
const enrolled: MembershipEvent = {
  type: 'MembershipEnrolled',
  data: {
    ...home,
    lapseClock: null,
    cardNumber: 'C-1',
    tier: 'silver',
    enrolledAt: '2026-01-05T02:00:00.000Z',
    ruleSetVersion: 'v1',
  },
};
const earned = (n: number, kind: 'repair-order' | 'club-activity', amount: number, earnedAt: string) =>
  ({
    type: 'PointsEarned',
    data: {
      ...home,
      lotId: `lot-${n}`,
      source: { kind, id: `src-${n}` },
      dealerId: 'd-1',
      spendFen: kind === 'repair-order' ? amount * 100 : null,
      tier: 'silver',
      ratePerRmb: kind === 'repair-order' ? 1 : null,
      amount,
      earnedAt,
      expiresAt: '2028-01-01T00:00:00.000Z',
      ruleSetVersion: 'v1',
      lapseClock: null,
    },
  }) as const satisfies MembershipEvent;

describe('club-member-history projection (GET /club/statistics)', () => {
  it('keeps paid visits, tier changes, the cancellation, and points issued and redeemed per CST month', () =>
    spec
      .given([enrolled])
      .when([
        earned(1, 'repair-order', 800, '2026-02-10T02:00:00.000Z'),
        // 31 Mar 17:00 UTC is 1 Apr 01:00 CST: an April point, and not a paid visit (an activity)
        earned(2, 'club-activity', 100, '2026-03-31T17:00:00.000Z'),
        {
          type: 'MembershipTierChanged',
          data: {
            ...home,
            from: 'silver',
            to: 'gold',
            lifetimePoints: 10_900,
            changedAt: '2026-04-02T02:00:00.000Z',
            ruleSetVersion: 'v1',
          },
        },
        {
          type: 'PointsRedeemed',
          data: {
            ...home,
            redemptionId: 'gift-r-1',
            purpose: 'gift',
            reward: 'g-1',
            amount: 300,
            draws: [{ lotId: 'lot-1', amount: 300, expiresAt: '2028-01-01T00:00:00.000Z' }],
            redeemedAt: '2026-04-03T02:00:00.000Z',
          },
        },
        {
          type: 'MembershipCancelled',
          data: {
            ...home,
            lapseClock: null,
            reason: 'moved',
            cancelledAt: '2026-05-01T02:00:00.000Z',
            forfeited: [],
            forfeitedPoints: 0,
          },
        },
      ])
      .then({
        'cu-1': {
          ...home,
          enrolledAt: '2026-01-05T02:00:00.000Z',
          cancelledAt: '2026-05-01T02:00:00.000Z',
          earlierPeriods: [],
          tiers: [
            { at: '2026-01-05T02:00:00.000Z', tier: 'silver' },
            { at: '2026-04-02T02:00:00.000Z', tier: 'gold' },
          ],
          paidVisits: ['2026-02-10T02:00:00.000Z'],
          // February: 800 issued; April (CST): 100 issued, 300 redeemed
          pointsByMonth: {
            '2026-02': { issued: 800, redeemed: 0 },
            '2026-04': { issued: 100, redeemed: 300 },
          },
        },
      }));

  it('starts a new period on a re-enrolment: the earlier one kept with its end, the tier back to silver', () =>
    spec
      .given([
        enrolled,
        {
          type: 'MembershipTierChanged',
          data: {
            ...home,
            from: 'silver',
            to: 'gold',
            lifetimePoints: 10_000,
            changedAt: '2026-02-01T02:00:00.000Z',
            ruleSetVersion: 'v1',
          },
        },
        {
          type: 'MembershipCancelled',
          data: {
            ...home,
            lapseClock: null,
            reason: 'moved',
            cancelledAt: '2026-05-01T02:00:00.000Z',
            forfeited: [],
            forfeitedPoints: 0,
          },
        },
      ])
      .when([
        {
          type: 'MembershipReEnrolled',
          data: {
            ...home,
            lapseClock: null,
            cardNumber: 'C-2',
            previousCardNumber: 'C-1',
            tier: 'silver',
            previousStatus: 'cancelled',
            endedAt: '2026-05-01T02:00:00.000Z',
            reEnrolledAt: '2026-09-01T02:00:00.000Z',
            ruleSetVersion: 'v1',
          },
        },
        earned(3, 'repair-order', 200, '2026-09-10T02:00:00.000Z'),
      ])
      .then({
        'cu-1': {
          ...home,
          enrolledAt: '2026-09-01T02:00:00.000Z',
          cancelledAt: null,
          earlierPeriods: [{ startedAt: '2026-01-05T02:00:00.000Z', endedAt: '2026-05-01T02:00:00.000Z' }],
          tiers: [
            { at: '2026-01-05T02:00:00.000Z', tier: 'silver' },
            { at: '2026-02-01T02:00:00.000Z', tier: 'gold' },
            { at: '2026-09-01T02:00:00.000Z', tier: 'silver' },
          ],
          paidVisits: ['2026-09-10T02:00:00.000Z'],
          pointsByMonth: { '2026-09': { issued: 200, redeemed: 0 } },
        },
      }));
});
