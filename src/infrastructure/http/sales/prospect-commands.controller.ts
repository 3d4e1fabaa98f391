import {
  Body,
  type CallHandler,
  Controller,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  Param,
  Post,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { tap } from 'rxjs';
import {
  OrderProspectCommand,
  ProspectStepCommand,
  RegisterProspectCommand,
} from '../../../application/sales/sales.commands';
import type { CommandContext } from '../../../application/shared/command-context';
import { deterministicUuid } from '../../../application/shared/deterministic-id';
import type {
  OrderProspect,
  ProspectCommand,
  RegisterProspect,
} from '../../../domain/prospect/prospect.commands';
import { Ctx } from '../shared/command-context.decorator';
import { CommandRoute, stepRoutes } from '../shared/command-route';
import { commandTarget, Commands, type CommandsOf, newRecordId } from '../shared/command-sender';
import { Permit } from '../shared/permission.decorator';
import { RecordIdPipe } from '../shared/record-id.pipe';
import {
  BookTestDriveBody,
  CompleteTestDriveBody,
  GradeProspectBody,
  IssueQuoteBody,
  OrderProspectBody,
  PresentVehicleBody,
  ReactivateProspectBody,
  ReassignProspectBody,
  RecordFollowUpBody,
  RecordNeedsAnalysisBody,
  RegisterProspectBody,
  ScheduleFollowUpBody,
} from './sales.bodies';
import { OrderReply, RegistrationReply } from './prospect.responses';

/** Registering and ordering have handlers of their own; every other step goes through the pipeline as is. */
const PROSPECT = commandTarget<Exclude<ProspectCommand, RegisterProspect | OrderProspect>>()(
  'prospect',
  'prospectId',
  ProspectStepCommand,
);
type Prospect = CommandsOf<typeof PROSPECT>;
const NOT_FOUND = 'PROSPECT_NOT_FOUND';
const Step = stepRoutes(PROSPECT, NOT_FOUND);
const CLOSED = 'PROSPECT_LOST (reactivate first), PROSPECT_ORDERED';
/** The read models compare instants as text (due, booked, promised), which holds only if all are in UTC. */
const inUtc = (instant: string): string => new Date(instant).toISOString();

/** A repeat enquiry opens nothing: it answers 200 where a new prospect answers 201. */
@Injectable()
class RepeatEnquiryIsOk implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler<RegistrationReply>) {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      tap((answer) => {
        if (answer.duplicateOf) void reply.status(200);
      }),
    );
  }
}

@ApiTags('prospects')
@Controller('prospects')
export class ProspectCommandsController {
  constructor(private readonly bus: CommandBus) {}

  @Post()
  @Permit('prospect.register')
  @CommandRoute({
    summary: 'Register a prospect (潜客建档), or count a repeat enquiry',
    description:
      "A second enquiry from the same phone at the same dealer is a touch on the existing prospect, never a second one: the answer is 200 with `duplicateOf`, the existing id and its owner (`consultantId`), also when another consultant of the dealer sent it (the prospect stays the owner's). Race-free under concurrent requests.",
    creates: '/prospects',
    reply: RegistrationReply,
  })
  @UseInterceptors(RepeatEnquiryIsOk)
  @ApiOkResponse({
    type: RegistrationReply,
    description: 'A repeat enquiry: counted on the existing prospect, named by `duplicateOf`.',
  })
  @ApiConflictResponse({
    description: 'PROSPECT_ALREADY_REGISTERED: the id names a prospect with another phone',
  })
  async register(
    @Body() { occurredAt: _occurredAt, prospectId: requested, contact, ...data }: RegisterProspectBody,
    @Ctx() context: CommandContext,
  ) {
    const prospectId = newRecordId('prospect', requested, context);
    const customerId = contact.customerId ?? deterministicUuid(`customer|${prospectId}`);
    const registration = { ...data, prospectId, contact: { ...contact, customerId } };
    const outcome = await this.bus.execute(new RegisterProspectCommand(registration, context));
    const { prospectId: id, result, duplicateOf, consultantId } = outcome;
    return { id, ...result, duplicateOf, consultantId };
  }

  @Post(':prospectId/order')
  @Permit('prospect.work')
  @CommandRoute({
    summary: 'Order: the prospect signs and the vehicle sale opens (grade O)',
    description:
      'Appends OrderSigned on the new sale, then ProspectOrdered on the prospect; a retry completes whichever half is missing. `saleId` names the sale, and so does `Location`.',
    creates: '/vehicle-sales',
    createdIdField: 'saleId',
    reply: OrderReply,
    notFound: NOT_FOUND,
    idParam: 'prospectId',
    refusals: `${CLOSED}, PROSPECT_STEP_OUT_OF_ORDER (no quote yet), SALE_DISCOUNT_EXCEEDS_PRICE`,
  })
  async order(
    @Param('prospectId', new RecordIdPipe('prospectId')) prospectId: string,
    @Body() { occurredAt: _occurredAt, ...terms }: OrderProspectBody,
    @Ctx() context: CommandContext,
  ) {
    const promisedDeliveryAt = inUtc(terms.promisedDeliveryAt);
    const order = new OrderProspectCommand(prospectId, { ...terms, promisedDeliveryAt }, context);
    const { saleId, result } = await this.bus.execute(order);
    return { id: prospectId, ...result, saleId };
  }

  @Post(':prospectId/grade')
  @Permit('prospect.work')
  @Step('Grade a prospect H/A/B/C, or F (lost) with a reason', `${CLOSED}, PROSPECT_LOST_REASON_REQUIRED`)
  grade(@Body() body: GradeProspectBody, @Commands(PROSPECT) prospect: Prospect) {
    return prospect.send('GradeProspect', body);
  }

  @Post(':prospectId/follow-ups/scheduled')
  @Permit('prospect.work')
  @Step('Plan the next contact (潜客跟踪计划)', CLOSED)
  schedule(@Body() body: ScheduleFollowUpBody, @Commands(PROSPECT) prospect: Prospect) {
    return prospect.send('ScheduleFollowUp', { ...body, dueAt: inUtc(body.dueAt) });
  }

  @Post(':prospectId/follow-ups')
  @Permit('prospect.work')
  @Step('Record a follow-up contact with its outcome and the next contact', CLOSED)
  followUp(@Body() body: RecordFollowUpBody, @Commands(PROSPECT) prospect: Prospect) {
    const { nextContactAt } = body;
    return prospect.send('RecordFollowUp', { ...body, nextContactAt: nextContactAt && inUtc(nextContactAt) });
  }

  @Post(':prospectId/needs-analysis')
  @Permit('prospect.work')
  @Step('Record the needs analysis (弄清客户需求)', CLOSED)
  needs(@Body() body: RecordNeedsAnalysisBody, @Commands(PROSPECT) prospect: Prospect) {
    return prospect.send('RecordNeedsAnalysis', body);
  }

  @Post(':prospectId/presentations')
  @Permit('prospect.work')
  @Step('Record a vehicle presentation (新车展示)', CLOSED)
  present(@Body() body: PresentVehicleBody, @Commands(PROSPECT) prospect: Prospect) {
    return prospect.send('PresentVehicle', body);
  }

  @Post(':prospectId/test-drives/bookings')
  @Permit('prospect.work')
  @Step('Book a test drive', CLOSED)
  bookTestDrive(@Body() body: BookTestDriveBody, @Commands(PROSPECT) prospect: Prospect) {
    return prospect.send('BookTestDrive', { ...body, scheduledFor: inUtc(body.scheduledFor) });
  }

  @Post(':prospectId/test-drives')
  @Permit('prospect.work')
  @Step('Record a completed test drive (试车)', `${CLOSED}, PROSPECT_STEP_OUT_OF_ORDER (not booked)`)
  testDrive(@Body() body: CompleteTestDriveBody, @Commands(PROSPECT) prospect: Prospect) {
    return prospect.send('CompleteTestDrive', body);
  }

  @Post(':prospectId/quotes')
  @Permit('prospect.work')
  @Step(
    'Issue a quote: price, discount and finance option in fen (报价)',
    `${CLOSED}, PROSPECT_STEP_OUT_OF_ORDER (no presentation yet), PROSPECT_DISCOUNT_EXCEEDS_PRICE`,
  )
  quote(@Body() body: IssueQuoteBody, @Commands(PROSPECT) prospect: Prospect) {
    return prospect.send('IssueQuote', body);
  }

  @Post(':prospectId/reassign')
  @Permit('prospect.reassign')
  @Step(
    'Reassign to another consultant, with the reason',
    'PROSPECT_ORDERED, PROSPECT_ALREADY_WITH_CONSULTANT',
  )
  reassign(@Body() body: ReassignProspectBody, @Commands(PROSPECT) prospect: Prospect) {
    return prospect.send('ReassignProspect', body);
  }

  @Post(':prospectId/reactivate')
  @Permit('prospect.work')
  @Step('Reactivate a lost prospect with a new grade', 'PROSPECT_NOT_LOST')
  reactivate(@Body() body: ReactivateProspectBody, @Commands(PROSPECT) prospect: Prospect) {
    return prospect.send('ReactivateProspect', body);
  }
}
