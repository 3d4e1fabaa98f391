import { DomainError } from '../shared/domain-error';

export class GiftNotFound extends DomainError {
  constructor(giftId: string) {
    super('GIFT_NOT_FOUND', 'not-found', `gift ${giftId} is not in the catalogue: define it first`, {
      giftId,
    });
  }
}

export class GiftReservationNotFound extends DomainError {
  constructor(giftId: string, reservationId: string) {
    super(
      'GIFT_RESERVATION_NOT_FOUND',
      'not-found',
      `gift ${giftId} has no reservation ${reservationId}: redeem the gift first`,
      { giftId, reservationId },
    );
  }
}

export const giftAlreadyDefined = (giftId: string) =>
  new DomainError(
    'GIFT_ALREADY_DEFINED',
    'already-exists',
    `gift ${giftId} is already defined: use a new id`,
    {
      giftId,
    },
  );

export const reservationTaken = (giftId: string, reservationId: string) =>
  new DomainError(
    'GIFT_RESERVATION_EXISTS',
    'already-exists',
    `gift ${giftId} already has reservation ${reservationId}: use a new id, or the same Idempotency-Key to retry`,
    { giftId, reservationId },
  );

export const outOfStock = (giftId: string) =>
  new DomainError(
    'GIFT_OUT_OF_STOCK',
    'forbidden-transition',
    `gift ${giftId} has no unit available: receive stock first`,
    { giftId, available: 0 },
  );

/** The reservation is not in the state the command needs (e.g. handing out a cancelled one). */
export const reservationNotIn = (giftId: string, reservationId: string, status: string, needed: string) =>
  new DomainError(
    'GIFT_RESERVATION_NOT_' + needed.toUpperCase().replace(/-/g, '_'),
    'forbidden-transition',
    `reservation ${reservationId} of gift ${giftId} is ${status}, not ${needed}`,
    { giftId, reservationId, status },
  );
