import { type ClubMemberFacts, clubStatisticsOf } from '../../../../src/domain/membership/club-statistics';
import { DEFAULT_LOYALTY_RULES } from '../../../../src/domain/membership/loyalty-rules';

const member = (facts: Partial<ClubMemberFacts> & Pick<ClubMemberFacts, 'enrolledAt'>): ClubMemberFacts => ({
  cancelledAt: null,
  earlierPeriods: [],
  tiers: [{ at: facts.enrolledAt, tier: 'silver' }],
  paidVisits: [],
  pointsByMonth: {},
  ...facts,
});

/**
 * March 2026, as of 1 Apr 00:00 CST (31 Mar 16:00 UTC):
 *   m1 enrolled Jan 2025, paid visit 1 Apr 2025 00:00 CST (31 Mar 16:00 UTC): inside the 12 months Apr 2025–Mar
 *      2026, lapse due 1 Oct 2026 → active, silver, visited; issued 200, redeemed 50 in March
 *   m2 enrolled Feb 2026, gold from 31 Mar 23:59 CST (31 Mar 15:59 UTC) → active, gold, no visit; issued 100
 *   m3 gold from 1 Apr 00:00 CST: after the month's end → silver in March; paid visit 31 Mar 2025 23:59 CST:
 *      outside the window; lapse due 30 Sep 2026 → active
 *   m4 enrolled 1 Sep 2024 CST, no visit → lapse due 1 Mar 2026 → lapsed; its March points still count (issued 30)
 *   m5 cancelled 31 Mar 2026 → not active
 *   m6 enrolled 1 Apr 2026 00:00 CST: not yet a member at the month's end
 * Active m1, m2, m3 = 3; silver 2 (m1, m3), gold 1; visited 1 → 1 ÷ 3 = 0.3333;
 * issued 200 + 100 + 30 = 330, redeemed 50 → 50 ÷ 330 = 0.1515 (0.151515…).
 */
const MEMBERS: ClubMemberFacts[] = [
  member({
    enrolledAt: '2025-01-10T02:00:00.000Z',
    paidVisits: ['2025-03-31T16:00:00.000Z'],
    pointsByMonth: { '2026-03': { issued: 200, redeemed: 50 } },
  }),
  member({
    enrolledAt: '2026-02-01T02:00:00.000Z',
    tiers: [
      { at: '2026-02-01T02:00:00.000Z', tier: 'silver' },
      { at: '2026-03-31T15:59:00.000Z', tier: 'gold' },
    ],
    pointsByMonth: { '2026-03': { issued: 100, redeemed: 0 } },
  }),
  member({
    enrolledAt: '2025-01-10T02:00:00.000Z',
    tiers: [
      { at: '2025-01-10T02:00:00.000Z', tier: 'silver' },
      { at: '2026-03-31T16:00:00.000Z', tier: 'gold' },
    ],
    paidVisits: ['2025-03-31T15:59:00.000Z'],
  }),
  member({
    enrolledAt: '2024-08-31T16:00:00.000Z',
    pointsByMonth: { '2026-03': { issued: 30, redeemed: 0 } },
  }),
  member({ enrolledAt: '2025-06-01T02:00:00.000Z', cancelledAt: '2026-03-31T02:00:00.000Z' }),
  member({ enrolledAt: '2026-03-31T16:00:00.000Z' }),
];

describe('club statistics as of the month end (会员统计分析)', () => {
  const expected = {
    month: '2026-03',
    dealerId: 'd-1',
    monthEndsAt: '2026-03-31T16:00:00.000Z',
    membersByTier: { silver: 2, gold: 1, platinum: 0 },
    activeMembers: 3,
    membersWithPaidVisit: 1,
    activeRate: 0.3333,
    pointsIssued: 330,
    pointsRedeemed: 50,
    redemptionRate: 0.1515,
  };

  it('counts members by tier, active rate and redemption rate by the hand-worked figures', () =>
    expect(clubStatisticsOf(MEMBERS, 'd-1', '2026-03', DEFAULT_LOYALTY_RULES)).toEqual(expected));

  it('does not depend on the order the members are read in', () =>
    expect(clubStatisticsOf([...MEMBERS].reverse(), 'd-1', '2026-03', DEFAULT_LOYALTY_RULES)).toEqual(
      expected,
    ));

  it('has no rates without active members or issued points', () =>
    expect(clubStatisticsOf([], 'd-1', '2026-03', DEFAULT_LOYALTY_RULES)).toMatchObject({
      activeMembers: 0,
      activeRate: null,
      redemptionRate: null,
    }));

  it("counts a re-enrolled member in the period active at the month end, at that period's tier", () => {
    // Enrolled 1 Jan 2024 CST, gold from 1 Jun 2024, last paid visit 1 Feb 2024 → lapsed 1 Aug 2025
    // (18 months). Re-enrolled 15 Jan 2026 CST as silver; a paid visit of the first period does not count
    // for the new period's lapse (due 15 Jul 2027 without a visit).
    const reEnrolled = member({
      enrolledAt: '2026-01-15T02:00:00.000Z',
      earlierPeriods: [{ startedAt: '2023-12-31T16:00:00.000Z', endedAt: '2025-07-31T16:00:00.000Z' }],
      tiers: [
        { at: '2023-12-31T16:00:00.000Z', tier: 'silver' },
        { at: '2024-05-31T16:00:00.000Z', tier: 'gold' },
        { at: '2026-01-15T02:00:00.000Z', tier: 'silver' },
      ],
      paidVisits: ['2024-01-31T16:00:00.000Z'],
    });
    const at = (month: string) => clubStatisticsOf([reEnrolled], 'd-1', month, DEFAULT_LOYALTY_RULES);
    // July 2025 ends 1 Aug 00:00 CST = the lapse instant: still active in July, gold; no visit in the
    // 12 months Aug 2024–Jul 2025.
    expect(at('2025-07')).toMatchObject({
      activeMembers: 1,
      membersByTier: { silver: 0, gold: 1, platinum: 0 },
      membersWithPaidVisit: 0,
    });
    // August to December 2025: lapsed, not re-enrolled yet.
    expect(at('2025-08')).toMatchObject({ activeMembers: 0 });
    expect(at('2025-12')).toMatchObject({ activeMembers: 0 });
    // January 2026 onwards: the new period, silver, lapse due July 2027.
    expect(at('2026-01')).toMatchObject({
      activeMembers: 1,
      membersByTier: { silver: 1, gold: 0, platinum: 0 },
    });
    expect(at('2027-06')).toMatchObject({ activeMembers: 1 });
    // 15 Jul 2027 10:00 CST is before the end of July: lapsed at the month end.
    expect(at('2027-07')).toMatchObject({ activeMembers: 0 });
  });
});
