import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RecordIdPipe } from '../../infrastructure/http/shared/record-id.pipe';
import type { CommandResult } from '../shared/command-context';
import { CommandResultDto } from '../../infrastructure/http/shared/command.dto';
import { deterministicUuid } from '../shared/deterministic-id';
import { LegacyCommandSender, newRecordId } from '../../infrastructure/http/shared/legacy-command-sender';
import { COMMAND_HEADERS, replyWithResult } from '../../infrastructure/http/shared/http-replies';
import {
  BookTestDriveDto,
  CompleteTestDriveDto,
  GradeProspectDto,
  IssueQuoteDto,
  OrderProspectDto,
  PresentVehicleDto,
  ReactivateProspectDto,
  ReassignProspectDto,
  RecordFollowUpDto,
  RecordNeedsAnalysisDto,
  RegisterProspectDto,
  ScheduleFollowUpDto,
} from './prospect.dto';
import {
  OrderProspectCommand,
  type ProspectStep,
  ProspectStepCommand,
  RegisterProspectCommand,
} from './sales.commands';
import { stepRoute } from '../../infrastructure/http/shared/step-route';
import { Permit } from '../../infrastructure/http/shared/permission.decorator';

const ID = new RecordIdPipe('prospectId');
const NOT_FOUND = 'PROSPECT_NOT_FOUND';
const CLOSED = 'PROSPECT_LOST (reactivate first), PROSPECT_ORDERED';
type Result = CommandResult & { id: string };

@ApiTags('prospects')
@Controller('prospects')
export class ProspectController {
  constructor(
    private readonly commands: CommandBus,
    private readonly sender: LegacyCommandSender,
  ) {}

  @Post()
  @Permit('prospect.register')
  @ApiOperation({
    summary: 'Register a prospect (潜客建档), or count a repeat enquiry',
    description:
      'A second enquiry from the same phone at the same dealer is a touch on the existing prospect, never a second one: the answer is 200 with `duplicateOf` and the existing id. Race-free under concurrent requests.',
  })
  @COMMAND_HEADERS()
  @ApiCreatedResponse({ type: CommandResultDto, description: 'Registered; `Location` names the prospect.' })
  @ApiOkResponse({
    description: 'A repeat enquiry: counted on the existing prospect, named by `duplicateOf`.',
  })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiConflictResponse({
    description: 'PROSPECT_ALREADY_REGISTERED: the id names a prospect with another phone',
  })
  @ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_KEY_REUSED' })
  async register(
    @Body() body: RegisterProspectDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const { occurredAt, prospectId: requested, contact, ...data } = body;
    const context = this.sender.contextOf(request, occurredAt);
    const prospectId = newRecordId('prospect', requested, context);
    const customerId = contact.customerId ?? deterministicUuid(`customer|${prospectId}`);
    const outcome = await this.commands.execute(
      new RegisterProspectCommand({ ...data, prospectId, contact: { ...contact, customerId } }, context),
    );
    void reply.header('location', `/prospects/${outcome.prospectId}`);
    const answer = {
      ...replyWithResult(reply, outcome.prospectId, outcome.result),
      duplicateOf: outcome.duplicateOf,
    };
    // With @Res the reply is ours: Nest would otherwise force 201 on every POST.
    void reply.status(outcome.duplicateOf ? 200 : 201).send(answer);
  }

  @Post(':prospectId/order')
  @Permit('prospect.work')
  @ApiOperation({
    summary: 'Order: the prospect signs and the vehicle sale opens (grade O)',
    description:
      'Appends OrderSigned on the new sale, then ProspectOrdered on the prospect; a retry completes whichever half is missing. `saleId` names the sale.',
  })
  @COMMAND_HEADERS()
  @ApiCreatedResponse({ type: CommandResultDto, description: '`Location` names the vehicle sale.' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'WRONG_EXPECTED_REVISION' })
  @ApiUnprocessableEntityResponse({
    description: `${CLOSED}, PROSPECT_STEP_OUT_OF_ORDER (no quote yet), SALE_DISCOUNT_EXCEEDS_PRICE`,
  })
  async order(
    @Param('prospectId', ID) prospectId: string,
    @Body() body: OrderProspectDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Result & { saleId: string }> {
    const { occurredAt, promisedDeliveryAt, ...terms } = body;
    const context = this.sender.contextOf(request, occurredAt);
    const promised = new Date(promisedDeliveryAt).toISOString();
    const outcome = await this.commands.execute(
      new OrderProspectCommand(prospectId, { ...terms, promisedDeliveryAt: promised }, context),
    );
    void reply.header('location', `/vehicle-sales/${outcome.saleId}`);
    return { ...replyWithResult(reply, prospectId, outcome.result), saleId: outcome.saleId };
  }

  @Post(':prospectId/grade')
  @Permit('prospect.work')
  @stepRoute(
    'Grade a prospect H/A/B/C, or F (lost) with a reason',
    NOT_FOUND,
    `${CLOSED}, PROSPECT_LOST_REASON_REQUIRED`,
  )
  grade(
    @Param('prospectId', ID) id: string,
    @Body() body: GradeProspectDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { occurredAt, ...data } = body;
    return this.step(req, reply, occurredAt, { type: 'GradeProspect', data: { ...data, prospectId: id } });
  }

  @Post(':prospectId/follow-ups/scheduled')
  @Permit('prospect.work')
  @stepRoute('Plan the next contact (潜客跟踪计划)', NOT_FOUND, CLOSED)
  schedule(
    @Param('prospectId', ID) id: string,
    @Body() body: ScheduleFollowUpDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { occurredAt, dueAt, note } = body;
    const data = { prospectId: id, dueAt: new Date(dueAt).toISOString(), note };
    return this.step(req, reply, occurredAt, { type: 'ScheduleFollowUp', data });
  }

  @Post(':prospectId/follow-ups')
  @Permit('prospect.work')
  @stepRoute('Record a follow-up contact with its outcome and the next contact', NOT_FOUND, CLOSED)
  followUp(
    @Param('prospectId', ID) id: string,
    @Body() body: RecordFollowUpDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { occurredAt, nextContactAt, ...data } = body;
    const next = nextContactAt ? { nextContactAt: new Date(nextContactAt).toISOString() } : {};
    return this.step(req, reply, occurredAt, {
      type: 'RecordFollowUp',
      data: { ...data, ...next, prospectId: id },
    });
  }

  @Post(':prospectId/needs-analysis')
  @Permit('prospect.work')
  @stepRoute('Record the needs analysis (弄清客户需求)', NOT_FOUND, CLOSED)
  needs(
    @Param('prospectId', ID) id: string,
    @Body() body: RecordNeedsAnalysisDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { occurredAt, ...data } = body;
    return this.step(req, reply, occurredAt, {
      type: 'RecordNeedsAnalysis',
      data: { ...data, prospectId: id },
    });
  }

  @Post(':prospectId/presentations')
  @Permit('prospect.work')
  @stepRoute('Record a vehicle presentation (新车展示)', NOT_FOUND, CLOSED)
  present(
    @Param('prospectId', ID) id: string,
    @Body() body: PresentVehicleDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { occurredAt, ...data } = body;
    return this.step(req, reply, occurredAt, { type: 'PresentVehicle', data: { ...data, prospectId: id } });
  }

  @Post(':prospectId/test-drives/bookings')
  @Permit('prospect.work')
  @stepRoute('Book a test drive', NOT_FOUND, CLOSED)
  bookTestDrive(
    @Param('prospectId', ID) id: string,
    @Body() body: BookTestDriveDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { occurredAt, scheduledFor, model } = body;
    const data = { prospectId: id, model, scheduledFor: new Date(scheduledFor).toISOString() };
    return this.step(req, reply, occurredAt, { type: 'BookTestDrive', data });
  }

  @Post(':prospectId/test-drives')
  @Permit('prospect.work')
  @stepRoute(
    'Record a completed test drive (试车)',
    NOT_FOUND,
    `${CLOSED}, PROSPECT_STEP_OUT_OF_ORDER (not booked)`,
  )
  testDrive(
    @Param('prospectId', ID) id: string,
    @Body() body: CompleteTestDriveDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { occurredAt, ...data } = body;
    return this.step(req, reply, occurredAt, {
      type: 'CompleteTestDrive',
      data: { ...data, prospectId: id },
    });
  }

  @Post(':prospectId/quotes')
  @Permit('prospect.work')
  @stepRoute(
    'Issue a quote: price, discount and finance option in fen (报价)',
    NOT_FOUND,
    `${CLOSED}, PROSPECT_STEP_OUT_OF_ORDER (no presentation yet), PROSPECT_DISCOUNT_EXCEEDS_PRICE`,
  )
  quote(
    @Param('prospectId', ID) id: string,
    @Body() body: IssueQuoteDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { occurredAt, ...data } = body;
    return this.step(req, reply, occurredAt, { type: 'IssueQuote', data: { ...data, prospectId: id } });
  }

  @Post(':prospectId/reassign')
  @Permit('prospect.reassign')
  @stepRoute(
    'Reassign to another consultant, with the reason',
    NOT_FOUND,
    'PROSPECT_ORDERED, PROSPECT_ALREADY_WITH_CONSULTANT',
  )
  reassign(
    @Param('prospectId', ID) id: string,
    @Body() body: ReassignProspectDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { occurredAt, ...data } = body;
    return this.step(req, reply, occurredAt, { type: 'ReassignProspect', data: { ...data, prospectId: id } });
  }

  @Post(':prospectId/reactivate')
  @Permit('prospect.work')
  @stepRoute('Reactivate a lost prospect with a new grade', NOT_FOUND, 'PROSPECT_NOT_LOST')
  reactivate(
    @Param('prospectId', ID) id: string,
    @Body() body: ReactivateProspectDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { occurredAt, ...data } = body;
    return this.step(req, reply, occurredAt, {
      type: 'ReactivateProspect',
      data: { ...data, prospectId: id },
    });
  }

  private async step(
    request: FastifyRequest,
    reply: FastifyReply,
    occurredAt: string | undefined,
    step: ProspectStep,
  ): Promise<Result> {
    return this.sender.send(
      step.data.prospectId,
      occurredAt,
      request,
      reply,
      (context) => new ProspectStepCommand(step, context),
    );
  }
}
