import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { CommandContextFactory } from '../../infrastructure/http/command-context.factory';
import { RecordIdPipe } from '../../infrastructure/http/record-id.pipe';
import type { ComplaintDetails } from '../../projections/complaint-details/complaint-details.projection';
import type { ComplaintSlaMonthly } from '../../projections/complaint-sla-monthly/complaint-sla-monthly.projection';
import type { CommandResult } from '../shared/command-context';
import { deterministicUuid } from '../shared/deterministic-id';
import { AcknowledgeComplaintCommand, FileComplaintCommand } from './complaint.commands';
import { CommandResultDto } from '../shared/command.dto';
import { AcknowledgeComplaintDto, FileComplaintDto } from './complaint.dto';
import { ComplaintSlaQueryDto, ListComplaintsQueryDto } from './complaint-queries.dto';
import { type Page } from '../shared/page';
import { GetComplaintQuery, GetComplaintSlaQuery, ListComplaintsQuery } from './complaint.queries';
import { COMMAND_HEADERS, etag, replyWithResult } from '../shared/http-replies';

@ApiTags('complaints')
@Controller('complaints')
export class ComplaintController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly contexts: CommandContextFactory,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'File a complaint (投诉受理前的登记)',
    description:
      'Starts the closed loop: computes the acknowledgement deadline of its level and the resolution deadline of its severity from the SLA policy in force.',
  })
  @COMMAND_HEADERS()
  @ApiBody({ type: FileComplaintDto })
  @ApiCreatedResponse({
    type: CommandResultDto,
    description: 'Filed; `Location` names the complaint, `ETag` its revision.',
  })
  @ApiConflictResponse({
    description: 'COMPLAINT_ALREADY_FILED, or the stream moved on (WRONG_EXPECTED_REVISION).',
  })
  async file(
    @Body() body: FileComplaintDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult & { id: string }> {
    const { occurredAt, complaintId: requested, ...data } = body;
    const context = this.contexts.fromRequest(request, occurredAt);
    const complaintId =
      requested ??
      (context.idempotencyKey ? deterministicUuid(`complaint|${context.idempotencyKey}`) : randomUUID());
    const result = await this.commands.execute(new FileComplaintCommand({ ...data, complaintId }, context));
    void reply.header('location', `/complaints/${complaintId}`);
    return replyWithResult(reply, complaintId, result);
  }

  @Post(':complaintId/acknowledge')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Acknowledge a complaint (受理)',
    description: 'Records whether the acknowledgement deadline held.',
  })
  @COMMAND_HEADERS()
  @ApiBody({
    type: AcknowledgeComplaintDto,
    examples: { call: { value: { note: 'Called the customer back' } } },
  })
  @ApiOkResponse({ type: CommandResultDto })
  @ApiNotFoundResponse({ description: 'COMPLAINT_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({
    description: 'COMPLAINT_ALREADY_ACKNOWLEDGED, COMPLAINT_ACTION_BEFORE_FILING',
  })
  async acknowledge(
    @Param('complaintId', new RecordIdPipe('complaintId')) complaintId: string,
    @Body() body: AcknowledgeComplaintDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResult & { id: string }> {
    const { occurredAt, ...data } = body;
    const context = this.contexts.fromRequest(request, occurredAt);
    const result = await this.commands.execute(
      new AcknowledgeComplaintCommand({ ...data, complaintId }, context),
    );
    return replyWithResult(reply, complaintId, result);
  }

  @Get()
  @ApiOperation({ summary: 'List complaints, newest filing first' })
  async list(@Query() query: ListComplaintsQueryDto): Promise<Page<ComplaintDetails>> {
    const { limit = 50, offset = 0, ...filter } = query;
    return this.queries.execute(new ListComplaintsQuery(filter, limit, offset));
  }

  @Get('sla/monthly')
  @ApiOperation({
    summary: 'Complaint SLA per dealer and business month',
    description: 'Filings by level; acknowledgements in the month and how many held their deadline.',
  })
  async slaMonthly(@Query() query: ComplaintSlaQueryDto): Promise<ComplaintSlaMonthly[]> {
    return this.queries.execute(new GetComplaintSlaQuery(query));
  }

  @Get(':complaintId')
  @ApiOperation({ summary: 'One complaint; the ETag is its revision, for If-Match on the next command' })
  @ApiHeader({ name: 'ETag', required: false, description: 'Returned: the stream revision' })
  @ApiNotFoundResponse({ description: 'COMPLAINT_NOT_FOUND' })
  async get(
    @Param('complaintId', new RecordIdPipe('complaintId')) complaintId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ComplaintDetails> {
    const complaint = await this.queries.execute(new GetComplaintQuery(complaintId));
    void reply.header('etag', etag(complaint.revision));
    return complaint;
  }
}
