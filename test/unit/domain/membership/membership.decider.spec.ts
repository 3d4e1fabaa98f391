import { createMembershipDecider } from '../../../../src/domain/membership/membership.decider';
import { CU, cmd, enrolled, home, lot, spec, actor } from './membership-fixtures';

describe('membership decider: enrolment, earning, tiers, redemption', () => {
  it('enrols a customer once, as silver, under the current rule set', () => {
    spec
      .given([])
      .when({
        type: 'EnrollMember',
        data: { customerId: CU, cardNumber: 'C-0001', homeDealerId: 'd-sh-01' },
        metadata: { now: '2026-01-01T02:00:00.000Z', actor },
      })
      .then([enrolled]);
    spec
      .given([enrolled])
      .when(
        cmd(
          'EnrollMember',
          { cardNumber: 'C-0002', homeDealerId: 'd-sh-01' } as never,
          '2026-01-02T00:00:00.000Z',
        ),
      )
      .thenThrows('MEMBERSHIP_ALREADY_ENROLLED');
  });

  it('earns floor(spend in RMB × tier rate) for a paid visit, expiring 24 calendar months later (CST)', () => {
    // 180.99 RMB at silver (1 point per RMB): 180 points; 12:00 on 10 Jan 2026 in Shanghai + 24 months.
    spec
      .given([enrolled])
      .when(
        cmd(
          'EarnPoints',
          { source: { kind: 'repair-order', id: 'ro-1' }, dealerId: 'd-sh-02', spendFen: 18_099 },
          '2026-01-10T04:00:00.000Z',
        ),
      )
      .then([
        {
          type: 'PointsEarned',
          data: {
            ...home,
            lotId: 'lot-1',
            source: { kind: 'repair-order', id: 'ro-1' },
            dealerId: 'd-sh-02',
            spendFen: 18_099,
            tier: 'silver',
            ratePerRmb: 1,
            amount: 180,
            earnedAt: '2026-01-10T04:00:00.000Z',
            expiresAt: '2028-01-10T04:00:00.000Z',
            ruleSetVersion: 'loyalty-rules-v1',
            // The paid visit ends the enrolment's clock (1 Jul 2027) and starts one from 10 Jan 2026
            // 12:00 CST: + 18 months = 10 Jul 2027 12:00 CST.
            lapseClock: { ends: '2027-07-01T02:00:00.000Z', starts: '2027-07-10T04:00:00.000Z' },
          },
        },
      ]);
  });

  it('earns a source at most once, and nothing before enrolment', () => {
    const earned = lot(1, 180, '2026-01-10T04:00:00.000Z', '2028-01-10T04:00:00.000Z');
    spec
      .given([enrolled, earned])
      .when(
        cmd(
          'EarnPoints',
          { source: { kind: 'repair-order', id: 'ro-1' }, dealerId: 'd-sh-01', spendFen: 18_000 },
          '2026-01-11T00:00:00.000Z',
        ),
      )
      .thenThrows('POINTS_ALREADY_EARNED', { customerId: CU, source: 'repair-order:ro-1' });
    spec
      .given([enrolled])
      .when(
        cmd(
          'EarnPoints',
          { source: { kind: 'vehicle-sale', id: 'vs-1' }, dealerId: 'd-sh-01' },
          '2025-12-31T00:00:00.000Z',
        ),
      )
      .thenThrows('ACTION_BEFORE_ENROLMENT');
  });

  it('climbs to gold when lifetime points pass 10,000; the visit after earns at the gold rate', () => {
    const before = lot(1, 9_900, '2026-02-01T00:00:00.000Z', '2028-02-01T00:00:00.000Z');
    const crossing = cmd(
      'EarnPoints',
      { source: { kind: 'repair-order', id: 'ro-2' }, dealerId: 'd-sh-01', spendFen: 20_000 },
      '2026-03-01T00:00:00.000Z',
    );
    const decider = createMembershipDecider();
    const state = [enrolled, before].reduce(decider.evolve, decider.initialState());
    const decided = decider.decide(crossing, state);
    // The crossing visit still earns at silver: 200 × 1.
    expect(decided.map((e) => [e.type, 'amount' in e.data ? e.data.amount : e.data])).toEqual([
      ['PointsEarned', 200],
      [
        'MembershipTierChanged',
        {
          ...home,
          from: 'silver',
          to: 'gold',
          lifetimePoints: 10_100,
          changedAt: '2026-03-01T00:00:00.000Z',
          ruleSetVersion: 'loyalty-rules-v1',
        },
      ],
    ]);
    const after = decided.reduce(decider.evolve, state);
    // 100.00 RMB at gold (1.5): 150 points.
    const next = decider.decide(
      cmd(
        'EarnPoints',
        { source: { kind: 'repair-order', id: 'ro-3' }, dealerId: 'd-sh-01', spendFen: 10_000 },
        '2026-04-01T00:00:00.000Z',
      ),
      after,
    );
    expect(next).toMatchObject([
      { type: 'PointsEarned', data: { tier: 'gold', ratePerRmb: 1.5, amount: 150 } },
    ]);
  });

  it('redeems across several lots, soonest-expiring first, and records which lots paid', () => {
    const lots = [
      lot(1, 300, '2026-01-05T00:00:00.000Z', '2027-06-30T00:00:00.000Z'),
      lot(2, 200, '2026-01-06T00:00:00.000Z', '2027-03-31T00:00:00.000Z'),
      lot(3, 500, '2026-01-07T00:00:00.000Z', '2028-01-07T00:00:00.000Z'),
    ];
    spec
      .given([enrolled, ...lots])
      .when(
        cmd(
          'RedeemPoints',
          { redemptionId: 'r-1', points: 600, gift: 'umbrella' },
          '2026-05-01T00:00:00.000Z',
        ),
      )
      .then([
        {
          type: 'PointsRedeemed',
          data: {
            ...home,
            redemptionId: 'r-1',
            purpose: 'gift',
            reward: 'umbrella',
            amount: 600,
            draws: [
              { lotId: 'lot-2', amount: 200, expiresAt: '2027-03-31T00:00:00.000Z' },
              { lotId: 'lot-1', amount: 300, expiresAt: '2027-06-30T00:00:00.000Z' },
              { lotId: 'lot-3', amount: 100, expiresAt: '2028-01-07T00:00:00.000Z' },
            ],
            redeemedAt: '2026-05-01T00:00:00.000Z',
          },
        },
      ]);
  });

  it('never lets a balance go negative, and never spends a lot past its expiry even before the sweep', () => {
    const lots = [
      lot(1, 300, '2026-01-05T00:00:00.000Z', '2026-06-30T00:00:00.000Z'),
      lot(2, 200, '2026-01-06T00:00:00.000Z', '2027-03-31T00:00:00.000Z'),
    ];
    spec
      .given([enrolled, ...lots])
      .when(
        cmd(
          'RedeemPoints',
          { redemptionId: 'r-1', points: 501, gift: 'umbrella' },
          '2026-05-01T00:00:00.000Z',
        ),
      )
      .thenThrows('INSUFFICIENT_POINTS', { customerId: CU, requested: 501, spendable: 500 });
    spec
      .given([enrolled, ...lots])
      .when(
        cmd(
          'RedeemPoints',
          { redemptionId: 'r-1', points: 201, gift: 'umbrella' },
          '2026-07-01T00:00:00.000Z',
        ),
      )
      .thenThrows('INSUFFICIENT_POINTS', { customerId: CU, requested: 201, spendable: 200 });
  });

  it('refuses every command for a customer who is not a member', () => {
    spec
      .given([])
      .when(cmd('RedeemPoints', { redemptionId: 'r-1', points: 1, gift: 'mug' }, '2026-02-01T00:00:00.000Z'))
      .thenThrows('MEMBERSHIP_NOT_FOUND');
  });
});
