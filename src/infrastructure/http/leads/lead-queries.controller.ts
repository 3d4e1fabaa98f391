import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { GetLeadQuery, LeadKpiQuery, LeadWorklistQuery } from '../../../application/lead/lead.queries';
import { ask, askRecord } from '../shared/query-routes';
import { routeTable } from '../shared/route-table';
import { LeadKpiParams, LeadWorklistParams } from './leads.params';
import { LeadDealerMonthView, LeadView, LeadWorklistView } from './leads.responses';

/** Reads of the leads: the fixed paths before the `:leadId` read. */
@ApiTags('leads')
@Controller('leads')
export class LeadQueriesController extends routeTable({
  worklist: ask('worklist', LeadWorklistParams, LeadWorklistQuery, {
    permit: ['lead.read', 'dealer'],
    summary: "The dealer's open leads (to accept, to contact), the soonest deadline first",
    description:
      'Computed when read: `overdue` marks a lead past its deadline that the next sweep will return to the OEM; reading records nothing.',
    type: LeadWorklistView,
  }),
  kpi: ask('kpi', LeadKpiParams, LeadKpiQuery, {
    permit: ['lead.kpi', 'dealer'],
    summary:
      'Leads per dealer and CST month of handing: handed, accepted and contacted on time, returned, converted, lost by reason',
    description:
      'Each handing counts for its own dealer and month. Accepted on time ÷ handed; contacted on time ÷ accepted; converted = handings whose prospect ordered no later than 90 days after the handing, ÷ handed. OEM roles see every dealer (or `dealerId`), a dealer its own.',
    type: [LeadDealerMonthView],
  }),
  get: askRecord(':leadId', GetLeadQuery, {
    permit: ['lead.read', 'record'],
    summary: 'One lead: its stage, clocks, prospect file, outcome and history; the ETag is its revision',
    type: LeadView,
    notFound: 'LEAD_NOT_FOUND',
    revision: (lead) => lead.revision,
  }),
}) {}
