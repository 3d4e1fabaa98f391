import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { GiftNotFound } from '../../domain/gift/gift.errors';
import { type GiftStock, giftStockProjection } from '../../projections/gift-stock/gift-stock.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import { answered, type Answered } from '../shared/answered';

const GIFTS = physicalCollection(giftStockProjection);
const CATALOGUE_LIMIT = 500;

export type GiftRecord = Answered<GiftStock>;
export type GiftLine = Omit<GiftRecord, 'reservations'>;
export type GiftCatalogue = Readonly<{ dealerId: string; gifts: GiftLine[] }>;

export class GetGiftQuery extends Query<GiftRecord> {
  constructor(readonly giftId: string) {
    super();
  }
}
export class GiftCatalogueQuery extends Query<GiftCatalogue> {
  constructor(readonly params: Readonly<{ dealerId: string }>) {
    super();
  }
}

@QueryHandler(GetGiftQuery)
export class GetGiftHandler implements IQueryHandler<GetGiftQuery, GiftRecord> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ giftId }: GetGiftQuery): Promise<GiftRecord> {
    const gift = await this.readStore.get<GiftStock>(GIFTS, giftId);
    if (!gift) throw new GiftNotFound(giftId);
    return answered(gift);
  }
}

/** One dealer's catalogue with its stock figures, by gift id. */
@QueryHandler(GiftCatalogueQuery)
export class GiftCatalogueHandler implements IQueryHandler<GiftCatalogueQuery, GiftCatalogue> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ params: { dealerId } }: GiftCatalogueQuery): Promise<GiftCatalogue> {
    const found = await this.readStore.find<GiftStock>(
      GIFTS,
      { dealerId },
      { sort: [['giftId', 1]], limit: CATALOGUE_LIMIT },
    );
    const gifts = found.map(({ reservations: _reservations, ...gift }) => answered(gift));
    return { dealerId, gifts };
  }
}

export const GIFT_QUERY_HANDLERS = [GetGiftHandler, GiftCatalogueHandler];
