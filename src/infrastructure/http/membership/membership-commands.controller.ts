import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MembershipCommand } from '../../domain/membership/membership.commands';
import { RecordIdPipe } from '../../infrastructure/http/shared/record-id.pipe';
import { type BusinessTimeDto, CommandResultDto } from '../../infrastructure/http/shared/command.dto';
import { LegacyCommandSender } from '../../infrastructure/http/shared/legacy-command-sender';
import { COMMAND_HEADERS } from '../../infrastructure/http/shared/http-replies';
import { ExecuteMembershipCommand } from './membership.commands';
import {
  AdjustPointsDto,
  BuyVoucherDto,
  CancelMembershipDto,
  EnrollMemberDto,
  RedeemPointsDto,
  RedeemVoucherDto,
} from './membership.dto';
import { Permit } from '../../infrastructure/http/shared/permission.decorator';

const ID = new RecordIdPipe('customerId');
const CODE = new RecordIdPipe('voucherCode');
type Reply = FastifyReply;
type ByHand = Exclude<MembershipCommand['type'], 'EarnPoints' | 'ApplyDueExpiries'>;

/** The club desk's commands. Points are earned by the earning reactor and expire by the clock, not by hand. */
@ApiTags('loyalty club')
@Controller('memberships')
@COMMAND_HEADERS()
@ApiOkResponse({ type: CommandResultDto })
@ApiNotFoundResponse({ description: 'MEMBERSHIP_NOT_FOUND' })
@ApiConflictResponse({
  description: 'WRONG_EXPECTED_REVISION (If-Match, or two lost races): nothing was appended',
})
export class MembershipCommandsController {
  constructor(private readonly sender: LegacyCommandSender) {}

  @Post()
  @Permit('membership.manage')
  @ApiOperation({ summary: 'Enrol a customer in the club (one membership per customer), as silver' })
  @ApiBody({ type: EnrollMemberDto })
  @ApiCreatedResponse({
    type: CommandResultDto,
    description: '`Location` names the membership, `ETag` its revision.',
  })
  @ApiConflictResponse({ description: 'MEMBERSHIP_ALREADY_ENROLLED' })
  async enrol(
    @Body() body: EnrollMemberDto,
    @Req() rq: FastifyRequest,
    @Res({ passthrough: true }) rp: Reply,
  ) {
    const { customerId } = body;
    void rp.header('location', `/memberships/${customerId}`);
    return this.run(customerId, 'EnrollMember', body, rq, rp);
  }

  @Post(':customerId/redemptions')
  @Permit('membership.manage')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Redeem points for a gift',
    description: 'Paid by the soonest-expiring lots first; the event records which lots paid and how much.',
  })
  @ApiConflictResponse({ description: 'REDEMPTION_ALREADY_RECORDED' })
  @ApiUnprocessableEntityResponse({
    description: 'INSUFFICIENT_POINTS, MEMBERSHIP_LAPSED, MEMBERSHIP_CANCELLED, ACTION_BEFORE_ENROLMENT',
  })
  redeem(
    @Param('customerId', ID) id: string,
    @Body() body: RedeemPointsDto,
    @Req() rq: FastifyRequest,
    @Res({ passthrough: true }) rp: Reply,
  ) {
    return this.run(id, 'RedeemPoints', body, rq, rp);
  }

  @Post(':customerId/vouchers')
  @Permit('membership.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Buy a voucher with points (code, value, expiry)' })
  @ApiConflictResponse({ description: 'VOUCHER_CODE_TAKEN' })
  @ApiUnprocessableEntityResponse({
    description:
      'INSUFFICIENT_POINTS, VOUCHER_EXPIRY_NOT_AFTER_ISSUE, MEMBERSHIP_LAPSED, MEMBERSHIP_CANCELLED',
  })
  buyVoucher(
    @Param('customerId', ID) id: string,
    @Body() body: BuyVoucherDto,
    @Req() rq: FastifyRequest,
    @Res({ passthrough: true }) rp: Reply,
  ) {
    return this.run(id, 'BuyVoucher', body, rq, rp);
  }

  @Post(':customerId/vouchers/:voucherCode/redeem')
  @Permit('membership.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Redeem a voucher on a repair order: once, and before its expiry' })
  @ApiNotFoundResponse({ description: 'VOUCHER_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ description: 'VOUCHER_ALREADY_REDEEMED, VOUCHER_EXPIRED' })
  redeemVoucher(
    @Param('customerId', ID) id: string,
    @Param('voucherCode', CODE) voucherCode: string,
    @Body() body: RedeemVoucherDto,
    @Req() rq: FastifyRequest,
    @Res({ passthrough: true }) rp: Reply,
  ) {
    return this.run(id, 'RedeemVoucher', { ...body, voucherCode } as BusinessTimeDto, rq, rp);
  }

  @Post(':customerId/adjustments')
  @Permit('membership.adjust')
  @HttpCode(200)
  @ApiOperation({ summary: 'Adjust points by hand, with a reason; the actor is recorded' })
  @ApiConflictResponse({ description: 'ADJUSTMENT_ALREADY_RECORDED' })
  @ApiUnprocessableEntityResponse({ description: 'INSUFFICIENT_POINTS, ADJUSTMENT_ZERO, MEMBERSHIP_LAPSED' })
  adjust(
    @Param('customerId', ID) id: string,
    @Body() body: AdjustPointsDto,
    @Req() rq: FastifyRequest,
    @Res({ passthrough: true }) rp: Reply,
  ) {
    return this.run(id, 'AdjustPoints', body, rq, rp);
  }

  @Post(':customerId/cancel')
  @Permit('membership.manage')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel the membership; remaining points are forfeited, bought vouchers stay valid',
  })
  @ApiUnprocessableEntityResponse({ description: 'MEMBERSHIP_CANCELLED' })
  cancel(
    @Param('customerId', ID) id: string,
    @Body() body: CancelMembershipDto,
    @Req() rq: FastifyRequest,
    @Res({ passthrough: true }) rp: Reply,
  ) {
    return this.run(id, 'CancelMembership', body, rq, rp);
  }

  private async run(
    customerId: string,
    type: ByHand,
    body: BusinessTimeDto,
    request: FastifyRequest,
    reply: Reply,
  ) {
    const { occurredAt, ...data } = body;
    const command = { type, data: { ...data, customerId } } as ExecuteMembershipCommand['command'];
    return this.sender.send(
      customerId,
      occurredAt,
      request,
      reply,
      (context) => new ExecuteMembershipCommand(command, context),
    );
  }
}
