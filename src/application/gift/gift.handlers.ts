import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type {
  CancelGiftReservation,
  GiftCommand,
  RedeemGift,
  ReleaseGiftReservation,
} from '../../domain/gift/gift.commands';
import { giftRedemptionId, giftStreamId } from '../../domain/gift/gift.decider';
import { GiftNotFound, GiftReservationNotFound, reservationNotIn } from '../../domain/gift/gift.errors';
import type { GiftReservation } from '../../domain/gift/gift.state';
import type { MembershipCommand } from '../../domain/membership/membership.commands';
import { membershipStreamId } from '../../domain/membership/membership.decider';
import { membershipFeature } from '../membership/membership.feature';
import type { CommandContext, CommandResult } from '../shared/command-context';
import { CommandPipeline } from '../shared/command-pipeline';
import type { CommandOf } from '../shared/feature';
import { ExecuteGiftCommand } from './gift.commands';
import { giftFeature } from './gift.feature';

/** The second stream's step: keyed from the request's own key, and never held to the gift's If-Match. */
const secondStep = (context: CommandContext, suffix?: string): CommandContext => ({
  ...context,
  expectedRevision: undefined,
  idempotencyKey:
    context.idempotencyKey && (suffix ? `${context.idempotencyKey}:${suffix}` : context.idempotencyKey),
});

/**
 * Gift commands. A redemption reserves on the gift stream first, then debits the points on the membership;
 * if the membership refuses (points, lapse, another dealer's member), the reservation is released in the
 * same request and the membership's refusal is the answer. A cancellation refunds first, then releases
 * the unit; if the release fails, the refund is taken back. docs/loyalty.md, "Gift stock", names the
 * failure window (a crash between the two appends) and how a retry with the same key closes it.
 */
@CommandHandler(ExecuteGiftCommand)
export class ExecuteGiftHandler implements ICommandHandler<ExecuteGiftCommand, CommandResult> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ command, context }: ExecuteGiftCommand): Promise<CommandResult> {
    const sent = command as CommandOf<GiftCommand>;
    if (sent.type === 'RedeemGift') return this.redeem(sent.data, context);
    if (sent.type === 'CancelGiftReservation') return this.cancel(sent.data, context);
    return this.pipeline.execute(giftFeature, sent, context);
  }

  private async reservation(giftId: string, reservationId: string): Promise<GiftReservation> {
    const gift = await this.pipeline.currentState(giftFeature, giftStreamId(giftId));
    if (gift.status === 'none') throw new GiftNotFound(giftId);
    const found = gift.reservations.find((r) => r.reservationId === reservationId);
    if (!found) throw new GiftReservationNotFound(giftId, reservationId);
    return found;
  }

  private membership(command: CommandOf<MembershipCommand>, context: CommandContext) {
    return this.pipeline.execute(membershipFeature, command, context);
  }

  private async redeem(data: RedeemGift['data'], context: CommandContext): Promise<CommandResult> {
    const reserved = await this.pipeline.execute(giftFeature, { type: 'RedeemGift', data }, context);
    const { giftId, reservationId, customerId } = data;
    const reservation = await this.reservation(giftId, reservationId);
    // A retry of a redemption whose debit was refused: the first answer was that refusal.
    if (reservation.status === 'released')
      throw reservationNotIn(giftId, reservationId, 'released', 'reserved');
    try {
      await this.membership(
        {
          type: 'RedeemPoints',
          data: {
            customerId,
            redemptionId: giftRedemptionId(reservationId),
            points: reservation.points,
            gift: giftId,
          },
        },
        secondStep(context),
      );
    } catch (refusal) {
      const release: ReleaseGiftReservation['data'] = { giftId, reservationId };
      await this.pipeline.execute(
        giftFeature,
        { type: 'ReleaseGiftReservation', data: release },
        secondStep(context, 'release'),
      );
      throw refusal;
    }
    return reserved;
  }

  private async cancel(data: CancelGiftReservation['data'], context: CommandContext): Promise<CommandResult> {
    const { giftId, reservationId } = data;
    const reservation = await this.reservation(giftId, reservationId);
    // `cancelled` goes on: a retry replays both steps (or the refund's id refuses a second refund).
    if (reservation.status !== 'reserved' && reservation.status !== 'cancelled')
      throw reservationNotIn(giftId, reservationId, reservation.status, 'reserved');
    const { customerId, points, redemptionId } = reservation;
    // A reservation whose debit never landed (a crash between the two steps) is released with no refund.
    const member = await this.pipeline.currentState(membershipFeature, membershipStreamId(customerId));
    const paid = member.status !== 'none' && member.redemptionIds.includes(redemptionId);
    if (!paid) return this.pipeline.execute(giftFeature, { type: 'CancelGiftReservation', data }, context);
    const refund = {
      customerId,
      delta: points,
      reason: `gift ${giftId} reservation ${reservationId} cancelled`,
    };
    await this.membership(
      { type: 'AdjustPoints', data: { ...refund, adjustmentId: `refund-${reservationId}` } },
      secondStep(context, 'refund'),
    );
    try {
      return await this.pipeline.execute(giftFeature, { type: 'CancelGiftReservation', data }, context);
    } catch (error) {
      await this.membership(
        {
          type: 'AdjustPoints',
          data: { ...refund, delta: -points, adjustmentId: `refund-${reservationId}-undone` },
        },
        secondStep(context, 'refund-undone'),
      );
      throw error;
    }
  }
}
