import {
  expiryMonthOf,
  foldPointsExpiry,
  noPointsExpiryFacts,
  parsePointsExpiryRecordId,
  pointsExpiryMonthsOf,
  pointsExpiryReminder,
} from '../../../../src/domain/care-task/member-reminders';
import {
  foldLapseWarning,
  lapseWarning,
  lapseWarningRecordIdsOf,
  lapseWarningReminder,
  noLapseWarningFacts,
  parseLapseWarningRecordId,
} from '../../../../src/domain/care-task/lapse-warnings';
import { DEFAULT_LOYALTY_RULES } from '../../../../src/domain/membership/loyalty-rules';
import type { MembershipEvent } from '../../../../src/domain/membership/membership.events';

const home = { customerId: 'cus-1', homeDealerId: 'dlr-1' };
const earned = (lotId: string, amount: number, earnedAt: string, expiresAt: string): MembershipEvent => ({
  type: 'PointsEarned',
  data: {
    ...home,
    lotId,
    source: { kind: 'repair-order', id: `ro-${lotId}` },
    dealerId: 'dlr-1',
    spendFen: amount * 100,
    tier: 'silver',
    ratePerRmb: 1,
    amount,
    earnedAt,
    expiresAt,
    ruleSetVersion: 'loyalty-2026-1',
    lapseClock: null,
  },
});
const redeemed = (
  id: string,
  lotId: string,
  amount: number,
  at: string,
  expiresAt: string,
): MembershipEvent => ({
  type: 'PointsRedeemed',
  data: {
    ...home,
    redemptionId: id,
    purpose: 'gift',
    reward: 'gift-1',
    amount,
    draws: [{ lotId, amount, expiresAt }],
    redeemedAt: at,
  },
});

// Lot 1: 100 points earned 10 Mar 2026 10:00 CST, expiring 10 Mar 2028 10:00 CST (02:00Z).
// Lot 2: 50 points earned 20 Mar 2026, expiring 20 Mar 2028: the same CST month, 2028-03.
const lot1 = earned('lot-1', 100, '2026-03-10T02:00:00.000Z', '2028-03-10T02:00:00.000Z');
const lot2 = earned('lot-2', 50, '2026-03-20T02:00:00.000Z', '2028-03-20T02:00:00.000Z');
const fold = (events: MembershipEvent[]) =>
  events.reduce(foldPointsExpiry, noPointsExpiryFacts('cus-1', '202803'));

describe('points-expiry reminders (member-reminders-2026-1)', () => {
  it('is due 30 days before the first expiry of the month, from the first earning', () => {
    // 10 Mar 2028 02:00Z − 30 days = 9 Feb 2028 02:00Z (2028 is a leap year: Feb has 29 days, not crossed).
    expect(pointsExpiryReminder(fold([lot1, lot2]))).toEqual({
      recordId: 'cus-1-202803',
      dealerId: 'dlr-1',
      customerId: 'cus-1',
      openedAt: '2026-03-10T02:00:00.000Z',
      dueAt: '2028-02-09T02:00:00.000Z',
      basis: '2028-03-10T02:00:00.000Z',
      supersededAt: null,
    });
  });

  it('is superseded by the redemption that leaves none of the month, once, in business time', () => {
    const first = redeemed('r1', 'lot-1', 100, '2027-01-05T02:00:00.000Z', '2028-03-10T02:00:00.000Z');
    const last = redeemed('r2', 'lot-2', 50, '2027-02-01T02:00:00.000Z', '2028-03-20T02:00:00.000Z');
    // 150 earned − 100 drawn = 50 left: still due.
    expect(pointsExpiryReminder(fold([lot1, lot2, first, first]))?.supersededAt).toBeNull();
    // 150 − 100 − 50 = 0 left: superseded at the later redemption, whatever order they arrived in.
    expect(pointsExpiryReminder(fold([lot1, lot2, last, first]))?.supersededAt).toBe(
      '2027-02-01T02:00:00.000Z',
    );
  });

  it('is not superseded when the expiry takes the last points (the loss it was due to prevent), nor by a lapse', () => {
    const expired: MembershipEvent = {
      type: 'PointsExpired',
      data: { ...home, lotId: 'lot-1', amount: 100, expiresAt: '2028-03-10T02:00:00.000Z' },
    };
    // lot-1 (100) expires untouched: the reminder stays due, completed only if it was worked.
    expect(pointsExpiryReminder(fold([lot1, expired]))?.supersededAt).toBeNull();
    // A redemption takes 60 on 5 Jan 2027, the expiry the last 40: the clock emptied it, still not superseded.
    const part = redeemed('r1', 'lot-1', 60, '2027-01-05T02:00:00.000Z', '2028-03-10T02:00:00.000Z');
    const rest: MembershipEvent = { ...expired, data: { ...expired.data, amount: 40 } };
    expect(pointsExpiryReminder(fold([lot1, rest, part]))?.supersededAt).toBeNull();
    const lapsed: MembershipEvent = {
      type: 'MembershipLapsed',
      data: {
        ...home,
        lastPaidVisitAt: null,
        lapsedAt: '2027-06-01T02:00:00.000Z',
        forfeited: [{ lotId: 'lot-1', amount: 100, expiresAt: '2028-03-10T02:00:00.000Z' }],
        forfeitedPoints: 100,
      },
    };
    expect(pointsExpiryReminder(fold([lot1, lapsed]))?.supersededAt).toBeNull();
    // A cancellation (the member left) forfeits the last points: superseded at it.
    const cancelled: MembershipEvent = {
      type: 'MembershipCancelled',
      data: {
        ...home,
        lapseClock: null,
        reason: 'moved',
        cancelledAt: '2027-07-01T02:00:00.000Z',
        forfeited: [{ lotId: 'lot-1', amount: 100, expiresAt: '2028-03-10T02:00:00.000Z' }],
        forfeitedPoints: 100,
      },
    };
    expect(pointsExpiryReminder(fold([lot1, cancelled]))?.supersededAt).toBe('2027-07-01T02:00:00.000Z');
  });

  it('a withdrawn expiry gives the points back', () => {
    const expired: MembershipEvent = {
      type: 'PointsExpired',
      data: { ...home, lotId: 'lot-1', amount: 100, expiresAt: '2028-03-10T02:00:00.000Z' },
    };
    const used = redeemed('r9', 'lot-1', 100, '2028-03-01T00:00:00.000Z', '2028-03-10T02:00:00.000Z');
    const withdrawn: MembershipEvent = {
      type: 'MembershipDecisionsWithdrawn',
      data: {
        ...home,
        lateFactAt: '2028-03-01T00:00:00.000Z',
        decisions: [{ kind: 'points-expired', at: '2028-03-10T02:00:00.000Z', lotId: 'lot-1', amount: 100 }],
      },
    };
    expect(pointsExpiryReminder(fold([lot1, expired, withdrawn]))?.supersededAt).toBeNull();
    // The late redemption of 1 Mar that withdrew it takes the points: superseded at it.
    expect(pointsExpiryReminder(fold([lot1, expired, withdrawn, used]))?.supersededAt).toBe(
      '2028-03-01T00:00:00.000Z',
    );
  });

  it('months are CST months, and ids parse back', () => {
    // 31 Mar 2028 17:00Z is 1 Apr 2028 01:00 CST.
    expect(expiryMonthOf('2028-03-31T17:00:00.000Z')).toBe('202804');
    expect(pointsExpiryMonthsOf(lot1)).toEqual(['202803']);
    expect(parsePointsExpiryRecordId('cus-1-202803')).toEqual({ customerId: 'cus-1', month: '202803' });
    expect(pointsExpiryReminder(fold([]))).toBeNull();
  });
});

describe('lapse warnings (member-reminders-2026-1), dated by the membership lapse rule', () => {
  const member = { customerId: 'cus-1', homeDealerId: 'dlr-1' };
  it('runs from enrolment before the first paid visit: lapse + 18 months, due 30 days before', () => {
    // Enrolled 1 Mar 2026 10:00 CST (02:00Z) → lapses 1 Sep 2027 10:00 CST; − 30 days = 2 Aug 2027
    // (August has 31 days: 1 Sep − 1 = 31 Aug, − 29 more = 2 Aug).
    expect(
      lapseWarning(
        member,
        { enrolledAt: '2026-03-01T02:00:00.000Z', lastPaidVisitAt: null },
        DEFAULT_LOYALTY_RULES,
      ),
    ).toEqual({
      recordId: 'cus-1-20270901',
      dealerId: 'dlr-1',
      customerId: 'cus-1',
      openedAt: '2026-03-01T02:00:00.000Z',
      dueAt: '2027-08-02T02:00:00.000Z',
      basis: '2027-09-01T02:00:00.000Z',
      lapsesAt: '2027-09-01T02:00:00.000Z',
      supersededAt: null,
    });
  });

  it('runs from the last paid visit; the lapse day is the CST day', () => {
    // Paid visit 31 Aug 2026 23:30 CST (15:30Z) → + 18 months = February 2028, the 31st clamped to the
    // month's last day: 29 Feb 2028 23:30 CST (15:30Z), which is still 29 Feb in CST: id day 20280229.
    // Due 30 days before: 29 Feb − 29 days = 31 Jan, − 1 more = 30 Jan 2028 23:30 CST (15:30Z).
    const warning = lapseWarning(
      member,
      { enrolledAt: '2026-03-01T02:00:00.000Z', lastPaidVisitAt: '2026-08-31T15:30:00.000Z' },
      DEFAULT_LOYALTY_RULES,
    );
    expect(warning).toMatchObject({
      recordId: 'cus-1-20280229',
      openedAt: '2026-08-31T15:30:00.000Z',
      lapsesAt: '2028-02-29T15:30:00.000Z',
      dueAt: '2028-01-30T15:30:00.000Z',
    });
  });
});

describe('lapse warnings from the clocks the membership events restate (lapseClock, v2)', () => {
  const clocked = (
    type: 'MembershipEnrolled' | 'PointsEarned' | 'MembershipCancelled' | 'MembershipReEnrolled',
    at: string,
    ends: string | null,
    starts: string | null,
  ): MembershipEvent => {
    switch (type) {
      case 'MembershipEnrolled':
        return {
          type,
          data: {
            ...home,
            cardNumber: 'C-1',
            tier: 'silver',
            enrolledAt: at,
            ruleSetVersion: 'loyalty-2026-1',
            lapseClock: { ends, starts },
          },
        };
      case 'PointsEarned': {
        const visit = earned(`lot-${at}`, 100, at, '2030-01-01T00:00:00.000Z');
        return { ...visit, data: { ...visit.data, lapseClock: { ends, starts } } } as MembershipEvent;
      }
      case 'MembershipCancelled':
        return {
          type,
          data: {
            ...home,
            reason: 'moved',
            cancelledAt: at,
            forfeited: [],
            forfeitedPoints: 0,
            lapseClock: { ends, starts },
          },
        };
      default:
        return {
          type,
          data: {
            ...home,
            cardNumber: 'C-2',
            previousCardNumber: 'C-1',
            tier: 'silver',
            previousStatus: 'cancelled',
            endedAt: at,
            reEnrolledAt: at,
            ruleSetVersion: 'loyalty-2026-1',
            lapseClock: { ends, starts },
          },
        };
    }
  };
  const foldDay = (day: string, events: MembershipEvent[]) =>
    lapseWarningReminder(events.reduce(foldLapseWarning, noLapseWarningFacts('cus-1', day)));
  // Enrolled 1 Mar 2026 10:00 CST → lapses 1 Sep 2027 10:00 CST (02:00Z); a visit of 10 Apr 2026 10:00 CST
  // ends that clock and starts one lapsing 10 Oct 2027 10:00 CST.
  const enrol = clocked('MembershipEnrolled', '2026-03-01T02:00:00.000Z', null, '2027-09-01T02:00:00.000Z');
  const visit = clocked(
    'PointsEarned',
    '2026-04-10T02:00:00.000Z',
    '2027-09-01T02:00:00.000Z',
    '2027-10-10T02:00:00.000Z',
  );

  it('an event names the warnings of the clocks it ends and starts', () => {
    expect(lapseWarningRecordIdsOf(enrol)).toEqual(['cus-1-20270901']);
    expect(lapseWarningRecordIdsOf(visit)).toEqual(['cus-1-20270901', 'cus-1-20271010']);
    // A v1 event (upcast: null) names none.
    const v1 = { ...enrol, data: { ...enrol.data, lapseClock: null } } as MembershipEvent;
    expect(lapseWarningRecordIdsOf(v1)).toEqual([]);
    expect(parseLapseWarningRecordId('cu-20931-20270901')).toEqual({
      customerId: 'cu-20931',
      day: '20270901',
    });
  });

  it('opened by the clock that starts it, due 30 days before its lapse; the next paid visit supersedes it', () => {
    // 1 Sep 2027 02:00Z − 30 days = 2 Aug 2027 02:00Z, as the pure rule above.
    expect(foldDay('20270901', [enrol])).toEqual({
      recordId: 'cus-1-20270901',
      dealerId: 'dlr-1',
      customerId: 'cus-1',
      openedAt: '2026-03-01T02:00:00.000Z',
      dueAt: '2027-08-02T02:00:00.000Z',
      basis: '2027-09-01T02:00:00.000Z',
      lapsesAt: '2027-09-01T02:00:00.000Z',
      supersededAt: null,
    });
    // The visit supersedes it at its business time, whatever order the two are folded in, twice or once.
    expect(foldDay('20270901', [enrol, visit])?.supersededAt).toBe('2026-04-10T02:00:00.000Z');
    expect(foldDay('20270901', [visit, enrol, visit, enrol])?.supersededAt).toBe('2026-04-10T02:00:00.000Z');
    // The visit's own warning: 10 Oct 2027 − 30 days = 10 Sep 2027 (September has 30 days).
    expect(foldDay('20271010', [visit, enrol])).toMatchObject({
      openedAt: '2026-04-10T02:00:00.000Z',
      dueAt: '2027-09-10T02:00:00.000Z',
      supersededAt: null,
    });
    // Only an ending is known (projected first): no warning yet.
    expect(foldDay('20270901', [visit])).toBeNull();
  });

  it('a cancellation supersedes it; a clock of the same day started again continues it', () => {
    const cancel = clocked(
      'MembershipCancelled',
      '2026-05-01T02:00:00.000Z',
      '2027-09-01T02:00:00.000Z',
      null,
    );
    expect(foldDay('20270901', [enrol, cancel])?.supersededAt).toBe('2026-05-01T02:00:00.000Z');
    // Visits on 30 and 31 Aug 2026 both lapse on 29 Feb 2028 (clamped): the second one continues the warning
    // (a clock of the same day, not an ending), which keeps its first opening and due date:
    // 29 Feb 2028 02:00Z − 30 days = 30 Jan 2028 02:00Z.
    const first = clocked('PointsEarned', '2026-08-30T02:00:00.000Z', null, '2028-02-29T02:00:00.000Z');
    const second = clocked(
      'PointsEarned',
      '2026-08-31T02:00:00.000Z',
      '2028-02-29T02:00:00.000Z',
      '2028-02-29T02:00:00.000Z',
    );
    expect(foldDay('20280229', [second, first])).toMatchObject({
      openedAt: '2026-08-30T02:00:00.000Z',
      dueAt: '2028-01-30T02:00:00.000Z',
      supersededAt: null,
    });
    // A re-enrolment's clock (6 Jul 2026 → 6 Jan 2028) opens a warning and ends none.
    const again = clocked(
      'MembershipReEnrolled',
      '2026-07-06T02:00:00.000Z',
      null,
      '2028-01-06T02:00:00.000Z',
    );
    expect(lapseWarningRecordIdsOf(again)).toEqual(['cus-1-20280106']);
    expect(foldDay('20280106', [again])?.dueAt).toBe('2027-12-07T02:00:00.000Z');
  });
});
