import type { SpecEvent } from '../../support/projection-spec';
import { projectionSpec } from '../../support/projection-spec';
import { careTasksProjection } from '../../../src/projections/care-tasks/care-tasks.projection';

const spec = projectionSpec(careTasksProjection);
const home = { customerId: 'cu-7', homeDealerId: 'd-1' };
const stream = 'membership-cu-7';

// Lot 1: 300 points of a paid visit at 10 Apr 2026 10:00 CST (02:00Z), expiring 24 months later on
// 10 Apr 2028 10:00 CST. Lot 2: 200 points on 25 Apr 2026, expiring 25 Apr 2028: the same CST month 2028-04.
const earned = (lotId: string, amount: number, earnedAt: string, expiresAt: string): SpecEvent => ({
  type: 'PointsEarned',
  streamId: stream,
  data: {
    ...home,
    lotId,
    source: { kind: 'repair-order', id: `ro-${lotId}` },
    dealerId: 'd-2',
    spendFen: amount * 100,
    tier: 'silver',
    ratePerRmb: 1,
    amount,
    earnedAt,
    expiresAt,
    ruleSetVersion: 'loyalty-rules-v1',
    lapseClock: null,
  },
});
const lot1 = earned('lot-1', 300, '2026-04-10T02:00:00.000Z', '2028-04-10T02:00:00.000Z');
const lot2 = earned('lot-2', 200, '2026-04-25T02:00:00.000Z', '2028-04-25T02:00:00.000Z');
// Lot 3: 80 points on 3 May 2026, expiring in May 2028: another month, another task.
const lot3 = earned('lot-3', 80, '2026-05-03T02:00:00.000Z', '2028-05-03T02:00:00.000Z');
const redeemed = (id: string, at: string, draws: { lotId: string; amount: number; expiresAt: string }[]) =>
  ({
    type: 'PointsRedeemed',
    streamId: stream,
    data: {
      ...home,
      redemptionId: id,
      purpose: 'gift',
      reward: 'umbrella',
      amount: draws.reduce((sum, draw) => sum + draw.amount, 0),
      draws,
      redeemedAt: at,
    },
  }) as SpecEvent;
const april = 'pointsexpiry-cu-7-202804';

describe('care-tasks projection: member reminders (points expiry)', () => {
  it('one task per membership and CST month of expiry, for the home dealer, before anyone works it', () => {
    // April 2028: first expiry 10 Apr 2028 02:00Z − 30 days = 11 Mar 2028 02:00Z (March has 31 days:
    // 10 Apr → 10 Mar is 31 days, so 30 days back is 11 Mar); opened at the first earning, 10 Apr 2026.
    // May 2028: 3 May 2028 02:00Z − 30 days = 3 Apr 2028 02:00Z (April has 30 days).
    spec.when([lot1, lot2, lot3]).thenMatches({
      [april]: {
        kind: 'pointsexpiry',
        recordId: 'cu-7-202804',
        dealerId: 'd-1',
        customerId: 'cu-7',
        role: 'customer-service',
        openedAt: '2026-04-10T02:00:00.000Z',
        dueAt: '2028-03-11T02:00:00.000Z',
        dueMonth: '2028-03',
        status: 'open',
        supersededAt: null,
        vin: null,
      },
      'pointsexpiry-cu-7-202805': {
        dealerId: 'd-1',
        dueAt: '2028-04-03T02:00:00.000Z',
        status: 'open',
      },
    });
  });

  it('a redemption leaving some of the month does not close it; the one leaving none supersedes it', () => {
    // 500 earned in April 2028's lots; 300 drawn on 1 Dec 2026 (lot 1): 200 left, still open.
    const first = redeemed('rd-1', '2026-12-01T02:00:00.000Z', [
      { lotId: 'lot-1', amount: 300, expiresAt: '2028-04-10T02:00:00.000Z' },
    ]);
    spec.when([lot1, lot2, lot3, first]).thenMatches({ [april]: { status: 'open', supersededAt: null } });
    // Then 200 + 30 drawn on 2 Jan 2027 (lot 2 and 30 of lot 3, May's): April has none left, closed as
    // cancelled from 2 Jan 2027; May keeps 50 of 80 and stays open.
    const second = redeemed('rd-2', '2027-01-02T02:00:00.000Z', [
      { lotId: 'lot-2', amount: 200, expiresAt: '2028-04-25T02:00:00.000Z' },
      { lotId: 'lot-3', amount: 30, expiresAt: '2028-05-03T02:00:00.000Z' },
    ]);
    spec.when([lot1, lot2, lot3, first, second]).thenMatches({
      [april]: {
        status: 'cancelled',
        closedAt: '2027-01-02T02:00:00.000Z',
        supersededAt: '2027-01-02T02:00:00.000Z',
      },
      'pointsexpiry-cu-7-202805': { status: 'open', supersededAt: null },
    });
  });

  it('the expiry that takes the last points does not supersede it (it stays due, open until worked); nor does its withdrawal change that', () => {
    const expired: SpecEvent = {
      type: 'PointsExpired',
      streamId: stream,
      data: { ...home, lotId: 'lot-1', amount: 300, expiresAt: '2028-04-10T02:00:00.000Z' },
    };
    spec.when([lot1, expired]).thenMatches({ [april]: { status: 'open', supersededAt: null } });
    const withdrawn: SpecEvent = {
      type: 'MembershipDecisionsWithdrawn',
      streamId: stream,
      occurredAt: '2028-04-11T00:00:00.000Z',
      data: {
        ...home,
        lateFactAt: '2028-04-01T00:00:00.000Z',
        decisions: [{ kind: 'points-expired', at: '2028-04-10T02:00:00.000Z', lotId: 'lot-1', amount: 300 }],
      },
    };
    spec.when([lot1, expired, withdrawn]).thenMatches({ [april]: { status: 'open', supersededAt: null } });
  });

  it('an attempt on the task completes it; the membership facts keep its due date', () => {
    const reached: SpecEvent = {
      type: 'CareTaskAttemptRecorded',
      streamId: `caretask-${april}`,
      data: {
        taskId: april,
        dealerId: 'd-1',
        outcome: 'reached',
        note: null,
        callerId: 'cs-wang',
        attemptedAt: '2028-03-12T02:00:00.000Z',
      },
    };
    spec.when([lot1, reached, lot2]).thenMatches({
      [april]: {
        status: 'completed',
        closedAt: '2028-03-12T02:00:00.000Z',
        dueAt: '2028-03-11T02:00:00.000Z',
        callerId: 'cs-wang',
      },
    });
  });

  it('the same tasks whatever order the membership facts are projected in', () => {
    const first = redeemed('rd-1', '2026-12-01T02:00:00.000Z', [
      { lotId: 'lot-1', amount: 300, expiresAt: '2028-04-10T02:00:00.000Z' },
    ]);
    const second = redeemed('rd-2', '2027-01-02T02:00:00.000Z', [
      { lotId: 'lot-2', amount: 200, expiresAt: '2028-04-25T02:00:00.000Z' },
    ]);
    // Superseded at the later redemption (2 Jan 2027) however the two arrive.
    const expected = { [april]: { status: 'cancelled', supersededAt: '2027-01-02T02:00:00.000Z' } } as const;
    spec.when([lot1, lot2, first, second]).thenMatches(expected);
    spec.when([lot2, second, lot1, first]).thenMatches(expected);
    spec.when([second, first, lot2, lot1]).thenMatches(expected);
  });
});
