import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { complaintTrailCsv } from '../../../application/complaint/complaint-trail.csv';
import {
  ComplaintChannelsQuery,
  ComplaintComplianceQuery,
  ComplaintTrailQuery,
  ComplaintWorklistQuery,
  GetComplaintQuery,
  GetComplaintSlaQuery,
  ListComplaintsQuery,
} from '../../../application/complaint/complaint.queries';
import { assertRecordVisible } from '../../../application/access/tenancy';
import { PersonalDataRevealer } from '../../../application/privacy/personal-data-revealer';
import { Permit } from '../shared/permission.decorator';
import { CsvDownload, QueryRoute } from '../shared/query-route';
import { ask, askList, askRecord, askWith } from '../shared/query-routes';
import { routeTable } from '../shared/route-table';
import { RecordIdPipe } from '../shared/record-id.pipe';
import { currentPrincipal } from '../../request-context';
import {
  ComplaintChannelParams,
  ComplaintSlaParams,
  ComplianceParams,
  ListComplaintsParams,
  TrailParams,
  WorklistParams,
} from './complaint.params';
import {
  ComplaintChannelMonthView,
  ComplaintPage,
  ComplaintSlaMonthlyView,
  ComplaintTrailView,
  ComplaintView,
  ComplianceView,
  WorklistPage,
} from './complaint.responses';

const ID = new RecordIdPipe('complaintId');
const NOT_FOUND = 'COMPLAINT_NOT_FOUND';

@ApiTags('complaints')
@Controller('complaints')
export class ComplaintQueriesController extends routeTable({
  list: askList('', ListComplaintsParams, ListComplaintsQuery, {
    permit: ['complaint.read', 'dealer'],
    summary: 'List complaints, newest filing first',
    type: ComplaintPage,
  }),
  worklist: askWith(
    'worklist',
    WorklistParams,
    ({ limit = 50, offset = 0, clockStatus, asOf, ...filter }) =>
      new ComplaintWorklistQuery(filter, clockStatus, asOf, limit, offset),
    {
      permit: ['complaint.read', 'dealer'],
      todayOrLater: true,
      summary: 'Open complaints by level, owner and clock status, soonest deadline first',
      description:
        'Missed deadlines sort first; complaints with no running deadline (waiting to be closed) last.',
      type: WorklistPage,
    },
  ),
  compliance: ask('compliance', ComplianceParams, ComplaintComplianceQuery, {
    permit: ['complaint.kpi', 'dealer'],
    summary: 'SLA compliance per dealer and month of filing',
    description:
      'For the complaints filed in the month and by `asOf` (default now): acknowledged on time ÷ acknowledgements due, resolved on time ÷ resolutions due, two-week closure rate (closed within 14 days ÷ filed) and breaches by level and category. A step is due once it was made or once its first deadline passed without it (a breach, counted as not on time); a complaint whose deadline has not passed and that has not had the step counts in neither part of that rate.',
    type: [ComplianceView],
  }),
  slaMonthly: ask('sla/monthly', ComplaintSlaParams, GetComplaintSlaQuery, {
    permit: ['complaint.kpi', 'dealer'],
    summary: 'Complaint activity per dealer and business month',
    description:
      'Filings by level in the month, and the acknowledgements made in the month and how many held their deadline.',
    type: [ComplaintSlaMonthlyView],
  }),
  channelsMonthly: ask('channels/monthly', ComplaintChannelParams, ComplaintChannelsQuery, {
    permit: ['complaint.kpi', 'dealer'],
    summary: 'Complaints filed per dealer, business month and channel',
    description:
      'One row per dealer, month of filing and channel (hotline, oem-call-centre, dealer, web) with at least one filing; a transfer to another dealer does not move a filing.',
    type: [ComplaintChannelMonthView],
  }),
  get: askRecord(':complaintId', GetComplaintQuery, {
    permit: ['complaint.read', 'record'],
    summary: 'One complaint with its running deadlines; the ETag is its revision, for If-Match',
    type: ComplaintView,
    notFound: NOT_FOUND,
    revision: (complaint) => complaint.revision,
  }),
}) {
  constructor(private readonly revealer: PersonalDataRevealer) {
    super();
  }

  @Get(':complaintId/trail')
  @Permit('complaint.trail', 'record')
  @QueryRoute({
    summary: "The auditor's trail",
    description:
      'Every stage with actor, role, time, reason and time spent; every deadline and whether it held; level changes; contacts; remedy sought against remedies offered; and the raw events with their metadata (correlation, causation, hash). Built from the event stream, never behind. `format=csv` gives one row per event. With `asOf`, the trail as it stood then: the facts dated up to it (the raw `events` stay the whole stream).',
    type: ComplaintTrailView,
    notFound: `${NOT_FOUND}, COMPLAINT_NOT_FILED_BY_AS_OF (asOf before the filing)`,
    revision: (trail) => trail.events[trail.events.length - 1].revision,
    csv: true,
  })
  async trail(@Param('complaintId', ID) complaintId: string, @Query() { format, asOf }: TrailParams) {
    const trail = await this.queries.execute(new ComplaintTrailQuery(complaintId, asOf));
    if (format !== 'csv') return trail;
    // A CSV is text, which neither the record check nor the revealer can read: both run here first.
    assertRecordVisible(currentPrincipal(), trail);
    const revealed = await this.revealer.reveal(trail, currentPrincipal());
    const revision = trail.events[trail.events.length - 1].revision;
    return new CsvDownload(`complaint-${complaintId}-trail.csv`, complaintTrailCsv(revealed), revision);
  }
}
