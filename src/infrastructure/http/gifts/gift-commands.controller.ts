import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ExecuteGiftCommand } from '../../../application/gift/gift.commands';
import type { GiftCommand } from '../../../domain/gift/gift.commands';
import { commandRoutes } from '../shared/command-routes';
import { commandTarget } from '../shared/command-sender';
import { routeTable } from '../shared/route-table';
import {
  DefineGiftBody,
  GiftReservationBody,
  ReceiveGiftStockBody,
  RedeemGiftBody,
  ReturnGiftBody,
} from './gifts.bodies';

const GIFT = commandTarget<GiftCommand>()('gift', 'giftId', ExecuteGiftCommand);
const { opens, step } = commandRoutes(GIFT, {
  notFound: 'GIFT_NOT_FOUND, GIFT_RESERVATION_NOT_FOUND, MEMBERSHIP_NOT_FOUND',
  collection: '/club/gifts',
});
const ON_RESERVATION = 'GIFT_RESERVATION_NOT_FOUND';
const MEMBER_REFUSALS =
  'INSUFFICIENT_POINTS, MEMBERSHIP_LAPSED, MEMBERSHIP_CANCELLED, MEMBERSHIP_FACT_OUT_OF_ORDER';

/** The club desk's gift shelf: the catalogue item, its stock and the member redemptions against it. */
@ApiTags('loyalty club')
@Controller('club/gifts')
export class GiftCommandsController extends routeTable({
  define: opens('', 'DefineGift', DefineGiftBody, 'membership.manage', {
    summary: 'Define a gift of one dealer, with its points price',
    conflicts: 'GIFT_ALREADY_DEFINED',
  }),
  receive: step('stock', 'ReceiveGiftStock', ReceiveGiftStockBody, 'membership.manage', {
    summary: 'Receive stock of a gift',
  }),
  redeem: step('redemptions', 'RedeemGift', RedeemGiftBody, 'membership.manage', {
    summary: "Redeem a gift for a member: reserves one unit and debits the member's points",
    refusals: `GIFT_OUT_OF_STOCK, GIFT_RESERVATION_NOT_RESERVED, ${MEMBER_REFUSALS}`,
    conflicts: 'GIFT_RESERVATION_EXISTS',
    description:
      "The unit is reserved on the gift stream, then the points are debited on the membership (soonest-expiring lots first). When the membership refuses, the reservation is released in the same request and the answer is the membership's refusal; nothing stays reserved. A retry with the same Idempotency-Key appends nothing new.",
  }),
  handOut: step('hand-outs', 'HandOutGift', GiftReservationBody, 'membership.manage', {
    summary: 'Hand out a reserved unit to the member',
    refusals: `GIFT_RESERVATION_NOT_RESERVED, ${ON_RESERVATION}`,
  }),
  cancel: step('cancellations', 'CancelGiftReservation', GiftReservationBody, 'membership.manage', {
    summary: 'Cancel a reservation: the unit goes back to stock and the points are refunded',
    refusals: `GIFT_RESERVATION_NOT_RESERVED, ${ON_RESERVATION}, MEMBERSHIP_LAPSED, MEMBERSHIP_CANCELLED`,
    conflicts: 'ADJUSTMENT_ALREADY_RECORDED',
    description:
      'The refund is a credit adjustment on the membership (`refund-<reservationId>`), recorded first; then the unit is released.',
  }),
  return: step('returns', 'ReturnGift', ReturnGiftBody, 'membership.manage', {
    summary: 'Take back a handed-out unit into stock (no points are refunded)',
    refusals: `GIFT_RESERVATION_NOT_HANDED_OUT, ${ON_RESERVATION}`,
  }),
}) {}
