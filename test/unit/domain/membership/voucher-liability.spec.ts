import { voucherLiabilityAt, type VoucherFacts } from '../../../../src/domain/membership/voucher-liability';

const voucher = (over: Partial<VoucherFacts>): VoucherFacts => ({
  homeDealerId: 'd-1',
  valueFen: 10_000,
  issuedAt: '2026-01-10T02:00:00.000Z',
  expiresAt: '2026-07-10T02:00:00.000Z',
  redeemedAt: null,
  ...over,
});

describe('voucher money liability as of an instant', () => {
  // A 100 RMB voucher issued 10 Jan, a 50 RMB one issued 1 Feb and redeemed 1 Mar, a 20 RMB one that
  // expires 1 Apr.
  const vouchers = [
    voucher({}),
    voucher({
      valueFen: 5_000,
      issuedAt: '2026-02-01T02:00:00.000Z',
      redeemedAt: '2026-03-01T02:00:00.000Z',
    }),
    voucher({ valueFen: 2_000, expiresAt: '2026-04-01T02:00:00.000Z' }),
  ];

  it('counts what was issued by then and neither redeemed nor expired', () => {
    // 5 Jan: nothing issued yet.
    expect(voucherLiabilityAt(vouchers, '2026-01-05T02:00:00.000Z')).toEqual({
      outstandingVouchers: 0,
      outstandingValueFen: 0,
    });
    // 15 Feb: all three issued, none redeemed or expired: 10,000 + 5,000 + 2,000 = 17,000 fen.
    expect(voucherLiabilityAt(vouchers, '2026-02-15T02:00:00.000Z')).toEqual({
      outstandingVouchers: 3,
      outstandingValueFen: 17_000,
    });
    // 1 Mar, the instant of the redemption: the 50 RMB one is gone: 10,000 + 2,000 = 12,000.
    expect(voucherLiabilityAt(vouchers, '2026-03-01T02:00:00.000Z')).toEqual({
      outstandingVouchers: 2,
      outstandingValueFen: 12_000,
    });
    // 1 Apr, the instant the 20 RMB one expires (it cannot be redeemed at its expiry): 10,000.
    expect(voucherLiabilityAt(vouchers, '2026-04-01T02:00:00.000Z')).toEqual({
      outstandingVouchers: 1,
      outstandingValueFen: 10_000,
    });
  });
});
