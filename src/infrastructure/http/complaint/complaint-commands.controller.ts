import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ExecuteComplaintCommand } from '../../../application/complaint/complaint.commands';
import type { ComplaintCommand } from '../../../domain/complaint/complaint.commands';
import { commandRoutes } from '../shared/command-routes';
import { commandTarget } from '../shared/command-sender';
import { EmptyCommandBody } from '../shared/command.bodies';
import { routeTable } from '../shared/route-table';
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
const { opens, step } = commandRoutes(COMPLAINT, {
  notFound: 'COMPLAINT_NOT_FOUND',
  collection: '/complaints',
  everyStep: 'COMPLAINT_ACTION_BEFORE_FILING',
});

/** One route per step of the closed loop. */
@ApiTags('complaints')
@Controller('complaints')
export class ComplaintCommandsController extends routeTable({
  file: opens('', 'FileComplaint', FileComplaintBody, 'complaint.file', {
    summary: 'File a complaint',
    conflicts: 'COMPLAINT_ALREADY_FILED',
    description:
      'Starts the closed loop: the acknowledgement deadline of its level and the resolution deadline of its severity come from the SLA policy in force.',
  }),
  acknowledge: step('acknowledge', 'AcknowledgeComplaint', AcknowledgeComplaintBody, 'complaint.handle', {
    summary: 'Acknowledge (受理) at the current level; records whether the deadline held',
    refusals: 'COMPLAINT_ALREADY_ACKNOWLEDGED, COMPLAINT_CLOSED, COMPLAINT_FACT_OUT_OF_ORDER',
  }),
  assign: step('assign', 'AssignComplaint', AssignComplaintBody, 'complaint.assign', {
    summary: 'Assign to a department or person, or transfer to another dealer',
    refusals: 'COMPLAINT_ASSIGNMENT_EMPTY, COMPLAINT_CLOSED, COMPLAINT_FACT_OUT_OF_ORDER',
    forbidden: 'TRANSFER_FORBIDDEN (only the dealer manager and the OEM hand a complaint to another dealer)',
  }),
  contact: step('contacts', 'RecordCustomerContact', RecordContactBody, 'complaint.handle', {
    summary: 'Record a contact with the customer',
    refusals: 'COMPLAINT_CLOSED',
  }),
  note: step('investigation-notes', 'AddInvestigationNote', InvestigationNoteBody, 'complaint.handle', {
    summary: 'Add an investigation note',
    refusals: 'COMPLAINT_CLOSED',
  }),
  propose: step('proposals', 'ProposeResolution', ProposeResolutionBody, 'complaint.handle', {
    summary: 'Propose a resolution (the remedy offered)',
    refusals:
      'COMPLAINT_NOT_ACKNOWLEDGED, COMPLAINT_PROPOSAL_PENDING, COMPLAINT_STAGE_FORBIDS, COMPLAINT_CLOSED, COMPLAINT_FACT_OUT_OF_ORDER',
  }),
  respond: step(
    'proposals/response',
    'RecordResolutionResponse',
    ResolutionResponseBody,
    'complaint.handle',
    {
      summary: "Record the customer's answer to the proposal",
      refusals: 'COMPLAINT_NO_PENDING_PROPOSAL, COMPLAINT_FACT_OUT_OF_ORDER',
    },
  ),
  resolve: step('resolve', 'ResolveComplaint', EmptyCommandBody, 'complaint.handle', {
    summary: 'Resolve with the accepted remedy; starts the callback clock',
    refusals:
      'COMPLAINT_NO_REMEDY_PROPOSED, COMPLAINT_REMEDY_NOT_ACCEPTED, COMPLAINT_NOT_ACKNOWLEDGED, COMPLAINT_FACT_OUT_OF_ORDER',
  }),
  callback: step('callback', 'RecordCallback', CallbackBody, 'complaint.handle', {
    summary: 'Record the closing callback and the customer satisfaction it brought',
    refusals: 'COMPLAINT_NOT_RESOLVED, COMPLAINT_FACT_OUT_OF_ORDER',
  }),
  close: step('close', 'CloseComplaint', EmptyCommandBody, 'complaint.handle', {
    summary: 'Close after resolution and a callback that reached the customer',
    refusals: 'COMPLAINT_NOT_RESOLVED, COMPLAINT_CALLBACK_MISSING, COMPLAINT_FACT_OUT_OF_ORDER',
  }),
  reopen: step('reopen', 'ReopenComplaint', ReasonBody, 'complaint.handle', {
    summary: 'Reopen a resolved or closed complaint; the resolution clock starts again',
    refusals: 'COMPLAINT_STAGE_FORBIDS, COMPLAINT_FACT_OUT_OF_ORDER',
  }),
  escalate: step('escalate', 'EscalateComplaint', EscalateComplaintBody, 'complaint.handle', {
    summary: 'Escalate by hand (default: one level up); restarts the acknowledgement clock',
    refusals:
      'COMPLAINT_AT_TOP_LEVEL, COMPLAINT_ESCALATION_NOT_UPWARD, COMPLAINT_CLOSED, COMPLAINT_FACT_OUT_OF_ORDER',
  }),
}) {}
