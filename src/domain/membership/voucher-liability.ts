/** What the voucher liability needs of one voucher: only facts with their own business time. */
export type VoucherFacts = Readonly<{
  homeDealerId: string;
  valueFen: number;
  issuedAt: string;
  expiresAt: string;
  /** When it was redeemed on a repair order; null while it is not. */
  redeemedAt: string | null;
}>;

export type VoucherLiabilityFigures = { outstandingVouchers: number; outstandingValueFen: number };

const ms = (iso: string): number => Date.parse(iso);

/**
 * Outstanding at `asOf`: issued at or before it, not redeemed at or before it, and not expired by it (a
 * voucher cannot be redeemed at or after its expiry). The expiry date decides, not the sweep's record, and a
 * lapse or a cancellation voids no voucher (it stays valid until its own expiry), so the figures depend on
 * the business times only, whatever order the history arrived in.
 */
export const isOutstandingAt = (voucher: VoucherFacts, asOf: string): boolean =>
  ms(voucher.issuedAt) <= ms(asOf) &&
  ms(asOf) < ms(voucher.expiresAt) &&
  (voucher.redeemedAt === null || ms(voucher.redeemedAt) > ms(asOf));

export const voucherLiabilityAt = (
  vouchers: readonly VoucherFacts[],
  asOf: string,
): VoucherLiabilityFigures =>
  vouchers
    .filter((voucher) => isOutstandingAt(voucher, asOf))
    .reduce(
      (sum, voucher) => ({
        outstandingVouchers: sum.outstandingVouchers + 1,
        outstandingValueFen: sum.outstandingValueFen + voucher.valueFen,
      }),
      { outstandingVouchers: 0, outstandingValueFen: 0 },
    );
