import type { Command } from '../shared/event';

type Id = { giftId: string };
type OnReservation = Id & { reservationId: string };

export type DefineGift = Command<'DefineGift', Id & { dealerId: string; name: string; pointsPrice: number }>;
export type ReceiveGiftStock = Command<'ReceiveGiftStock', Id & { quantity: number }>;
/** Reserves one unit for the member; the handler then debits the points on the membership. */
export type RedeemGift = Command<'RedeemGift', OnReservation & { customerId: string }>;
/** The compensation of a redemption whose points debit was refused; issued by the handler only. */
export type ReleaseGiftReservation = Command<'ReleaseGiftReservation', OnReservation>;
export type CancelGiftReservation = Command<'CancelGiftReservation', OnReservation>;
export type HandOutGift = Command<'HandOutGift', OnReservation>;
export type ReturnGift = Command<'ReturnGift', OnReservation & { reason: string }>;

export type GiftCommand =
  | DefineGift
  | ReceiveGiftStock
  | RedeemGift
  | ReleaseGiftReservation
  | CancelGiftReservation
  | HandOutGift
  | ReturnGift;
