import type { Event } from '../shared/event';

type On = { giftId: string; dealerId: string };
/** One unit held for a member who paid for it with points. */
type Reservation = On & { reservationId: string; customerId: string };

export type GiftDefined = Event<'GiftDefined', On & { name: string; pointsPrice: number; definedAt: string }>;
export type GiftStockReceived = Event<'GiftStockReceived', On & { quantity: number; receivedAt: string }>;
/** A redemption: one unit held; `points` is the price paid on the membership (its `redemptionId`). */
export type GiftReserved = Event<
  'GiftReserved',
  Reservation & { points: number; redemptionId: string; reservedAt: string }
>;
/**
 * The unit is back in stock: `cancelled` by the desk (the points are refunded), or `points-refused` when
 * the membership refused the debit right after the reservation (the compensation of a redemption).
 */
export type GiftReservationReleased = Event<
  'GiftReservationReleased',
  Reservation & { reason: 'cancelled' | 'points-refused'; releasedAt: string }
>;
export type GiftHandedOut = Event<'GiftHandedOut', Reservation & { handedOutAt: string }>;
/** A unit handed out came back to the shelf (no points are refunded for it). */
export type GiftReturned = Event<'GiftReturned', Reservation & { reason: string; returnedAt: string }>;

export type GiftEvent =
  GiftDefined | GiftStockReceived | GiftReserved | GiftReservationReleased | GiftHandedOut | GiftReturned;

export const GIFT_EVENT_TYPES = {
  GiftDefined: 1,
  GiftStockReceived: 1,
  GiftReserved: 1,
  GiftReservationReleased: 1,
  GiftHandedOut: 1,
  GiftReturned: 1,
} as const satisfies Record<GiftEvent['type'], number>;
