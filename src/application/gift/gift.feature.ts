import type { GiftCommand } from '../../domain/gift/gift.commands';
import { createGiftDecider, giftStreamId } from '../../domain/gift/gift.decider';
import { GIFT_EVENT_TYPES, type GiftEvent } from '../../domain/gift/gift.events';
import type { GiftState } from '../../domain/gift/gift.state';
import { giftStockProjection } from '../../projections/gift-stock/gift-stock.projection';
import type { Feature } from '../shared/feature';

/** The club's gift catalogue (issue 19 §4): one stream per dealer's gift, its stock and reservations. */
export const giftFeature: Feature<GiftState, GiftCommand, GiftEvent> = {
  name: 'gift',
  category: 'gift',
  decider: createGiftDecider(),
  streamOf: ({ giftId }) => giftStreamId(giftId),
  eventTypes: GIFT_EVENT_TYPES,
  // A gift belongs to the dealer whose shelf holds it.
  scope: (state, command) => ({
    dealerId:
      state.status !== 'none'
        ? state.dealerId
        : command.type === 'DefineGift'
          ? command.data.dealerId
          : undefined,
  }),
  // Two redemptions of the last unit at once: the loser is decided again and gets GIFT_OUT_OF_STOCK.
  decidesAgainAfterLostRace: true,
  projections: [giftStockProjection],
};
