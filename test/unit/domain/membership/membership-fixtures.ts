/** Shared givens of the membership decider specs. */
import type { MembershipCommand } from '../../../../src/domain/membership/membership.commands';
import { createMembershipDecider } from '../../../../src/domain/membership/membership.decider';
import type { MembershipEvent, PointsEarned } from '../../../../src/domain/membership/membership.events';
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
  },
};

/** A lot as the earning rule made it; expiry is given so a test can order lots freely. */
export const lot = (
  n: number,
  amount: number,
  earnedAt: string,
  expiresAt: string,
  ro = `ro-${n}`,
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
  },
});
