import {
  DEFAULT_LOYALTY_RULES,
  DEFAULT_LOYALTY_RULE_SETS,
} from '../../../../src/domain/membership/loyalty-rules';
import {
  type HistoryEvent,
  liveFigures,
  simulateRules,
} from '../../../../src/domain/membership/loyalty-simulation';

const home = { customerId: 'cu-1', homeDealerId: 'd-1' };
const AT = '2026-06-13T09:30:00.000Z';
const PERIOD = { from: '2026-06-01T00:00:00+08:00', to: '2026-07-01T00:00:00+08:00' };

/** cu-1 enrolled in May attends activity a-1 (100 points) in June: the reactor earned 100 live. */
const HISTORY: HistoryEvent[] = [
  {
    type: 'MembershipEnrolled',
    occurredAt: '2026-05-01T02:00:00.000Z',
    data: {
      ...home,
      cardNumber: 'C-1',
      tier: 'silver',
      enrolledAt: '2026-05-01T02:00:00.000Z',
      ruleSetVersion: 'loyalty-rules-v1',
    },
  },
  {
    type: 'ClubActivityAttended',
    occurredAt: AT,
    data: { activityId: 'a-1', dealerId: 'd-1', customerId: 'cu-1', points: 100, attendedAt: AT },
  },
  {
    type: 'PointsEarned',
    occurredAt: AT,
    data: {
      ...home,
      lotId: 'lot-1',
      source: { kind: 'club-activity', id: 'a-1' },
      dealerId: 'd-1',
      spendFen: null,
      tier: 'silver',
      ratePerRmb: null,
      amount: 100,
      earnedAt: AT,
      expiresAt: '2028-06-13T09:30:00.000Z',
      ruleSetVersion: 'loyalty-rules-v1',
    },
  },
];

describe('rule simulation: points for attending a club activity', () => {
  it('re-derives them from the attendance, so the live rules reproduce the live 100 issued', () => {
    const live = liveFigures(HISTORY, DEFAULT_LOYALTY_RULE_SETS, PERIOD);
    expect(live).toMatchObject({ pointsIssued: 100, liability: 100 });
    const { version: _v, ...rules } = DEFAULT_LOYALTY_RULES;
    expect(simulateRules(HISTORY, DEFAULT_LOYALTY_RULE_SETS, { ...rules, version: 'same' }, PERIOD)).toEqual(
      live,
    );
  });

  it('keeps them fixed under other earn rates: 100, not 100 × 3', () => {
    const tripled = {
      ...DEFAULT_LOYALTY_RULES,
      version: 'tripled',
      earnRatePerRmb: { silver: 3, gold: 4.5, platinum: 6 },
    };
    expect(simulateRules(HISTORY, DEFAULT_LOYALTY_RULE_SETS, tripled, PERIOD)).toMatchObject({
      pointsIssued: 100,
    });
  });
});
