import type { GiftEvent } from '../../../src/domain/gift/gift.events';
import { giftStockProjection } from '../../../src/projections/gift-stock/gift-stock.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(giftStockProjection);
const T = '2026-05-04T02:00:00.000Z';
const ON = { giftId: 'g-1', dealerId: 'd-1' };
const r = (n: number) => ({ ...ON, reservationId: `r-${n}`, customerId: `cu-${n}` });

const defined: GiftEvent = {
  type: 'GiftDefined',
  data: { ...ON, name: 'Umbrella', pointsPrice: 800, definedAt: T },
};
const received: GiftEvent = { type: 'GiftStockReceived', data: { ...ON, quantity: 5, receivedAt: T } };
const reserve = (n: number): GiftEvent => ({
  type: 'GiftReserved',
  data: { ...r(n), points: 800, redemptionId: `gift-r-${n}`, reservedAt: T },
});

describe('gift-stock projection (GET /club/gifts)', () => {
  it('counts received, reserved, handed out and returned; available = received − reserved − handed out + returned', () =>
    spec
      .when([
        defined,
        received,
        reserve(1),
        reserve(2),
        reserve(3),
        { type: 'GiftHandedOut', data: { ...r(1), handedOutAt: T } },
        { type: 'GiftHandedOut', data: { ...r(2), handedOutAt: T } },
        { type: 'GiftReturned', data: { ...r(2), reason: 'faulty', returnedAt: T } },
        reserve(4),
        { type: 'GiftReservationReleased', data: { ...r(4), reason: 'cancelled', releasedAt: T } },
      ])
      // received 5; reserved now: r-3 only = 1; handed out r-1, r-2 = 2; returned r-2 = 1;
      // available = 5 − 1 − 2 + 1 = 3
      .thenMatches({
        'g-1': {
          giftId: 'g-1',
          dealerId: 'd-1',
          name: 'Umbrella',
          pointsPrice: 800,
          received: 5,
          reserved: 1,
          handedOut: 2,
          returned: 1,
          available: 3,
          revision: 9,
        },
      }));

  it('lists each reservation with its member, price and status', () =>
    spec
      .given([defined, received, reserve(1)])
      .when([{ type: 'GiftReservationReleased', data: { ...r(1), reason: 'points-refused', releasedAt: T } }])
      .thenMatches({
        'g-1': {
          reserved: 0,
          available: 5,
          reservations: [
            {
              reservationId: 'r-1',
              customerId: 'cu-1',
              points: 800,
              redemptionId: 'gift-r-1',
              status: 'released',
            },
          ],
        },
      }));
});
