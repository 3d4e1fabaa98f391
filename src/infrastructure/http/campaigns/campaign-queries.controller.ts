import { Controller, Get, Param, Query as QueryString } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CampaignEffectByChannel } from '../../../application/campaign/campaign-effect-by-channel';
import {
  type CampaignEffectAnswer,
  CampaignEffectByChannelQuery,
  CampaignEffectQuery,
  GetCampaignQuery,
  ListCampaignsQuery,
} from '../../../application/campaign/campaign.queries';
import { Permit } from '../shared/permission.decorator';
import { QueryRoute } from '../shared/query-route';
import { askPage, askRecord } from '../shared/query-routes';
import { RecordIdPipe } from '../shared/record-id.pipe';
import { routeTable } from '../shared/route-table';
import { CampaignEffectByChannelParams, CampaignEffectParams, ListCampaignsParams } from './campaigns.params';
import {
  CampaignEffectByChannelView,
  CampaignEffectView,
  CampaignPage,
  CampaignView,
} from './campaigns.responses';

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
  @Get('effect-by-channel')
  @Permit('campaign.effect', 'dealer')
  @QueryRoute({
    summary: 'The campaigns’ effect summed by channel, over the campaigns whose period overlaps the span',
    description:
      'Each campaign whose period (as it stands) overlaps `from`..`to` counts with its whole effect (its own period and follow-on window); counts and costs add up per channel and the ratios are worked out from the sums. With `dealerId` (a dealer manager: always their own): only the campaigns run at that dealer, and that dealer’s part of each, without the network cost lines.',
    type: CampaignEffectByChannelView,
  })
  effectByChannel(
    @QueryString() { from, to, dealerId }: CampaignEffectByChannelParams,
  ): Promise<CampaignEffectByChannel> {
    return this.queries.execute(new CampaignEffectByChannelQuery({ from, to }, dealerId));
  }

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
