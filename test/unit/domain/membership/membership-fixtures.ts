/** Shared givens of the membership decider specs. */
import type { MembershipCommand } from '../../../../src/domain/membership/membership.commands';
import { createMembershipDecider } from '../../../../src/domain/membership/membership.decider';
import type {
  LapseClockRestated,
  MembershipEvent,
  PointsEarned,
} from '../../../../src/domain/membership/membership.events';
import { deciderSpecification } from '../../../support/decider-specification';

export const spec = deciderSpecification(createMembershipDecider());
export const actor = { userId: 'u-club-1', role: 'crm-manager', dealerId: 'd-sh-01' };
export const CU = 'cu-1';
export const home = { customerId: CU, homeDealerId: 'd-sh-01' };

export const cmd = <T extends MembershipCommand['type']>(
  type: T,
  data: Omit<Extract<MembershipCommand, { type: T }>['data'], 'customerId'>,
  now: string,
) => ({ type, data: { customerId: CU, ...data }, metadata: { now, actor } }) as MembershipCommand;

export const enrolled: MembershipEvent = {
  type: 'MembershipEnrolled',
  data: {
    ...home,
    cardNumber: 'C-0001',
    tier: 'silver',
    enrolledAt: '2026-01-01T02:00:00.000Z',
    ruleSetVersion: 'loyalty-rules-v1',
    // Its lapse clock: 1 Jan 2026 10:00 CST + 18 months = 1 Jul 2027 10:00 CST.
    lapseClock: { ends: null, starts: '2027-07-01T02:00:00.000Z' },
  },
};

/**
 * A lot as the earning rule made it; expiry is given so a test can order lots freely. Its lapse clock is
 * not restated unless given (as a paid visit written before v2 reads).
 */
export const lot = (
  n: number,
  amount: number,
  earnedAt: string,
  expiresAt: string,
  ro = `ro-${n}`,
  lapseClock: LapseClockRestated | null = null,
): PointsEarned => ({
  type: 'PointsEarned',
  data: {
    ...home,
    lotId: `lot-${n}`,
    source: { kind: 'repair-order', id: ro },
    dealerId: 'd-sh-01',
    spendFen: amount * 100,
    tier: 'silver',
    ratePerRmb: 1,
    amount,
    earnedAt,
    expiresAt,
    ruleSetVersion: 'loyalty-rules-v1',
    lapseClock,
  },
});
