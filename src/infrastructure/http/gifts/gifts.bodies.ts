import { IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import type { GiftCommand } from '../../../domain/gift/gift.commands';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../../../application/shared/record-id';
import { BusinessTime } from '../shared/command.bodies';
import { ONE_LINE, ONE_LINE_MESSAGE } from '../shared/text-rules';

/** Each body is its command's data less the gift id (from the path), so a drifting body does not compile. */
type Body<T extends GiftCommand['type']> = Omit<Extract<GiftCommand, { type: T }>['data'], 'giftId'>;

export class DefineGiftBody extends BusinessTime implements Body<'DefineGift'> {
  /** Optional: one is made up when left out. @example g-umbrella-sh01 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) giftId?: string;
  /** The dealer whose shelf holds the gift. @example d-sh-01 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId!: string;
  /** @example "Brand umbrella" */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 200) name!: string;
  /** Points a member pays for one unit. @example 800 */
  @IsInt() @Min(1) @Max(100_000_000) pointsPrice!: number;
}

export class ReceiveGiftStockBody extends BusinessTime implements Body<'ReceiveGiftStock'> {
  /** Units received. @example 10 */
  @IsInt() @Min(1) @Max(1_000_000) quantity!: number;
}

export class RedeemGiftBody extends BusinessTime implements Body<'RedeemGift'> {
  /** Chosen by the caller; also names the points debit (`gift-<reservationId>`). @example rs-2026-0001 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) reservationId!: string;
  /** The member who pays with points. @example cu-20931 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) customerId!: string;
}

export class GiftReservationBody extends BusinessTime implements Body<'HandOutGift'> {
  /** @example rs-2026-0001 */
  @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) reservationId!: string;
}

export class ReturnGiftBody extends GiftReservationBody implements Body<'ReturnGift'> {
  /** @example "Faulty: the catch is broken" */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 500) reason!: string;
}
