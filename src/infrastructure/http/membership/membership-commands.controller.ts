import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { ExecuteMembershipCommand } from '../../../application/membership/membership.commands';
import type { MembershipCommand } from '../../../domain/membership/membership.commands';
import { stepRoutes } from '../shared/command-route';
import { commandRoutes } from '../shared/command-routes';
import { commandTarget, Commands, type CommandsOf } from '../shared/command-sender';
import { Permit } from '../shared/permission.decorator';
import { RecordIdPipe } from '../shared/record-id.pipe';
import { routeTable } from '../shared/route-table';
import {
  AdjustPointsBody,
  BlockMemberCardBody,
  ReplaceMemberCardBody,
  BuyVoucherBody,
  CancelMembershipBody,
  EnrollMemberBody,
  ReEnrollMemberBody,
  RecordMemberBirthdayBody,
  RedeemPointsBody,
  RedeemVoucherBody,
} from './membership.bodies';

const MEMBERSHIP = commandTarget<MembershipCommand>()('membership', 'customerId', ExecuteMembershipCommand);
const { opens, step } = commandRoutes(MEMBERSHIP, {
  notFound: 'MEMBERSHIP_NOT_FOUND',
  collection: '/memberships',
});
const CODE = new RecordIdPipe('voucherCode');
/** What every command on a member can meet: a date before enrolment, or before the member's last fact. */
const ON_MEMBER = 'ACTION_BEFORE_ENROLMENT, MEMBERSHIP_FACT_OUT_OF_ORDER';

/** What the membership adds to the generic 409: the duplicate it refuses, and its handler's second try. */
const Conflicts = (duplicate?: string) =>
  ApiConflictResponse({
    description: `${duplicate ? `${duplicate}. ` : ''}A lost race is decided again on the new state, so only the fifth in a row is a WRONG_EXPECTED_REVISION.`,
  });

/** A card number is the member's own, new to them: used before by them, or held by another member. */
const CARD_CONFLICTS =
  "MEMBER_CARD_NUMBER_USED: the member held it before; MEMBER_CARD_IN_USE: the card number is another member's";

/** The club desk's commands. Points are earned by the earning reactor and expire by the clock, not by hand. */
@ApiTags('loyalty club')
@Controller('memberships')
export class MembershipCommandsController extends routeTable({
  enrol: opens('', 'EnrollMember', EnrollMemberBody, 'membership.manage', {
    summary: 'Enrol a customer in the club (one membership per customer), as silver',
    above: [
      Conflicts("MEMBERSHIP_ALREADY_ENROLLED; MEMBER_CARD_IN_USE: the card number is another member's"),
    ],
  }),
  reEnrol: step('re-enrolment', 'ReEnrollMember', ReEnrollMemberBody, 'membership.manage', {
    summary: 'Enrol a lapsed or cancelled member again: a new period, as silver, with a new card',
    refusals: `MEMBERSHIP_STILL_ACTIVE, ${ON_MEMBER}`,
    description:
      'The new period starts at `occurredAt`: entry tier, no points, lifetime points from zero, the lapse clock from the re-enrolment, the home dealer kept. A lapse that fell due but is not yet recorded is recorded first. The earlier period stays in the history; a source that earned then never earns again; vouchers bought then stay valid to their expiry; the old card is replaced by the new one.',
    above: [Conflicts(CARD_CONFLICTS)],
  }),
  redeem: step('redemptions', 'RedeemPoints', RedeemPointsBody, 'membership.manage', {
    summary: 'Redeem points for a gift',
    refusals: `INSUFFICIENT_POINTS, MEMBERSHIP_LAPSED, MEMBERSHIP_CANCELLED, ${ON_MEMBER}`,
    description: 'Paid by the soonest-expiring lots first; the event records which lots paid and how much.',
    above: [Conflicts('REDEMPTION_ALREADY_RECORDED')],
  }),
  buyVoucher: step('vouchers', 'BuyVoucher', BuyVoucherBody, 'membership.manage', {
    summary: 'Buy a voucher with points (code, value, expiry)',
    refusals: `INSUFFICIENT_POINTS, VOUCHER_EXPIRY_NOT_AFTER_ISSUE, MEMBERSHIP_LAPSED, MEMBERSHIP_CANCELLED, ${ON_MEMBER}`,
    above: [Conflicts('VOUCHER_CODE_TAKEN')],
  }),
  adjust: step('adjustments', 'AdjustPoints', AdjustPointsBody, 'membership.adjust', {
    summary: 'Adjust points by hand, with a reason; the actor is recorded',
    refusals: `INSUFFICIENT_POINTS, ADJUSTMENT_ZERO, MEMBERSHIP_LAPSED, ${ON_MEMBER}`,
    above: [Conflicts('ADJUSTMENT_ALREADY_RECORDED')],
  }),
  replaceCard: step('card-replacements', 'ReplaceMemberCard', ReplaceMemberCardBody, 'membership.manage', {
    summary: 'Replace the member card: a new number, the old card blocked',
    refusals: ON_MEMBER,
    above: [Conflicts(CARD_CONFLICTS)],
  }),
  blockCard: step('card-blocks', 'BlockMemberCard', BlockMemberCardBody, 'membership.manage', {
    summary: 'Block the current member card (lost, stolen); replace it to issue a new one',
    refusals: `MEMBER_CARD_BLOCKED, ${ON_MEMBER}`,
    above: [Conflicts()],
  }),
  birthday: step('birthday', 'RecordMemberBirthday', RecordMemberBirthdayBody, 'membership.manage', {
    summary: "Record the member's birthday (month and day, never the year); again replaces it",
    refusals: `MEMBER_BIRTHDAY_NOT_A_DATE, MEMBERSHIP_LAPSED, MEMBERSHIP_CANCELLED, ${ON_MEMBER}`,
    description:
      'Personal data: sealed under the customer\'s key (forgetting the customer erases it), shown only on `GET /memberships/{customerId}` to the roles that see a phone in full. Its reminder falls due at 09:00 CST seven days before the birthday (docs/care.md, "Birthday reminders").',
    above: [Conflicts()],
  }),
  cancel: step('cancel', 'CancelMembership', CancelMembershipBody, 'membership.manage', {
    summary: 'Cancel the membership; remaining points are forfeited, bought vouchers stay valid',
    refusals: `MEMBERSHIP_CANCELLED, ${ON_MEMBER}`,
    above: [Conflicts()],
  }),
}) {
  /** The voucher code comes from the path too, and an unknown one is a 404 of its own. */
  @Post(':customerId/vouchers/:voucherCode/redeem')
  @Permit('membership.manage')
  @Conflicts()
  @(stepRoutes(MEMBERSHIP, 'MEMBERSHIP_NOT_FOUND, VOUCHER_NOT_FOUND')(
    'Redeem a voucher on a repair order: once, and before its expiry',
    `VOUCHER_ALREADY_REDEEMED, VOUCHER_EXPIRED, ${ON_MEMBER}`,
  ))
  redeemVoucher(
    @Param('voucherCode', CODE) voucherCode: string,
    @Body() body: RedeemVoucherBody,
    @Commands(MEMBERSHIP) membership: CommandsOf<typeof MEMBERSHIP>,
  ) {
    return membership.send('RedeemVoucher', { ...body, voucherCode });
  }
}
