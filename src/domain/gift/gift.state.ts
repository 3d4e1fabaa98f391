import type { GiftEvent } from './gift.events';

/** `released`: the points debit was refused right after it (no points were taken); `cancelled`: refunded. */
export type ReservationStatus = 'reserved' | 'released' | 'cancelled' | 'handed-out' | 'returned';
export type GiftReservation = Readonly<{
  reservationId: string;
  customerId: string;
  points: number;
  redemptionId: string;
  status: ReservationStatus;
}>;

type Defined = Readonly<{
  status: 'defined';
  giftId: string;
  dealerId: string;
  name: string;
  pointsPrice: number;
  received: number;
  returned: number;
  reservations: readonly GiftReservation[];
}>;

export type GiftState = Readonly<{ status: 'none' }> | Defined;
export type DefinedGift = Defined;

const count = (gift: Defined, status: ReservationStatus) =>
  gift.reservations.filter((r) => r.status === status).length;

/** Stock figures: reserved is what is reserved now (a unit handed out leaves it). */
export const stockOf = (gift: Defined) => {
  const reserved = count(gift, 'reserved');
  const handedOut = count(gift, 'handed-out') + count(gift, 'returned');
  return {
    received: gift.received,
    reserved,
    handedOut,
    returned: gift.returned,
    available: gift.received - reserved - handedOut + gift.returned,
  };
};

const withStatus = (gift: Defined, reservationId: string, status: ReservationStatus): Defined => ({
  ...gift,
  reservations: gift.reservations.map((r) => (r.reservationId === reservationId ? { ...r, status } : r)),
});

export const evolveGift = (state: GiftState, event: GiftEvent): GiftState => {
  if (event.type === 'GiftDefined') {
    const { giftId, dealerId, name, pointsPrice } = event.data;
    return {
      status: 'defined',
      giftId,
      dealerId,
      name,
      pointsPrice,
      received: 0,
      returned: 0,
      reservations: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'GiftStockReceived':
      return { ...state, received: state.received + event.data.quantity };
    case 'GiftReserved': {
      const { reservationId, customerId, points, redemptionId } = event.data;
      const reservation = { reservationId, customerId, points, redemptionId, status: 'reserved' as const };
      return { ...state, reservations: [...state.reservations, reservation] };
    }
    case 'GiftReservationReleased':
      return withStatus(
        state,
        event.data.reservationId,
        event.data.reason === 'cancelled' ? 'cancelled' : 'released',
      );
    case 'GiftHandedOut':
      return withStatus(state, event.data.reservationId, 'handed-out');
    case 'GiftReturned':
      return { ...withStatus(state, event.data.reservationId, 'returned'), returned: state.returned + 1 };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};
