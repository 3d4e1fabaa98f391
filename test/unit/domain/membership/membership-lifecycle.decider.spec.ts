import { createMembershipDecider } from '../../../../src/domain/membership/membership.decider';
import type { MembershipEvent } from '../../../../src/domain/membership/membership.events';
import { CU, cmd, enrolled, home, lot, spec } from './membership-fixtures';

describe('membership decider: expiry, vouchers, lapse, cancellation, adjustments', () => {
  it('expires what is left of a partly used lot, as of its expiry date', () => {
    const lots = [
      lot(1, 500, '2026-01-05T00:00:00.000Z', '2026-06-30T00:00:00.000Z'),
      lot(2, 100, '2026-02-05T00:00:00.000Z', '2027-02-05T00:00:00.000Z'),
    ];
    const redeemed: MembershipEvent = {
      type: 'PointsRedeemed',
      data: {
        ...home,
        redemptionId: 'r-1',
        purpose: 'gift',
        reward: 'mug',
        amount: 200,
        draws: [{ lotId: 'lot-1', amount: 200, expiresAt: '2026-06-30T00:00:00.000Z' }],
        redeemedAt: '2026-03-01T00:00:00.000Z',
      },
    };
    spec
      .given([enrolled, ...lots, redeemed])
      .when(cmd('ApplyDueExpiries', {}, '2026-07-15T00:00:00.000Z'))
      .then([
        {
          type: 'PointsExpired',
          data: { ...home, lotId: 'lot-1', amount: 300, expiresAt: '2026-06-30T00:00:00.000Z' },
        },
      ]);
    spec
      .given([enrolled, ...lots, redeemed])
      .when(cmd('ApplyDueExpiries', {}, '2026-06-29T00:00:00.000Z'))
      .then([]);
  });

  it('sells a voucher for points, redeems it once on a repair order, refuses it the second time and after expiry', () => {
    const lots = [lot(1, 1_000, '2026-01-05T00:00:00.000Z', '2028-01-05T00:00:00.000Z')];
    const buy = cmd(
      'BuyVoucher',
      { voucherCode: 'V-100', points: 800, valueFen: 8_000 },
      '2026-02-01T00:00:00.000Z',
    );
    const decider = createMembershipDecider();
    const bought = decider.decide(buy, [enrolled, ...lots].reduce(decider.evolve, decider.initialState()));
    expect(bought).toEqual([
      {
        type: 'PointsRedeemed',
        data: {
          ...home,
          redemptionId: 'voucher-V-100',
          purpose: 'voucher',
          reward: 'V-100',
          amount: 800,
          draws: [{ lotId: 'lot-1', amount: 800, expiresAt: '2028-01-05T00:00:00.000Z' }],
          redeemedAt: '2026-02-01T00:00:00.000Z',
        },
      },
      {
        type: 'VoucherIssued',
        data: {
          ...home,
          voucherCode: 'V-100',
          redemptionId: 'voucher-V-100',
          pointsCost: 800,
          valueFen: 8_000,
          issuedAt: '2026-02-01T00:00:00.000Z',
          expiresAt: '2026-08-01T00:00:00.000Z', // six calendar months
        },
      },
    ]);
    const history = [enrolled, ...lots, ...bought];
    const redeem = (at: string) =>
      cmd('RedeemVoucher', { voucherCode: 'V-100', repairOrderId: 'ro-9', dealerId: 'd-sh-01' }, at);
    spec
      .given(history)
      .when(redeem('2026-03-01T00:00:00.000Z'))
      .then([
        {
          type: 'VoucherRedeemed',
          data: {
            ...home,
            voucherCode: 'V-100',
            repairOrderId: 'ro-9',
            dealerId: 'd-sh-01',
            valueFen: 8_000,
            redeemedAt: '2026-03-01T00:00:00.000Z',
          },
        },
      ]);
    const used: MembershipEvent = {
      type: 'VoucherRedeemed',
      data: {
        ...home,
        voucherCode: 'V-100',
        repairOrderId: 'ro-9',
        dealerId: 'd-sh-01',
        valueFen: 8_000,
        redeemedAt: '2026-03-01T00:00:00.000Z',
      },
    };
    spec
      .given([...history, used])
      .when(redeem('2026-03-02T00:00:00.000Z'))
      .thenThrows('VOUCHER_ALREADY_REDEEMED');
    spec.given(history).when(redeem('2026-08-01T00:00:00.000Z')).thenThrows('VOUCHER_EXPIRED');
    spec
      .given(history)
      .when(cmd('ApplyDueExpiries', {}, '2026-08-02T00:00:00.000Z'))
      .then([
        {
          type: 'VoucherExpired',
          data: { ...home, voucherCode: 'V-100', valueFen: 8_000, expiresAt: '2026-08-01T00:00:00.000Z' },
        },
      ]);
    spec
      .given(history)
      .when(
        cmd(
          'RedeemVoucher',
          { voucherCode: 'V-404', repairOrderId: 'ro-9', dealerId: 'd-sh-01' },
          '2026-03-01T00:00:00.000Z',
        ),
      )
      .thenThrows('VOUCHER_NOT_FOUND');
    spec.given(history).when(buy).thenThrows('VOUCHER_CODE_TAKEN');
  });

  it('lapses 18 months after the last paid visit: earlier expiries first, then the rest is forfeited', () => {
    // Last paid visit 10 Jan 2026 12:00 CST: lapse due 10 Jul 2027 12:00 CST.
    const lots = [
      lot(1, 400, '2026-01-10T04:00:00.000Z', '2027-05-01T00:00:00.000Z'),
      lot(2, 600, '2026-01-10T04:00:00.000Z', '2027-09-01T00:00:00.000Z'),
    ];
    spec
      .given([enrolled, ...lots])
      .when(cmd('ApplyDueExpiries', {}, '2027-08-01T00:00:00.000Z'))
      .then([
        {
          type: 'PointsExpired',
          data: { ...home, lotId: 'lot-1', amount: 400, expiresAt: '2027-05-01T00:00:00.000Z' },
        },
        {
          type: 'MembershipLapsed',
          data: {
            ...home,
            lastPaidVisitAt: '2026-01-10T04:00:00.000Z',
            lapsedAt: '2027-07-10T04:00:00.000Z',
            forfeited: [{ lotId: 'lot-2', amount: 600, expiresAt: '2027-09-01T00:00:00.000Z' }],
            forfeitedPoints: 600,
          },
        },
      ]);
    // Due but not yet recorded: nothing can be redeemed or earned any more.
    spec
      .given([enrolled, ...lots])
      .when(cmd('RedeemPoints', { redemptionId: 'r-1', points: 10, gift: 'mug' }, '2027-07-11T00:00:00.000Z'))
      .thenThrows('MEMBERSHIP_LAPSED', { customerId: CU, lapsedAt: '2027-07-10T04:00:00.000Z' });
  });

  it('refuses redemption on a cancelled membership; cancelling forfeits what is left', () => {
    // The visit of 10 Jan 2026 12:00 CST restarted the clock: it lapses 10 Jul 2027 12:00 CST.
    const restarted = { ends: '2027-07-01T02:00:00.000Z', starts: '2027-07-10T04:00:00.000Z' };
    const lots = [lot(1, 400, '2026-01-10T04:00:00.000Z', '2028-01-10T04:00:00.000Z', 'ro-1', restarted)];
    spec
      .given([enrolled, ...lots])
      .when(cmd('CancelMembership', { reason: 'customer asked' }, '2026-03-01T00:00:00.000Z'))
      .then([
        {
          type: 'MembershipCancelled',
          data: {
            ...home,
            reason: 'customer asked',
            cancelledAt: '2026-03-01T00:00:00.000Z',
            // Leaving ends the clock the visit started; it starts none.
            lapseClock: { ends: '2027-07-10T04:00:00.000Z', starts: null },
            forfeited: [{ lotId: 'lot-1', amount: 400, expiresAt: '2028-01-10T04:00:00.000Z' }],
            forfeitedPoints: 400,
          },
        },
      ]);
    const cancelled: MembershipEvent = {
      type: 'MembershipCancelled',
      data: {
        ...home,
        lapseClock: null,
        reason: 'x',
        cancelledAt: '2026-03-01T00:00:00.000Z',
        forfeited: [],
        forfeitedPoints: 400,
      },
    };
    spec
      .given([enrolled, ...lots, cancelled])
      .when(cmd('RedeemPoints', { redemptionId: 'r-1', points: 10, gift: 'mug' }, '2026-03-02T00:00:00.000Z'))
      .thenThrows('MEMBERSHIP_CANCELLED');
  });

  it('adjusts by hand: a credit is a new lot, a debit draws soonest-expiring first and cannot overdraw', () => {
    const lots = [lot(1, 100, '2026-01-10T04:00:00.000Z', '2028-01-10T04:00:00.000Z')];
    spec
      .given([enrolled, ...lots])
      .when(
        cmd(
          'AdjustPoints',
          { adjustmentId: 'a-1', delta: 50, reason: 'goodwill' },
          '2026-02-01T00:00:00.000Z',
        ),
      )
      .then([
        {
          type: 'PointsAdjusted',
          data: {
            ...home,
            adjustmentId: 'a-1',
            delta: 50,
            reason: 'goodwill',
            actorId: 'u-club-1',
            adjustedAt: '2026-02-01T00:00:00.000Z',
            lotId: 'lot-2',
            expiresAt: '2028-02-01T00:00:00.000Z',
            draws: [],
          },
        },
      ]);
    spec
      .given([enrolled, ...lots])
      .when(
        cmd(
          'AdjustPoints',
          { adjustmentId: 'a-2', delta: -101, reason: 'duplicate visit' },
          '2026-02-01T00:00:00.000Z',
        ),
      )
      .thenThrows('INSUFFICIENT_POINTS');
    spec
      .given([enrolled, ...lots])
      .when(
        cmd('AdjustPoints', { adjustmentId: 'a-3', delta: 0, reason: 'nothing' }, '2026-02-01T00:00:00.000Z'),
      )
      .thenThrows('ADJUSTMENT_ZERO');
  });
});
