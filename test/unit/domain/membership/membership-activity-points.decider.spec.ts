import type { MembershipEvent } from '../../../../src/domain/membership/membership.events';
import { cmd, enrolled, home, spec } from './membership-fixtures';

const AT = '2026-06-10T11:00:00.000Z';
const source = { kind: 'club-activity' as const, id: 'a-1' };
const earnAttendance = (points: number) => cmd('EarnPoints', { source, dealerId: 'd-sh-01', points }, AT);

// A gold member: activity points are the activity's own number, never scaled by the tier's rate.
const gold: MembershipEvent = {
  type: 'MembershipTierChanged',
  data: {
    ...home,
    from: 'silver',
    to: 'gold',
    lifetimePoints: 10_000,
    changedAt: '2026-02-01T02:00:00.000Z',
    ruleSetVersion: 'loyalty-rules-v1',
  },
};
const earned: MembershipEvent = {
  type: 'PointsEarned',
  data: {
    ...home,
    lotId: 'lot-1',
    source,
    dealerId: 'd-sh-01',
    spendFen: null,
    tier: 'gold',
    ratePerRmb: null,
    amount: 100,
    earnedAt: AT,
    expiresAt: '2028-06-10T11:00:00.000Z', // 24 calendar months later
    ruleSetVersion: 'loyalty-rules-v1',
    lapseClock: null,
  },
};

describe('membership decider: points for attending a club activity', () => {
  it('earns the fixed 100 points as a lot with its 24-month expiry, not 100 × 1.5 for gold', () =>
    spec.given([enrolled, gold]).when(earnAttendance(100)).then([earned]));

  it('earns once per member and activity: a second earning for a-1 is refused', () =>
    spec
      .given([enrolled, gold, earned])
      .when(earnAttendance(100))
      .thenThrows('POINTS_ALREADY_EARNED', { customerId: 'cu-1', source: 'club-activity:a-1' }));

  it('another activity earns on its own', () => {
    const other = cmd(
      'EarnPoints',
      { source: { kind: 'club-activity', id: 'a-2' }, dealerId: 'd-sh-01', points: 50 },
      AT,
    );
    spec
      .given([enrolled, earned])
      .when(other)
      .then([
        {
          type: 'PointsEarned',
          data: {
            ...(earned.data as object),
            lotId: 'lot-2',
            source: { kind: 'club-activity', id: 'a-2' },
            tier: 'silver',
            amount: 50,
          },
        } as MembershipEvent,
      ]);
  });
});
