import { Controller, Get, Param, Query as QueryString } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type CampaignEffectAnswer,
  CampaignEffectQuery,
  GetCampaignQuery,
  ListCampaignsQuery,
} from '../../../application/campaign/campaign.queries';
import { Permit } from '../shared/permission.decorator';
import { QueryRoute } from '../shared/query-route';
import { askPage, askRecord } from '../shared/query-routes';
import { RecordIdPipe } from '../shared/record-id.pipe';
import { routeTable } from '../shared/route-table';
import { CampaignEffectParams, ListCampaignsParams } from './campaigns.params';
import { CampaignEffectView, CampaignPage, CampaignView } from './campaigns.responses';

const NOT_FOUND = 'CAMPAIGN_NOT_FOUND';

/** Reads of the campaigns: the list, one campaign, and its effect computed when read. */
@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignQueriesController extends routeTable({
  list: askPage('', ListCampaignsParams, ListCampaignsQuery, {
    permit: ['campaign.read'],
    summary: 'List the campaigns, the latest launched first',
    type: CampaignPage,
  }),
  get: askRecord(':campaignId', GetCampaignQuery, {
    permit: ['campaign.read'],
    summary: 'One campaign: its period (and revisions), dealers, budget, cost lines and status',
    type: CampaignView,
    notFound: NOT_FOUND,
  }),
}) {
  @Get(':campaignId/effect')
  @Permit('campaign.effect', 'dealer')
  @QueryRoute({
    summary:
      'The campaign’s effect: leads, prospects, test drives, orders, deliveries, cost and cost per lead, prospect and sale',
    description:
      'Computed when read, from the campaign as it stands and the records registered with its id. With `dealerId` (a dealer manager: always their own), the figures are that dealer’s only, without the network cost lines; a dealer the campaign does not run at gets zeros.',
    type: CampaignEffectView,
    notFound: NOT_FOUND,
  })
  effect(
    @Param('campaignId', new RecordIdPipe('campaignId')) campaignId: string,
    @QueryString() { dealerId }: CampaignEffectParams,
  ): Promise<CampaignEffectAnswer> {
    return this.queries.execute(new CampaignEffectQuery(campaignId, dealerId));
  }
}
