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
import type { ComplaintCommand } from '../../domain/complaint/complaint.commands';
import { RecordIdPipe } from '../../infrastructure/http/shared/record-id.pipe';
import type { BusinessTimeDto } from '../../infrastructure/http/shared/command.dto';
import { CommandResultDto } from '../../infrastructure/http/shared/command.dto';
import { type CommandReply, CommandSender } from '../../infrastructure/http/shared/command-sender';
import { COMMAND_HEADERS } from '../../infrastructure/http/shared/http-replies';
import { ExecuteComplaintCommand } from './complaint.commands';
import { AcknowledgeComplaintDto, FileComplaintDto } from './complaint.dto';
import {
  AssignComplaintDto,
  CallbackDto,
  EscalateComplaintDto,
  InvestigationNoteDto,
  ProposeResolutionDto,
  ReasonDto,
  RecordContactDto,
  ResolutionResponseDto,
} from './complaint-commands.dto';
import { EmptyCommandDto } from '../../infrastructure/http/shared/command.dto';
import { Permit } from '../../infrastructure/http/shared/permission.decorator';

const ID = new RecordIdPipe('complaintId');
type Reply = FastifyReply;

/** One route per step of the closed loop; each answers the command result with the new ETag. */
@ApiTags('complaints')
@Controller('complaints')
@COMMAND_HEADERS()
@ApiOkResponse({ type: CommandResultDto })
@ApiNotFoundResponse({ description: 'COMPLAINT_NOT_FOUND' })
@ApiConflictResponse({
  description: 'WRONG_EXPECTED_REVISION (If-Match or a lost race): nothing was appended',
})
export class ComplaintCommandsController {
  constructor(private readonly sender: CommandSender) {}

  @Post()
  @Permit('complaint.file')
  @ApiOperation({
    summary: 'File a complaint',
    description:
      'Starts the closed loop: the acknowledgement deadline of its level and the resolution deadline of its severity come from the SLA policy in force.',
  })
  @ApiBody({ type: FileComplaintDto })
  @ApiCreatedResponse({
    type: CommandResultDto,
    description: '`Location` names the complaint, `ETag` its revision.',
  })
  @ApiConflictResponse({ description: 'COMPLAINT_ALREADY_FILED' })
  async file(
    @Body() body: FileComplaintDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: Reply,
  ) {
    const { occurredAt, complaintId: requested, ...data } = body;
    return this.sender.create(
      'complaint',
      '/complaints',
      requested,
      occurredAt,
      request,
      reply,
      (complaintId, context) =>
        new ExecuteComplaintCommand({ type: 'FileComplaint', data: { ...data, complaintId } }, context),
    );
  }

  @Post(':complaintId/acknowledge')
  @Permit('complaint.handle')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge (受理) at the current level; records whether the deadline held' })
  @ApiUnprocessableEntityResponse({
    description: 'COMPLAINT_ALREADY_ACKNOWLEDGED, COMPLAINT_CLOSED, COMPLAINT_ACTION_BEFORE_FILING',
  })
  acknowledge(
    @Param('complaintId', ID) id: string,
    @Body() body: AcknowledgeComplaintDto,
    @Req() rq: FastifyRequest,
    @Res({ passthrough: true }) rp: Reply,
  ) {
    return this.run(id, 'AcknowledgeComplaint', body, rq, rp);
  }

  @Post(':complaintId/assign')
  @Permit('complaint.assign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Assign to a department or person, or transfer to another dealer' })
  @ApiUnprocessableEntityResponse({ description: 'COMPLAINT_ASSIGNMENT_EMPTY, COMPLAINT_CLOSED' })
  assign(
    @Param('complaintId', ID) id: string,
    @Body() body: AssignComplaintDto,
    @Req() rq: FastifyRequest,
    @Res({ passthrough: true }) rp: Reply,
  ) {
    return this.run(id, 'AssignComplaint', body, rq, rp);
  }

  @Post(':complaintId/contacts')
  @Permit('complaint.handle')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record a contact with the customer' })
  contact(
    @Param('complaintId', ID) id: string,
    @Body() body: RecordContactDto,
    @Req() rq: FastifyRequest,
    @Res({ passthrough: true }) rp: Reply,
  ) {
    return this.run(id, 'RecordCustomerContact', body, rq, rp);
  }

  @Post(':complaintId/investigation-notes')
  @Permit('complaint.handle')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add an investigation note' })
  note(
    @Param('complaintId', ID) id: string,
    @Body() body: InvestigationNoteDto,
    @Req() rq: FastifyRequest,
    @Res({ passthrough: true }) rp: Reply,
  ) {
    return this.run(id, 'AddInvestigationNote', body, rq, rp);
  }

  @Post(':complaintId/proposals')
  @Permit('complaint.handle')
  @HttpCode(200)
  @ApiOperation({ summary: 'Propose a resolution (the remedy offered)' })
  @ApiUnprocessableEntityResponse({
    description: 'COMPLAINT_NOT_ACKNOWLEDGED, COMPLAINT_PROPOSAL_PENDING, COMPLAINT_STAGE_FORBIDS',
  })
  propose(
    @Param('complaintId', ID) id: string,
    @Body() body: ProposeResolutionDto,
    @Req() rq: FastifyRequest,
    @Res({ passthrough: true }) rp: Reply,
  ) {
    return this.run(id, 'ProposeResolution', body, rq, rp);
  }

  @Post(':complaintId/proposals/response')
  @Permit('complaint.handle')
  @HttpCode(200)
  @ApiOperation({ summary: "Record the customer's answer to the proposal" })
  @ApiUnprocessableEntityResponse({ description: 'COMPLAINT_NO_PENDING_PROPOSAL' })
  respond(
    @Param('complaintId', ID) id: string,
    @Body() body: ResolutionResponseDto,
    @Req() rq: FastifyRequest,
    @Res({ passthrough: true }) rp: Reply,
  ) {
    return this.run(id, 'RecordResolutionResponse', body, rq, rp);
  }

  @Post(':complaintId/resolve')
  @Permit('complaint.handle')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resolve with the accepted remedy; starts the callback clock' })
  @ApiUnprocessableEntityResponse({
    description: 'COMPLAINT_NO_REMEDY_PROPOSED, COMPLAINT_REMEDY_NOT_ACCEPTED, COMPLAINT_NOT_ACKNOWLEDGED',
  })
  resolve(
    @Param('complaintId', ID) id: string,
    @Body() body: EmptyCommandDto,
    @Req() rq: FastifyRequest,
    @Res({ passthrough: true }) rp: Reply,
  ) {
    return this.run(id, 'ResolveComplaint', body, rq, rp);
  }

  @Post(':complaintId/callback')
  @Permit('complaint.handle')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the closing callback and the customer satisfaction it brought' })
  @ApiUnprocessableEntityResponse({ description: 'COMPLAINT_NOT_RESOLVED' })
  callback(
    @Param('complaintId', ID) id: string,
    @Body() body: CallbackDto,
    @Req() rq: FastifyRequest,
    @Res({ passthrough: true }) rp: Reply,
  ) {
    return this.run(id, 'RecordCallback', body, rq, rp);
  }

  @Post(':complaintId/close')
  @Permit('complaint.handle')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close after resolution and a callback that reached the customer' })
  @ApiUnprocessableEntityResponse({ description: 'COMPLAINT_NOT_RESOLVED, COMPLAINT_CALLBACK_MISSING' })
  close(
    @Param('complaintId', ID) id: string,
    @Body() body: EmptyCommandDto,
    @Req() rq: FastifyRequest,
    @Res({ passthrough: true }) rp: Reply,
  ) {
    return this.run(id, 'CloseComplaint', body, rq, rp);
  }

  @Post(':complaintId/reopen')
  @Permit('complaint.handle')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reopen a resolved or closed complaint; the resolution clock starts again' })
  @ApiUnprocessableEntityResponse({ description: 'COMPLAINT_STAGE_FORBIDS' })
  reopen(
    @Param('complaintId', ID) id: string,
    @Body() body: ReasonDto,
    @Req() rq: FastifyRequest,
    @Res({ passthrough: true }) rp: Reply,
  ) {
    return this.run(id, 'ReopenComplaint', body, rq, rp);
  }

  @Post(':complaintId/escalate')
  @Permit('complaint.handle')
  @HttpCode(200)
  @ApiOperation({ summary: 'Escalate by hand (default: one level up); restarts the acknowledgement clock' })
  @ApiUnprocessableEntityResponse({
    description: 'COMPLAINT_AT_TOP_LEVEL, COMPLAINT_ESCALATION_NOT_UPWARD, COMPLAINT_CLOSED',
  })
  escalate(
    @Param('complaintId', ID) id: string,
    @Body() body: EscalateComplaintDto,
    @Req() rq: FastifyRequest,
    @Res({ passthrough: true }) rp: Reply,
  ) {
    return this.run(id, 'EscalateComplaint', body, rq, rp);
  }

  private async run(
    complaintId: string,
    type: Exclude<ComplaintCommand['type'], 'FileComplaint' | 'RecordMissedDeadlines'>,
    body: BusinessTimeDto,
    request: FastifyRequest,
    reply: Reply,
  ): Promise<CommandReply> {
    const { occurredAt, ...data } = body;
    const command = { type, data: { ...data, complaintId } } as ExecuteComplaintCommand['command'];
    return this.sender.send(
      complaintId,
      occurredAt,
      request,
      reply,
      (context) => new ExecuteComplaintCommand(command, context),
    );
  }
}
