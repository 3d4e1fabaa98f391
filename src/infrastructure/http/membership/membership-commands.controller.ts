import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { ExecuteMembershipCommand } from '../../../application/membership/membership.commands';
import type { MembershipCommand } from '../../../domain/membership/membership.commands';
import { OpensRecord, stepRoutes } from '../shared/command-route';
import { commandTarget, Commands, type CommandsOf } from '../shared/command-sender';
import { Permit } from '../shared/permission.decorator';
import { RecordIdPipe } from '../shared/record-id.pipe';
import {
  AdjustPointsBody,
  BuyVoucherBody,
  CancelMembershipBody,
  EnrollMemberBody,
  RedeemPointsBody,
  RedeemVoucherBody,
} from './membership.bodies';

const MEMBERSHIP = commandTarget<MembershipCommand>()('membership', 'customerId', ExecuteMembershipCommand);
type Membership = CommandsOf<typeof MEMBERSHIP>;
const Step = stepRoutes(MEMBERSHIP, 'MEMBERSHIP_NOT_FOUND');
const CODE = new RecordIdPipe('voucherCode');

/** What the membership adds to the generic 409: the duplicate it refuses, and its handler's second try. */
const Conflicts = (duplicate?: string) =>
  ApiConflictResponse({
    description: `${duplicate ? `${duplicate}. ` : ''}A first lost race is decided again on the new state, so only a second one is a WRONG_EXPECTED_REVISION.`,
  });

/** The club desk's commands. Points are earned by the earning reactor and expire by the clock, not by hand. */
@ApiTags('loyalty club')
@Controller('memberships')
export class MembershipCommandsController {
  @Post()
  @Permit('membership.manage')
  @Conflicts('MEMBERSHIP_ALREADY_ENROLLED')
  @OpensRecord('/memberships', 'Enrol a customer in the club (one membership per customer), as silver')
  enrol(@Body() body: EnrollMemberBody, @Commands(MEMBERSHIP) membership: Membership) {
    return membership.create(body.customerId, 'EnrollMember', body);
  }

  @Post(':customerId/redemptions')
  @Permit('membership.manage')
  @Conflicts('REDEMPTION_ALREADY_RECORDED')
  @Step(
    'Redeem points for a gift',
    'INSUFFICIENT_POINTS, MEMBERSHIP_LAPSED, MEMBERSHIP_CANCELLED, ACTION_BEFORE_ENROLMENT',
    'Paid by the soonest-expiring lots first; the event records which lots paid and how much.',
  )
  redeem(@Body() body: RedeemPointsBody, @Commands(MEMBERSHIP) membership: Membership) {
    return membership.send('RedeemPoints', body);
  }

  @Post(':customerId/vouchers')
  @Permit('membership.manage')
  @Conflicts('VOUCHER_CODE_TAKEN')
  @Step(
    'Buy a voucher with points (code, value, expiry)',
    'INSUFFICIENT_POINTS, VOUCHER_EXPIRY_NOT_AFTER_ISSUE, MEMBERSHIP_LAPSED, MEMBERSHIP_CANCELLED',
  )
  buyVoucher(@Body() body: BuyVoucherBody, @Commands(MEMBERSHIP) membership: Membership) {
    return membership.send('BuyVoucher', body);
  }

  @Post(':customerId/vouchers/:voucherCode/redeem')
  @Permit('membership.manage')
  @Conflicts()
  @(stepRoutes(MEMBERSHIP, 'MEMBERSHIP_NOT_FOUND, VOUCHER_NOT_FOUND')(
    'Redeem a voucher on a repair order: once, and before its expiry',
    'VOUCHER_ALREADY_REDEEMED, VOUCHER_EXPIRED',
  ))
  redeemVoucher(
    @Param('voucherCode', CODE) voucherCode: string,
    @Body() body: RedeemVoucherBody,
    @Commands(MEMBERSHIP) membership: Membership,
  ) {
    return membership.send('RedeemVoucher', { ...body, voucherCode });
  }

  @Post(':customerId/adjustments')
  @Permit('membership.adjust')
  @Conflicts('ADJUSTMENT_ALREADY_RECORDED')
  @Step(
    'Adjust points by hand, with a reason; the actor is recorded',
    'INSUFFICIENT_POINTS, ADJUSTMENT_ZERO, MEMBERSHIP_LAPSED',
  )
  adjust(@Body() body: AdjustPointsBody, @Commands(MEMBERSHIP) membership: Membership) {
    return membership.send('AdjustPoints', body);
  }

  @Post(':customerId/cancel')
  @Permit('membership.manage')
  @Conflicts()
  @Step(
    'Cancel the membership; remaining points are forfeited, bought vouchers stay valid',
    'MEMBERSHIP_CANCELLED',
  )
  cancel(@Body() body: CancelMembershipBody, @Commands(MEMBERSHIP) membership: Membership) {
    return membership.send('CancelMembership', body);
  }
}
