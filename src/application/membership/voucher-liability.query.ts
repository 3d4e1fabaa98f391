import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { type VoucherLiabilityFigures, voucherLiabilityAt } from '../../domain/membership/voucher-liability';
import {
  type LoyaltyVoucher,
  loyaltyVouchersProjection,
} from '../../projections/loyalty-vouchers/loyalty-vouchers.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { CLOCK, type Clock } from '../ports/clock.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import type { Kpi } from '../shared/kpi';
import { definedFilter } from '../shared/page';

const VOUCHERS = physicalCollection(loyaltyVouchersProjection);

/** One home dealer's voucher money liability at `asOf`. */
export type DealerVoucherLiability = VoucherLiabilityFigures & { dealerId: string; asOf: string };

export class VoucherLiabilityQuery extends Query<DealerVoucherLiability[]> {
  constructor(readonly params: Readonly<{ dealerId?: string; asOf?: string }>) {
    super();
  }
}

/**
 * Finance's view of the vouchers bought with points: each is a money liability of the member's home dealer
 * until it is redeemed or expires. Computed when asked from one document per voucher (its issue, expiry and
 * redemption times, read in chunks), so any instant, past or future, is answered from the facts dated up to
 * it, whatever order they arrived in. One row per home dealer with a voucher issued by `asOf`; a named
 * dealer always gets its row (zeros when it has none).
 */
@QueryHandler(VoucherLiabilityQuery)
export class VoucherLiabilityHandler implements IQueryHandler<
  VoucherLiabilityQuery,
  DealerVoucherLiability[]
> {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ params: { dealerId, asOf } }: VoucherLiabilityQuery): Promise<DealerVoucherLiability[]> {
    const at = new Date(asOf ?? this.clock.now()).toISOString();
    const byDealer = new Map<string, LoyaltyVoucher[]>(dealerId === undefined ? [] : [[dealerId, []]]);
    for await (const voucher of this.readStore.stream<LoyaltyVoucher>(
      VOUCHERS,
      definedFilter({ homeDealerId: dealerId }),
    )) {
      if (Date.parse(voucher.issuedAt) > Date.parse(at)) continue;
      const vouchers = byDealer.get(voucher.homeDealerId) ?? [];
      vouchers.push(voucher);
      byDealer.set(voucher.homeDealerId, vouchers);
    }
    return [...byDealer.entries()]
      .map(([dealer, vouchers]) => ({ dealerId: dealer, asOf: at, ...voucherLiabilityAt(vouchers, at) }))
      .sort((a, b) => a.dealerId.localeCompare(b.dealerId));
  }
}

export const VOUCHER_LIABILITY_KPIS: Readonly<Record<string, Kpi>> = {
  'voucher-liability': {
    description: 'vouchers outstanding (count, face value in fen) per home dealer as of --as-of',
    required: [],
    read: (store, clock, p) =>
      new VoucherLiabilityHandler(store, clock).execute(
        new VoucherLiabilityQuery({ dealerId: p.dealer, asOf: p.asOf }),
      ),
    projections: [loyaltyVouchersProjection],
  },
};
