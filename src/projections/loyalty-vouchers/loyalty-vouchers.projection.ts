import type { MembershipEvent } from '../../domain/membership/membership.events';
import type { VoucherFacts } from '../../domain/membership/voucher-liability';
import type { Envelope, ProjectionDefinition } from '../shared/projection';

/**
 * One voucher bought with points, with the business times the money liability reads for any instant:
 * issued, expires, redeemed. Nothing here depends on "now" or on the expiry sweep, so a past `asOf` is
 * answered from the facts dated up to it.
 */
export type LoyaltyVoucher = VoucherFacts & {
  /** `<customerId>:<voucherCode>`: codes are unique per member. */
  voucherId: string;
  customerId: string;
  voucherCode: string;
  repairOrderId: string | null;
};

type Handled = Extract<MembershipEvent, { type: 'VoucherIssued' | 'VoucherRedeemed' }>;

export const loyaltyVouchersProjection: ProjectionDefinition<Handled, LoyaltyVoucher> = {
  name: 'loyalty-vouchers',
  version: 1,
  collection: 'loyalty_vouchers',
  indexes: [['homeDealerId']],
  handles: ['VoucherIssued', 'VoucherRedeemed'],
  documentIds: (event: Envelope<Handled>) => [`${event.data.customerId}:${event.data.voucherCode}`],
  apply: (doc, event, id) => {
    if (event.type === 'VoucherIssued') {
      const { customerId, homeDealerId, voucherCode, valueFen, issuedAt, expiresAt } = event.data;
      return {
        voucherId: id,
        customerId,
        homeDealerId,
        voucherCode,
        valueFen,
        issuedAt,
        expiresAt,
        redeemedAt: doc?.redeemedAt ?? null,
        repairOrderId: doc?.repairOrderId ?? null,
      };
    }
    if (!doc) throw new Error(`voucher ${id}: redeemed before it was issued`);
    return { ...doc, redeemedAt: event.data.redeemedAt, repairOrderId: event.data.repairOrderId };
  },
};
