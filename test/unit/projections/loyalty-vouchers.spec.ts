import { loyaltyVouchersProjection } from '../../../src/projections/loyalty-vouchers/loyalty-vouchers.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(loyaltyVouchersProjection);
const home = { customerId: 'cu-1', homeDealerId: 'd-1' };
const T0 = '2026-01-10T02:00:00.000Z';
const T1 = '2026-03-01T02:00:00.000Z';
const EXP = '2026-07-10T02:00:00.000Z';

describe('loyalty-vouchers projection (voucher money liability)', () => {
  it('files each voucher with its issue, expiry and redemption times', () =>
    spec
      .when([
        {
          type: 'VoucherIssued',
          data: {
            ...home,
            voucherCode: 'V-1',
            redemptionId: 'voucher-V-1',
            pointsCost: 1000,
            valueFen: 10_000,
            issuedAt: T0,
            expiresAt: EXP,
          },
        },
        {
          type: 'VoucherIssued',
          data: {
            ...home,
            voucherCode: 'V-2',
            redemptionId: 'voucher-V-2',
            pointsCost: 500,
            valueFen: 5_000,
            issuedAt: T0,
            expiresAt: EXP,
          },
        },
        {
          type: 'VoucherRedeemed',
          data: {
            ...home,
            voucherCode: 'V-2',
            repairOrderId: 'ro-1',
            dealerId: 'd-1',
            valueFen: 5_000,
            redeemedAt: T1,
          },
        },
      ])
      .then({
        'cu-1:V-1': {
          voucherId: 'cu-1:V-1',
          ...home,
          voucherCode: 'V-1',
          valueFen: 10_000,
          issuedAt: T0,
          expiresAt: EXP,
          redeemedAt: null,
          repairOrderId: null,
        },
        'cu-1:V-2': {
          voucherId: 'cu-1:V-2',
          ...home,
          voucherCode: 'V-2',
          valueFen: 5_000,
          issuedAt: T0,
          expiresAt: EXP,
          redeemedAt: T1,
          repairOrderId: 'ro-1',
        },
      }));
});
