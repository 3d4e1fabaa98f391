import type { Decider } from '../shared/event';
import type * as C from './gift.commands';
import {
  giftAlreadyDefined,
  GiftNotFound,
  GiftReservationNotFound,
  outOfStock,
  reservationNotIn,
  reservationTaken,
} from './gift.errors';
import type { GiftEvent } from './gift.events';
import { type DefinedGift, evolveGift, type GiftReservation, type GiftState, stockOf } from './gift.state';

export type { GiftState } from './gift.state';

/** The membership's redemption id for a gift reservation: the points debit is keyed by the reservation. */
export const giftRedemptionId = (reservationId: string): string => `gift-${reservationId}`;

const reservationOf = (gift: DefinedGift, reservationId: string, needed: GiftReservation['status']) => {
  const found = gift.reservations.find((r) => r.reservationId === reservationId);
  if (!found) throw new GiftReservationNotFound(gift.giftId, reservationId);
  if (found.status !== needed) throw reservationNotIn(gift.giftId, reservationId, found.status, needed);
  return found;
};

const redeem = (command: C.RedeemGift, gift: DefinedGift): GiftEvent[] => {
  const { reservationId, customerId } = command.data;
  if (gift.reservations.some((r) => r.reservationId === reservationId))
    throw reservationTaken(gift.giftId, reservationId);
  if (stockOf(gift).available <= 0) throw outOfStock(gift.giftId);
  const on = { giftId: gift.giftId, dealerId: gift.dealerId, reservationId, customerId };
  const { now } = command.metadata;
  const redemptionId = giftRedemptionId(reservationId);
  return [{ type: 'GiftReserved', data: { ...on, points: gift.pointsPrice, redemptionId, reservedAt: now } }];
};

const onReservation = (
  command: Exclude<C.GiftCommand, C.DefineGift | C.ReceiveGiftStock | C.RedeemGift>,
  gift: DefinedGift,
): GiftEvent[] => {
  const now = command.metadata.now;
  const { reservationId } = command.data;
  const needed = command.type === 'ReturnGift' ? 'handed-out' : 'reserved';
  const { customerId } = reservationOf(gift, reservationId, needed);
  const on = { giftId: gift.giftId, dealerId: gift.dealerId, reservationId, customerId };
  switch (command.type) {
    case 'ReleaseGiftReservation':
      return [
        { type: 'GiftReservationReleased', data: { ...on, reason: 'points-refused', releasedAt: now } },
      ];
    case 'CancelGiftReservation':
      return [{ type: 'GiftReservationReleased', data: { ...on, reason: 'cancelled', releasedAt: now } }];
    case 'HandOutGift':
      return [{ type: 'GiftHandedOut', data: { ...on, handedOutAt: now } }];
    case 'ReturnGift':
      return [{ type: 'GiftReturned', data: { ...on, reason: command.data.reason, returnedAt: now } }];
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
};

/** One dealer's catalogue item and its stock: `available` never goes below zero. */
export const createGiftDecider = (): Decider<GiftState, C.GiftCommand, GiftEvent> => ({
  initialState: () => ({ status: 'none' }),
  evolve: evolveGift,
  decide: (command, state) => {
    if (command.type === 'DefineGift') {
      if (state.status !== 'none') throw giftAlreadyDefined(state.giftId);
      const { giftId, dealerId, name, pointsPrice } = command.data;
      return [
        {
          type: 'GiftDefined',
          data: { giftId, dealerId, name, pointsPrice, definedAt: command.metadata.now },
        },
      ];
    }
    if (state.status === 'none') throw new GiftNotFound(command.data.giftId);
    switch (command.type) {
      case 'ReceiveGiftStock': {
        const { giftId, dealerId } = state;
        const { quantity } = command.data;
        return [
          {
            type: 'GiftStockReceived',
            data: { giftId, dealerId, quantity, receivedAt: command.metadata.now },
          },
        ];
      }
      case 'RedeemGift':
        return redeem(command, state);
      default:
        return onReservation(command, state);
    }
  },
});

/** A gift id names one dealer's catalogue item, so the stream is the gift's own. */
export const giftStreamId = (giftId: string): string => `gift-${giftId}`;
