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
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
import { CommandRoute } from '../shared/command-route';
import { commandRoutes } from '../shared/command-routes';
import { commandTarget, newRecordId } from '../shared/command-sender';
import { Permit } from '../shared/permission.decorator';
import { RecordIdPipe } from '../shared/record-id.pipe';
import { routeTable } from '../shared/route-table';
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
const NOT_FOUND = 'PROSPECT_NOT_FOUND';
const BEFORE_REGISTRATION = 'PROSPECT_ACTION_BEFORE_REGISTRATION';
const { step } = commandRoutes(PROSPECT, { notFound: NOT_FOUND, everyStep: BEFORE_REGISTRATION });
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
export class ProspectCommandsController extends routeTable({
  grade: step('grade', 'GradeProspect', GradeProspectBody, 'prospect.work', {
    summary: 'Grade a prospect H/A/B/C, or F (lost) with a reason',
    refusals: `${CLOSED}, PROSPECT_LOST_REASON_REQUIRED`,
  }),
  schedule: step('follow-ups/scheduled', 'ScheduleFollowUp', ScheduleFollowUpBody, 'prospect.work', {
    summary: 'Plan the next contact (潜客跟踪计划)',
    refusals: CLOSED,
    map: (body) => ({ ...body, dueAt: inUtc(body.dueAt) }),
  }),
  followUp: step('follow-ups', 'RecordFollowUp', RecordFollowUpBody, 'prospect.work', {
    summary: 'Record a follow-up contact with its outcome and the next contact',
    refusals: CLOSED,
    map: (body) => ({ ...body, nextContactAt: body.nextContactAt && inUtc(body.nextContactAt) }),
  }),
  needs: step('needs-analysis', 'RecordNeedsAnalysis', RecordNeedsAnalysisBody, 'prospect.work', {
    summary: 'Record the needs analysis (弄清客户需求)',
    refusals: CLOSED,
  }),
  present: step('presentations', 'PresentVehicle', PresentVehicleBody, 'prospect.work', {
    summary: 'Record a vehicle presentation (新车展示)',
    refusals: CLOSED,
  }),
  bookTestDrive: step('test-drives/bookings', 'BookTestDrive', BookTestDriveBody, 'prospect.work', {
    summary: 'Book a test drive',
    refusals: CLOSED,
    map: (body) => ({ ...body, scheduledFor: inUtc(body.scheduledFor) }),
  }),
  testDrive: step('test-drives', 'CompleteTestDrive', CompleteTestDriveBody, 'prospect.work', {
    summary: 'Record a completed test drive (试车)',
    refusals: `${CLOSED}, PROSPECT_STEP_OUT_OF_ORDER (not booked)`,
  }),
  quote: step('quotes', 'IssueQuote', IssueQuoteBody, 'prospect.work', {
    summary: 'Issue a quote: price, discount and finance option in fen (报价)',
    refusals: `${CLOSED}, PROSPECT_STEP_OUT_OF_ORDER (no presentation yet), PROSPECT_DISCOUNT_EXCEEDS_PRICE`,
  }),
  reassign: step('reassign', 'ReassignProspect', ReassignProspectBody, 'prospect.reassign', {
    summary: 'Reassign to another consultant, with the reason',
    refusals: 'PROSPECT_ORDERED, PROSPECT_ALREADY_WITH_CONSULTANT',
  }),
  reactivate: step('reactivate', 'ReactivateProspect', ReactivateProspectBody, 'prospect.work', {
    summary: 'Reactivate a lost prospect with a new grade',
    refusals: 'PROSPECT_NOT_LOST',
  }),
}) {
  constructor(private readonly bus: CommandBus) {
    super();
  }

  @Post()
  @Permit('prospect.register', undefined, 'OEM_LEADS_ONLY (OEM staff register OEM leads only)')
  @CommandRoute({
    summary: 'Register a prospect (潜客建档), or count a repeat enquiry',
    description:
      "A second enquiry from the same phone at the same dealer is a touch on the existing prospect, never a second one: the answer is 200 with `duplicateOf`, the existing id and its owner (`consultantId`), also when another consultant of the dealer sent it (the prospect stays the owner's). Race-free under concurrent requests.",
    creates: '/prospects',
    reply: RegistrationReply,
    conflicts: 'PROSPECT_ALREADY_REGISTERED: the id names a prospect with another phone',
  })
  @UseInterceptors(RepeatEnquiryIsOk)
  @ApiOkResponse({
    type: RegistrationReply,
    description: 'A repeat enquiry: counted on the existing prospect, named by `duplicateOf`.',
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
    refusals: `${CLOSED}, PROSPECT_STEP_OUT_OF_ORDER (no quote yet), SALE_DISCOUNT_EXCEEDS_PRICE, SALE_RESIDENT_ID_INVALID (buyer.idNumber: a resident ID number whose check character, birth date or province is wrong), ${BEFORE_REGISTRATION}`,
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
}
