import { createMembershipDecider } from '../../../../src/domain/membership/membership.decider';
import type { MembershipEvent } from '../../../../src/domain/membership/membership.events';
import type { EnrolledMembership } from '../../../../src/domain/membership/membership.state';
import { CU, cmd, enrolled, home, lot, spec } from './membership-fixtures';

/**
 * Re-enrolment after a lapse or a cancellation (issue 19 §4). The fixture member enrolled at
 * 2026-01-01T02:00Z (10:00 CST) and has no paid visit: the lapse falls due 18 calendar months on,
 * 2027-07-01T02:00Z.
 */
const LAPSE = '2027-07-01T02:00:00.000Z';
const visit = lot(1, 500, '2026-03-01T02:00:00.000Z', '2028-03-01T02:00:00.000Z', 'ro-old');
// The visit of 1 March 2026 moves the lapse to 1 September 2027 and its 500 points are forfeited by it.
const VISIT_LAPSE = '2027-09-01T02:00:00.000Z';
const lapsed: MembershipEvent = {
  type: 'MembershipLapsed',
  data: {
    ...home,
    lastPaidVisitAt: '2026-03-01T02:00:00.000Z',
    lapsedAt: VISIT_LAPSE,
    forfeited: [{ lotId: 'lot-1', amount: 500, expiresAt: '2028-03-01T02:00:00.000Z' }],
    forfeitedPoints: 500,
  },
};
const AGAIN = '2027-10-08T02:00:00.000Z';
const reEnrol = (at = AGAIN, cardNumber = 'C-0002') => cmd('ReEnrollMember', { cardNumber }, at);
const reEnrolled = (previousStatus: 'lapsed' | 'cancelled', endedAt: string): MembershipEvent => ({
  type: 'MembershipReEnrolled',
  data: {
    ...home,
    cardNumber: 'C-0002',
    previousCardNumber: 'C-0001',
    tier: 'silver',
    previousStatus,
    endedAt,
    reEnrolledAt: AGAIN,
    ruleSetVersion: 'loyalty-rules-v1',
    // A new clock from the re-enrolment: 8 Oct 2027 10:00 CST + 18 months = 8 Apr 2029 10:00 CST.
    lapseClock: { ends: null, starts: '2029-04-08T02:00:00.000Z' },
  },
});

describe('membership decider: re-enrolment after a lapse or a cancellation', () => {
  it('enrols a lapsed member again as a new period, with a new card', () => {
    spec
      .given([enrolled, visit, lapsed])
      .when(reEnrol())
      .then([reEnrolled('lapsed', VISIT_LAPSE)]);
  });

  it('records a lapse that fell due but that the sweep has not recorded yet, then the re-enrolment', () => {
    // No visit: the lapse of 1 July 2027 is due by 8 October and nothing is left to forfeit.
    spec
      .given([enrolled])
      .when(reEnrol())
      .then([
        {
          type: 'MembershipLapsed',
          data: { ...home, lastPaidVisitAt: null, lapsedAt: LAPSE, forfeited: [], forfeitedPoints: 0 },
        },
        reEnrolled('lapsed', LAPSE),
      ]);
  });

  it('enrols a cancelled member again', () => {
    const cancelled: MembershipEvent = {
      type: 'MembershipCancelled',
      data: {
        ...home,
        lapseClock: null,
        reason: 'moved away',
        cancelledAt: '2026-05-01T02:00:00.000Z',
        forfeited: [],
        forfeitedPoints: 0,
      },
    };
    spec
      .given([enrolled, cancelled])
      .when(reEnrol())
      .then([reEnrolled('cancelled', '2026-05-01T02:00:00.000Z')]);
  });

  it('refuses an active membership (422 MEMBERSHIP_STILL_ACTIVE), also when re-enrolment is dated before a recorded lapse', () => {
    spec
      .given([enrolled, visit])
      .when(reEnrol('2027-08-31T02:00:00.000Z'))
      .thenThrows('MEMBERSHIP_STILL_ACTIVE');
    // Dated before the recorded lapse of 1 September: the lapse had not happened at that time.
    spec
      .given([enrolled, visit, lapsed])
      .when(reEnrol('2027-08-20T02:00:00.000Z'))
      .thenThrows('MEMBERSHIP_STILL_ACTIVE');
  });

  it('refuses a card number the member holds or held (409), and an unknown customer (404)', () => {
    spec
      .given([enrolled, visit, lapsed])
      .when(reEnrol(AGAIN, 'C-0001'))
      .thenThrows('MEMBER_CARD_NUMBER_USED');
    spec.given([]).when(reEnrol()).thenThrows('MEMBERSHIP_NOT_FOUND');
  });

  it('starts the new period afresh: entry tier, no points, the lapse clock from the re-enrolment; a source never earns twice; vouchers stay', () => {
    const decider = createMembershipDecider();
    const voucher: MembershipEvent = {
      type: 'VoucherIssued',
      data: {
        ...home,
        voucherCode: 'V-1',
        redemptionId: 'voucher-V-1',
        pointsCost: 100,
        valueFen: 1_000,
        issuedAt: '2027-06-01T02:00:00.000Z',
        expiresAt: '2027-12-01T02:00:00.000Z',
      },
    };
    const history = [enrolled, visit, voucher, lapsed, reEnrolled('lapsed', VISIT_LAPSE)];
    const state = history.reduce(decider.evolve, decider.initialState()) as EnrolledMembership;
    expect(state).toMatchObject({
      status: 'active',
      cardNumber: 'C-0002',
      previousCardNumbers: ['C-0001'],
      tier: 'silver',
      lifetimePoints: 0,
      lots: [],
      enrolledAt: AGAIN,
      lastPaidVisitAt: null,
      endedAt: null,
      lastFactAt: AGAIN,
    });
    expect(state.vouchers.map((v) => [v.voucherCode, v.status])).toEqual([['V-1', 'issued']]);
    // The repair order that earned in the first period cannot earn again.
    spec
      .given(history)
      .when(
        cmd(
          'EarnPoints',
          { source: { kind: 'repair-order', id: 'ro-old' }, dealerId: 'd-sh-01', spendFen: 10_000 },
          '2027-10-09T02:00:00.000Z',
        ),
      )
      .thenThrows('POINTS_ALREADY_EARNED');
    // A new visit earns at the silver rate (1 point per RMB: 300 RMB → 300), as lot 2.
    const earned = decider.decide(
      cmd(
        'EarnPoints',
        { source: { kind: 'repair-order', id: 'ro-new' }, dealerId: 'd-sh-01', spendFen: 30_000 },
        '2027-10-09T02:00:00.000Z',
      ),
      state,
    );
    expect(earned).toMatchObject([
      { type: 'PointsEarned', data: { lotId: 'lot-2', amount: 300, tier: 'silver' } },
    ]);
    // The voucher bought in the first period is still redeemable before its expiry.
    spec
      .given(history)
      .when(
        cmd(
          'RedeemVoucher',
          { voucherCode: 'V-1', repairOrderId: 'ro-9', dealerId: 'd-sh-01' },
          '2027-11-01T02:00:00.000Z',
        ),
      )
      .then([
        {
          type: 'VoucherRedeemed',
          data: {
            ...home,
            voucherCode: 'V-1',
            repairOrderId: 'ro-9',
            dealerId: 'd-sh-01',
            valueFen: 1_000,
            redeemedAt: '2027-11-01T02:00:00.000Z',
          },
        },
      ]);
    // The new period lapses 18 months after the re-enrolment: 8 April 2029, 10:00 CST.
    const due = decider.decide(cmd('ApplyDueExpiries', {}, '2029-04-08T02:00:00.000Z'), state);
    expect(due.filter((e) => e.type === 'MembershipLapsed')).toEqual([
      {
        type: 'MembershipLapsed',
        data: {
          ...home,
          lastPaidVisitAt: null,
          lapsedAt: '2029-04-08T02:00:00.000Z',
          forfeited: [],
          forfeitedPoints: 0,
        },
      },
    ]);
    expect(
      decider
        .decide(cmd('ApplyDueExpiries', {}, '2029-04-08T01:59:59.000Z'), state)
        .filter((e) => e.type === 'MembershipLapsed'),
    ).toEqual([]);
  });

  it('refuses a fact dated before the re-enrolment', () => {
    spec
      .given([enrolled, visit, lapsed, reEnrolled('lapsed', VISIT_LAPSE)])
      .when(cmd('BlockMemberCard', { reason: 'lost' }, '2027-10-01T02:00:00.000Z'))
      .thenThrows('ACTION_BEFORE_ENROLMENT');
  });

  it('keeps enrolment itself refused on an existing membership, naming re-enrolment', () => {
    spec
      .given([enrolled, visit, lapsed])
      .when({
        type: 'EnrollMember',
        data: { customerId: CU, cardNumber: 'C-9', homeDealerId: 'd-sh-01' },
        metadata: { now: AGAIN, actor: { userId: 'u', role: 'crm-manager', dealerId: 'd-sh-01' } },
      })
      .thenThrows('MEMBERSHIP_ALREADY_ENROLLED');
  });
});
