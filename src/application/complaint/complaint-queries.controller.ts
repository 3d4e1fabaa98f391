import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RecordIdPipe } from '../../infrastructure/http/shared/record-id.pipe';
import type { ComplaintDetails } from '../../projections/complaint-details/complaint-details.projection';
import type { ComplaintSlaMonthly } from '../../projections/complaint-sla-monthly/complaint-sla-monthly.projection';
import { etag } from '../../infrastructure/http/shared/http-replies';
import type { Page } from '../shared/page';
import type { ComplaintCompliance } from './complaint-compliance';
import {
  ComplaintSlaQueryDto,
  ComplianceQueryDto,
  ListComplaintsQueryDto,
  TrailQueryDto,
  WorklistQueryDto,
} from './complaint-queries.dto';
import {
  ComplaintComplianceQuery,
  ComplaintTrailQuery,
  ComplaintWorklistQuery,
  GetComplaintQuery,
  GetComplaintSlaQuery,
  ListComplaintsQuery,
  type WorklistItem,
} from './complaint.queries';
import { complaintTrailCsv } from './complaint-trail.csv';
import { Permit } from '../../infrastructure/http/shared/permission.decorator';
import { assertRecordVisible } from '../access/tenancy';
import { currentPrincipal } from '../../infrastructure/http/shared/request-context';
import { RecordsFileAccess } from '../../infrastructure/http/shared/file-access.decorator';
import { PersonalDataRevealer } from '../privacy/personal-data-revealer';

const ID = new RecordIdPipe('complaintId');

@ApiTags('complaints')
@Controller('complaints')
export class ComplaintQueriesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly revealer: PersonalDataRevealer,
  ) {}

  @Get()
  @Permit('complaint.read', 'dealer')
  @ApiOperation({ summary: 'List complaints, newest filing first' })
  list(@Query() query: ListComplaintsQueryDto): Promise<Page<ComplaintDetails>> {
    const { limit = 50, offset = 0, ...filter } = query;
    return this.queries.execute(new ListComplaintsQuery(filter, limit, offset));
  }

  @Get('worklist')
  @Permit('complaint.read', 'dealer')
  @ApiOperation({
    summary: 'Open complaints by level, owner and clock status, soonest deadline first',
    description:
      'Missed deadlines sort first; complaints with no running deadline (waiting to be closed) last.',
  })
  worklist(@Query() query: WorklistQueryDto): Promise<Page<WorklistItem>> {
    const { limit = 50, offset = 0, clockStatus, asOf, ...filter } = query;
    return this.queries.execute(new ComplaintWorklistQuery(filter, clockStatus, asOf, limit, offset));
  }

  @Get('compliance')
  @Permit('complaint.kpi', 'dealer')
  @ApiOperation({
    summary: 'SLA compliance per dealer and month of filing',
    description:
      'Acknowledged on time, resolved on time, two-week closure rate (closed within 14 days ÷ filed) and breaches by level and category, for the complaints filed in the month.',
  })
  compliance(@Query() query: ComplianceQueryDto): Promise<ComplaintCompliance[]> {
    return this.queries.execute(new ComplaintComplianceQuery(query));
  }

  @Get('sla/monthly')
  @Permit('complaint.kpi', 'dealer')
  @ApiOperation({
    summary: 'Complaint activity per dealer and business month',
    description:
      'Filings by level in the month, and the acknowledgements made in the month and how many held their deadline.',
  })
  slaMonthly(@Query() query: ComplaintSlaQueryDto): Promise<ComplaintSlaMonthly[]> {
    return this.queries.execute(new GetComplaintSlaQuery(query));
  }

  @Get(':complaintId')
  @RecordsFileAccess()
  @Permit('complaint.read', 'record')
  @ApiOperation({
    summary: 'One complaint with its running deadlines; the ETag is its revision, for If-Match',
  })
  @ApiNotFoundResponse({ description: 'COMPLAINT_NOT_FOUND' })
  async get(@Param('complaintId', ID) complaintId: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const complaint: ComplaintDetails = await this.queries.execute(new GetComplaintQuery(complaintId));
    void reply.header('etag', etag(complaint.revision));
    return complaint;
  }

  @Get(':complaintId/trail')
  @Permit('complaint.trail', 'record')
  @ApiOperation({
    summary: "The auditor's trail",
    description:
      'Every stage with actor, role, time, reason and time spent; every deadline and whether it held; level changes; contacts; remedy sought against remedies offered; and the raw events with their metadata (correlation, causation, hash). Built from the event stream, never behind. `format=csv` gives one row per event.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiNotFoundResponse({ description: 'COMPLAINT_NOT_FOUND' })
  async trail(
    @Param('complaintId', ID) complaintId: string,
    @Query() query: TrailQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const trail = await this.queries.execute(new ComplaintTrailQuery(complaintId, query.asOf));
    // Checked here too: the CSV form is a string, which the record interceptor cannot read.
    assertRecordVisible(currentPrincipal(), trail);
    void reply.header('etag', etag(trail.events[trail.events.length - 1].revision));
    if (query.format !== 'csv') return trail;
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="complaint-${complaintId}-trail.csv"`);
    // Text answers pass the interceptor untouched: reveal (or mask, or erase) before serialising.
    return complaintTrailCsv(await this.revealer.reveal(trail, currentPrincipal()));
  }
}
