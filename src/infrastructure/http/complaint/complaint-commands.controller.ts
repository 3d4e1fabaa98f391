import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ExecuteComplaintCommand } from '../../../application/complaint/complaint.commands';
import type { ComplaintCommand } from '../../../domain/complaint/complaint.commands';
import { OpensRecord, stepRoutes } from '../shared/command-route';
import { commandTarget, Commands, type CommandsOf } from '../shared/command-sender';
import { EmptyCommandBody } from '../shared/command.bodies';
import { Permit } from '../shared/permission.decorator';
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

const COMPLAINT = commandTarget<ComplaintCommand>()('complaint', 'complaintId', ExecuteComplaintCommand);
type Complaint = CommandsOf<typeof COMPLAINT>;
const Step = stepRoutes(COMPLAINT, 'COMPLAINT_NOT_FOUND');

/** One route per step of the closed loop. */
@ApiTags('complaints')
@Controller('complaints')
export class ComplaintCommandsController {
  @Post()
  @Permit('complaint.file')
  @OpensRecord(
    '/complaints',
    'File a complaint',
    'COMPLAINT_ALREADY_FILED',
    'Starts the closed loop: the acknowledgement deadline of its level and the resolution deadline of its severity come from the SLA policy in force.',
  )
  file(@Body() body: FileComplaintBody, @Commands(COMPLAINT) complaint: Complaint) {
    return complaint.create(body.complaintId, 'FileComplaint', body);
  }

  @Post(':complaintId/acknowledge')
  @Permit('complaint.handle')
  @Step(
    'Acknowledge (受理) at the current level; records whether the deadline held',
    'COMPLAINT_ALREADY_ACKNOWLEDGED, COMPLAINT_CLOSED, COMPLAINT_ACTION_BEFORE_FILING',
  )
  acknowledge(@Body() body: AcknowledgeComplaintBody, @Commands(COMPLAINT) complaint: Complaint) {
    return complaint.send('AcknowledgeComplaint', body);
  }

  @Post(':complaintId/assign')
  @Permit('complaint.assign')
  @Step(
    'Assign to a department or person, or transfer to another dealer',
    'COMPLAINT_ASSIGNMENT_EMPTY, COMPLAINT_CLOSED',
  )
  assign(@Body() body: AssignComplaintBody, @Commands(COMPLAINT) complaint: Complaint) {
    return complaint.send('AssignComplaint', body);
  }

  @Post(':complaintId/contacts')
  @Permit('complaint.handle')
  @Step('Record a contact with the customer', 'COMPLAINT_CLOSED')
  contact(@Body() body: RecordContactBody, @Commands(COMPLAINT) complaint: Complaint) {
    return complaint.send('RecordCustomerContact', body);
  }

  @Post(':complaintId/investigation-notes')
  @Permit('complaint.handle')
  @Step('Add an investigation note', 'COMPLAINT_CLOSED')
  note(@Body() body: InvestigationNoteBody, @Commands(COMPLAINT) complaint: Complaint) {
    return complaint.send('AddInvestigationNote', body);
  }

  @Post(':complaintId/proposals')
  @Permit('complaint.handle')
  @Step(
    'Propose a resolution (the remedy offered)',
    'COMPLAINT_NOT_ACKNOWLEDGED, COMPLAINT_PROPOSAL_PENDING, COMPLAINT_STAGE_FORBIDS',
  )
  propose(@Body() body: ProposeResolutionBody, @Commands(COMPLAINT) complaint: Complaint) {
    return complaint.send('ProposeResolution', body);
  }

  @Post(':complaintId/proposals/response')
  @Permit('complaint.handle')
  @Step("Record the customer's answer to the proposal", 'COMPLAINT_NO_PENDING_PROPOSAL')
  respond(@Body() body: ResolutionResponseBody, @Commands(COMPLAINT) complaint: Complaint) {
    return complaint.send('RecordResolutionResponse', body);
  }

  @Post(':complaintId/resolve')
  @Permit('complaint.handle')
  @Step(
    'Resolve with the accepted remedy; starts the callback clock',
    'COMPLAINT_NO_REMEDY_PROPOSED, COMPLAINT_REMEDY_NOT_ACCEPTED, COMPLAINT_NOT_ACKNOWLEDGED',
  )
  resolve(@Body() body: EmptyCommandBody, @Commands(COMPLAINT) complaint: Complaint) {
    return complaint.send('ResolveComplaint', body);
  }

  @Post(':complaintId/callback')
  @Permit('complaint.handle')
  @Step('Record the closing callback and the customer satisfaction it brought', 'COMPLAINT_NOT_RESOLVED')
  callback(@Body() body: CallbackBody, @Commands(COMPLAINT) complaint: Complaint) {
    return complaint.send('RecordCallback', body);
  }

  @Post(':complaintId/close')
  @Permit('complaint.handle')
  @Step(
    'Close after resolution and a callback that reached the customer',
    'COMPLAINT_NOT_RESOLVED, COMPLAINT_CALLBACK_MISSING',
  )
  close(@Body() body: EmptyCommandBody, @Commands(COMPLAINT) complaint: Complaint) {
    return complaint.send('CloseComplaint', body);
  }

  @Post(':complaintId/reopen')
  @Permit('complaint.handle')
  @Step('Reopen a resolved or closed complaint; the resolution clock starts again', 'COMPLAINT_STAGE_FORBIDS')
  reopen(@Body() body: ReasonBody, @Commands(COMPLAINT) complaint: Complaint) {
    return complaint.send('ReopenComplaint', body);
  }

  @Post(':complaintId/escalate')
  @Permit('complaint.handle')
  @Step(
    'Escalate by hand (default: one level up); restarts the acknowledgement clock',
    'COMPLAINT_AT_TOP_LEVEL, COMPLAINT_ESCALATION_NOT_UPWARD, COMPLAINT_CLOSED',
  )
  escalate(@Body() body: EscalateComplaintBody, @Commands(COMPLAINT) complaint: Complaint) {
    return complaint.send('EscalateComplaint', body);
  }
}
