import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ExecuteComplaintCommand } from '../../../application/complaint/complaint.commands';
import type { CommandContext } from '../../../application/shared/command-context';
import type { ComplaintCommand } from '../../../domain/complaint/complaint.commands';
import { Ctx } from '../shared/command-context.decorator';
import { CommandRoute } from '../shared/command-route';
import { type CommandTarget, CommandSender } from '../shared/command-sender';
import { EmptyCommandBody } from '../shared/command.bodies';
import { Permit } from '../shared/permission.decorator';
import { RecordIdPipe } from '../shared/record-id.pipe';
import {
  AcknowledgeComplaintBody,
  AssignComplaintBody,
  CallbackBody,
  EscalateComplaintBody,
  FileComplaintBody,
  InvestigationNoteBody,
  ProposeResolutionBody,
  ReasonBody,
  RecordContactBody,
  ResolutionResponseBody,
} from './complaint.bodies';

const ID = new RecordIdPipe('complaintId');
const NOT_FOUND = 'COMPLAINT_NOT_FOUND';
const COMPLAINTS: CommandTarget<ComplaintCommand, 'complaintId'> = {
  category: 'complaint',
  idField: 'complaintId',
  toBus: (command, context) => new ExecuteComplaintCommand(command, context),
};

/** One route per step of the closed loop. */
@ApiTags('complaints')
@Controller('complaints')
export class ComplaintCommandsController {
  constructor(private readonly sender: CommandSender) {}

  @Post()
  @Permit('complaint.file')
  @CommandRoute({
    summary: 'File a complaint',
    description:
      'Starts the closed loop: the acknowledgement deadline of its level and the resolution deadline of its severity come from the SLA policy in force.',
    creates: '/complaints',
    refusals: ['COMPLAINT_ALREADY_FILED'],
  })
  file(@Body() body: FileComplaintBody, @Ctx() context: CommandContext) {
    return this.sender.create(COMPLAINTS, body.complaintId, 'FileComplaint', body, context);
  }

  @Post(':complaintId/acknowledge')
  @Permit('complaint.handle')
  @CommandRoute({
    summary: 'Acknowledge (受理) at the current level; records whether the deadline held',
    notFound: NOT_FOUND,
    refusals: ['COMPLAINT_ALREADY_ACKNOWLEDGED', 'COMPLAINT_CLOSED', 'COMPLAINT_ACTION_BEFORE_FILING'],
  })
  acknowledge(
    @Param('complaintId', ID) id: string,
    @Body() body: AcknowledgeComplaintBody,
    @Ctx() context: CommandContext,
  ) {
    return this.sender.send(COMPLAINTS, id, 'AcknowledgeComplaint', body, context);
  }

  @Post(':complaintId/assign')
  @Permit('complaint.assign')
  @CommandRoute({
    summary: 'Assign to a department or person, or transfer to another dealer',
    notFound: NOT_FOUND,
    refusals: ['COMPLAINT_ASSIGNMENT_EMPTY', 'COMPLAINT_CLOSED'],
  })
  assign(
    @Param('complaintId', ID) id: string,
    @Body() body: AssignComplaintBody,
    @Ctx() context: CommandContext,
  ) {
    return this.sender.send(COMPLAINTS, id, 'AssignComplaint', body, context);
  }

  @Post(':complaintId/contacts')
  @Permit('complaint.handle')
  @CommandRoute({
    summary: 'Record a contact with the customer',
    notFound: NOT_FOUND,
    refusals: ['COMPLAINT_CLOSED'],
  })
  contact(
    @Param('complaintId', ID) id: string,
    @Body() body: RecordContactBody,
    @Ctx() context: CommandContext,
  ) {
    return this.sender.send(COMPLAINTS, id, 'RecordCustomerContact', body, context);
  }

  @Post(':complaintId/investigation-notes')
  @Permit('complaint.handle')
  @CommandRoute({ summary: 'Add an investigation note', notFound: NOT_FOUND, refusals: ['COMPLAINT_CLOSED'] })
  note(
    @Param('complaintId', ID) id: string,
    @Body() body: InvestigationNoteBody,
    @Ctx() context: CommandContext,
  ) {
    return this.sender.send(COMPLAINTS, id, 'AddInvestigationNote', body, context);
  }

  @Post(':complaintId/proposals')
  @Permit('complaint.handle')
  @CommandRoute({
    summary: 'Propose a resolution (the remedy offered)',
    notFound: NOT_FOUND,
    refusals: ['COMPLAINT_NOT_ACKNOWLEDGED', 'COMPLAINT_PROPOSAL_PENDING', 'COMPLAINT_STAGE_FORBIDS'],
  })
  propose(
    @Param('complaintId', ID) id: string,
    @Body() body: ProposeResolutionBody,
    @Ctx() context: CommandContext,
  ) {
    return this.sender.send(COMPLAINTS, id, 'ProposeResolution', body, context);
  }

  @Post(':complaintId/proposals/response')
  @Permit('complaint.handle')
  @CommandRoute({
    summary: "Record the customer's answer to the proposal",
    notFound: NOT_FOUND,
    refusals: ['COMPLAINT_NO_PENDING_PROPOSAL'],
  })
  respond(
    @Param('complaintId', ID) id: string,
    @Body() body: ResolutionResponseBody,
    @Ctx() context: CommandContext,
  ) {
    return this.sender.send(COMPLAINTS, id, 'RecordResolutionResponse', body, context);
  }

  @Post(':complaintId/resolve')
  @Permit('complaint.handle')
  @CommandRoute({
    summary: 'Resolve with the accepted remedy; starts the callback clock',
    notFound: NOT_FOUND,
    refusals: ['COMPLAINT_NO_REMEDY_PROPOSED', 'COMPLAINT_REMEDY_NOT_ACCEPTED', 'COMPLAINT_NOT_ACKNOWLEDGED'],
  })
  resolve(
    @Param('complaintId', ID) id: string,
    @Body() body: EmptyCommandBody,
    @Ctx() context: CommandContext,
  ) {
    return this.sender.send(COMPLAINTS, id, 'ResolveComplaint', body, context);
  }

  @Post(':complaintId/callback')
  @Permit('complaint.handle')
  @CommandRoute({
    summary: 'Record the closing callback and the customer satisfaction it brought',
    notFound: NOT_FOUND,
    refusals: ['COMPLAINT_NOT_RESOLVED'],
  })
  callback(@Param('complaintId', ID) id: string, @Body() body: CallbackBody, @Ctx() context: CommandContext) {
    return this.sender.send(COMPLAINTS, id, 'RecordCallback', body, context);
  }

  @Post(':complaintId/close')
  @Permit('complaint.handle')
  @CommandRoute({
    summary: 'Close after resolution and a callback that reached the customer',
    notFound: NOT_FOUND,
    refusals: ['COMPLAINT_NOT_RESOLVED', 'COMPLAINT_CALLBACK_MISSING'],
  })
  close(
    @Param('complaintId', ID) id: string,
    @Body() body: EmptyCommandBody,
    @Ctx() context: CommandContext,
  ) {
    return this.sender.send(COMPLAINTS, id, 'CloseComplaint', body, context);
  }

  @Post(':complaintId/reopen')
  @Permit('complaint.handle')
  @CommandRoute({
    summary: 'Reopen a resolved or closed complaint; the resolution clock starts again',
    notFound: NOT_FOUND,
    refusals: ['COMPLAINT_STAGE_FORBIDS'],
  })
  reopen(@Param('complaintId', ID) id: string, @Body() body: ReasonBody, @Ctx() context: CommandContext) {
    return this.sender.send(COMPLAINTS, id, 'ReopenComplaint', body, context);
  }

  @Post(':complaintId/escalate')
  @Permit('complaint.handle')
  @CommandRoute({
    summary: 'Escalate by hand (default: one level up); restarts the acknowledgement clock',
    notFound: NOT_FOUND,
    refusals: ['COMPLAINT_AT_TOP_LEVEL', 'COMPLAINT_ESCALATION_NOT_UPWARD', 'COMPLAINT_CLOSED'],
  })
  escalate(
    @Param('complaintId', ID) id: string,
    @Body() body: EscalateComplaintBody,
    @Ctx() context: CommandContext,
  ) {
    return this.sender.send(COMPLAINTS, id, 'EscalateComplaint', body, context);
  }
}
