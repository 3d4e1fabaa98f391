import type { GiftCommand } from '../../../../src/domain/gift/gift.commands';
import { createGiftDecider } from '../../../../src/domain/gift/gift.decider';
import type { GiftEvent } from '../../../../src/domain/gift/gift.events';
import type { Actor } from '../../../../src/domain/shared/event';
import { deciderSpecification } from '../../../support/decider-specification';

const DESK: Actor = { userId: 'sa-wu', role: 'service-advisor', dealerId: 'd-1' };
const T = '2026-05-04T02:00:00.000Z';
const ON = { giftId: 'g-1', dealerId: 'd-1' };
const R1 = { ...ON, reservationId: 'r-1', customerId: 'cu-1' };
const command = <C extends GiftCommand>(type: C['type'], data: C['data']): GiftCommand =>
  ({ type, data, metadata: { now: T, actor: DESK } }) as GiftCommand;

const defined: GiftEvent = {
  type: 'GiftDefined',
  data: { ...ON, name: 'Umbrella', pointsPrice: 800, definedAt: T },
};
const received = (quantity: number): GiftEvent => ({
  type: 'GiftStockReceived',
  data: { ...ON, quantity, receivedAt: T },
});
const reserved: GiftEvent = {
  type: 'GiftReserved',
  data: { ...R1, points: 800, redemptionId: 'gift-r-1', reservedAt: T },
};
const handedOut: GiftEvent = { type: 'GiftHandedOut', data: { ...R1, handedOutAt: T } };

const spec = deciderSpecification(createGiftDecider());

describe('gift decider: catalogue item and stock', () => {
  it('defines a gift with its points price, for one dealer', () =>
    spec
      .given([])
      .when(command('DefineGift', { ...ON, name: 'Umbrella', pointsPrice: 800 }))
      .then([defined]));

  it('refuses to define the same gift twice', () =>
    spec
      .given([defined])
      .when(command('DefineGift', { ...ON, name: 'Mug', pointsPrice: 100 }))
      .thenThrows('GIFT_ALREADY_DEFINED'));

  it('receives stock on a defined gift only', () => {
    spec
      .given([defined])
      .when(command('ReceiveGiftStock', { giftId: 'g-1', quantity: 2 }))
      .then([received(2)]);
    spec
      .given([])
      .when(command('ReceiveGiftStock', { giftId: 'g-1', quantity: 2 }))
      .thenThrows('GIFT_NOT_FOUND');
  });

  it('reserves one unit at the points price when one is available', () =>
    spec
      .given([defined, received(1)])
      .when(command('RedeemGift', { giftId: 'g-1', reservationId: 'r-1', customerId: 'cu-1' }))
      .then([reserved]));

  it('refuses a redemption with nothing available: 1 received − 1 reserved = 0', () =>
    spec
      .given([defined, received(1), reserved])
      .when(command('RedeemGift', { giftId: 'g-1', reservationId: 'r-2', customerId: 'cu-2' }))
      .thenThrows('GIFT_OUT_OF_STOCK'));

  it('refuses a redemption before any stock, and a reservation id used twice', () => {
    spec
      .given([defined])
      .when(command('RedeemGift', { giftId: 'g-1', reservationId: 'r-1', customerId: 'cu-1' }))
      .thenThrows('GIFT_OUT_OF_STOCK');
    spec
      .given([defined, received(5), reserved])
      .when(command('RedeemGift', { giftId: 'g-1', reservationId: 'r-1', customerId: 'cu-1' }))
      .thenThrows('GIFT_RESERVATION_EXISTS');
  });

  it('a handed-out unit stays out of stock; a returned one comes back', () => {
    const returned: GiftEvent = { type: 'GiftReturned', data: { ...R1, reason: 'faulty', returnedAt: T } };
    // 1 received − 0 reserved − 1 handed out + 0 returned = 0
    spec
      .given([defined, received(1), reserved, handedOut])
      .when(command('RedeemGift', { giftId: 'g-1', reservationId: 'r-2', customerId: 'cu-2' }))
      .thenThrows('GIFT_OUT_OF_STOCK');
    // 1 − 0 − 1 + 1 = 1
    spec
      .given([defined, received(1), reserved, handedOut, returned])
      .when(command('RedeemGift', { giftId: 'g-1', reservationId: 'r-2', customerId: 'cu-2' }))
      .then([
        {
          type: 'GiftReserved',
          data: {
            ...R1,
            reservationId: 'r-2',
            customerId: 'cu-2',
            points: 800,
            redemptionId: 'gift-r-2',
            reservedAt: T,
          },
        },
      ]);
  });

  it('hands out, cancels and releases a reserved unit only', () => {
    spec
      .given([defined, received(1), reserved])
      .when(command('HandOutGift', { giftId: 'g-1', reservationId: 'r-1' }))
      .then([handedOut]);
    spec
      .given([defined, received(1), reserved])
      .when(command('CancelGiftReservation', { giftId: 'g-1', reservationId: 'r-1' }))
      .then([{ type: 'GiftReservationReleased', data: { ...R1, reason: 'cancelled', releasedAt: T } }]);
    spec
      .given([defined, received(1), reserved])
      .when(command('ReleaseGiftReservation', { giftId: 'g-1', reservationId: 'r-1' }))
      .then([{ type: 'GiftReservationReleased', data: { ...R1, reason: 'points-refused', releasedAt: T } }]);
    spec
      .given([defined, received(1), reserved, handedOut])
      .when(command('CancelGiftReservation', { giftId: 'g-1', reservationId: 'r-1' }))
      .thenThrows('GIFT_RESERVATION_NOT_RESERVED');
    spec
      .given([defined, received(1)])
      .when(command('HandOutGift', { giftId: 'g-1', reservationId: 'r-9' }))
      .thenThrows('GIFT_RESERVATION_NOT_FOUND');
  });

  it('takes back a handed-out unit only', () => {
    spec
      .given([defined, received(1), reserved])
      .when(command('ReturnGift', { giftId: 'g-1', reservationId: 'r-1', reason: 'faulty' }))
      .thenThrows('GIFT_RESERVATION_NOT_HANDED_OUT');
  });
});
