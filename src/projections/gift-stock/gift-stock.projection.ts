import type { GiftEvent } from '../../domain/gift/gift.events';
import { evolveGift, type GiftReservation, type GiftState, stockOf } from '../../domain/gift/gift.state';
import type { ProjectionDefinition } from '../shared/projection';

/** One dealer's gift as the club desk sees it: price, stock figures and its reservations. */
export type GiftStock = {
  giftId: string;
  dealerId: string;
  name: string;
  pointsPrice: number;
  received: number;
  /** Currently reserved: a unit handed out or released leaves it. */
  reserved: number;
  /** Every unit handed out, a returned one included. */
  handedOut: number;
  returned: number;
  /** received − reserved − handed out + returned. */
  available: number;
  reservations: GiftReservation[];
  revision: number;
  /** The domain's folded state, so the figures come from the decider's own `evolve`. */
  state: GiftState;
};

export const GIFT_EVENTS: readonly GiftEvent['type'][] = [
  'GiftDefined',
  'GiftStockReceived',
  'GiftReserved',
  'GiftReservationReleased',
  'GiftHandedOut',
  'GiftReturned',
];

export const giftStockProjection: ProjectionDefinition<GiftEvent, GiftStock> = {
  name: 'gift-stock',
  version: 1,
  collection: 'gift_stock',
  indexes: [['dealerId']],
  handles: GIFT_EVENTS,
  documentIds: (event) => [event.data.giftId],
  apply: (doc, event) => {
    const state = evolveGift(doc?.state ?? { status: 'none' }, event);
    if (state.status === 'none')
      throw new Error(`gift ${event.data.giftId}: ${event.type} before its definition`);
    const { giftId, dealerId, name, pointsPrice, reservations } = state;
    return {
      giftId,
      dealerId,
      name,
      pointsPrice,
      ...stockOf(state),
      reservations: [...reservations],
      revision: event.revision,
      state,
    };
  },
};
