import type { GiftCatalogue, GiftLine, GiftRecord } from '../../../application/gift/gift.queries';
import type { GiftReservation, ReservationStatus } from '../../../domain/gift/gift.state';

export class GiftReservationView implements GiftReservation {
  reservationId!: string;
  customerId!: string;
  /** Points debited at reservation. @example 800 */
  points!: number;
  /** The membership's redemption that paid for it. @example gift-rs-2026-0001 */
  redemptionId!: string;
  /** `released`: the points debit was refused (nothing taken); `cancelled`: the points were refunded. @example reserved */
  status!: ReservationStatus;
}

export class GiftLineView implements GiftLine {
  giftId!: string;
  dealerId!: string;
  name!: string;
  pointsPrice!: number;
  received!: number;
  /** Currently reserved: a unit handed out, cancelled or released leaves it. */
  reserved!: number;
  /** Every unit handed out, returned ones included. */
  handedOut!: number;
  returned!: number;
  /** received − reserved − handed out + returned. */
  available!: number;
  /** Stream revision; also the ETag. */
  revision!: number;
}

export class GiftView extends GiftLineView implements GiftRecord {
  reservations!: GiftReservationView[];
}

export class GiftCatalogueView implements GiftCatalogue {
  dealerId!: string;
  gifts!: GiftLineView[];
}
