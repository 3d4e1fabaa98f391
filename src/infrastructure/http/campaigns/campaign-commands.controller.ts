import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CampaignCommand } from '../../../application/campaign/campaign.commands';
import type { CampaignCommand as DomainCampaignCommand } from '../../../domain/campaign/campaign.commands';
import { commandRoutes } from '../shared/command-routes';
import { commandTarget } from '../shared/command-sender';
import { EmptyCommandBody } from '../shared/command.bodies';
import { routeTable } from '../shared/route-table';
import { AddCampaignCostBody, LaunchCampaignBody, ReviseCampaignPeriodBody } from './campaigns.bodies';

const CAMPAIGN = commandTarget<DomainCampaignCommand>()('campaign', 'campaignId', CampaignCommand);
const { opens, step } = commandRoutes(CAMPAIGN, { notFound: 'CAMPAIGN_NOT_FOUND', collection: '/campaigns' });
const CLOSED = 'CAMPAIGN_CLOSED';

/** OEM marketing's campaigns (市场活动): launch, cost lines, period revisions, closing. */
@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignCommandsController extends routeTable({
  launch: opens('', 'LaunchCampaign', LaunchCampaignBody, 'campaign.run', {
    summary: 'Launch a campaign: its channel, period (CST days, both included), dealers and budget',
    refusals: 'CAMPAIGN_PERIOD_INVALID',
    conflicts: 'CAMPAIGN_ALREADY_LAUNCHED',
    description:
      'Prospects and leads registered with its id at one of its dealers on a day of the period count for it, also those registered before it was launched.',
  }),
  addCost: step('cost-lines', 'AddCampaignCost', AddCampaignCostBody, 'campaign.run', {
    summary: 'Book a cost line to one of the campaign’s dealers, or (no dealerId) to the network',
    refusals: `${CLOSED}, CAMPAIGN_DEALER_NOT_IN_CAMPAIGN`,
  }),
  revisePeriod: step('period-revisions', 'ReviseCampaignPeriod', ReviseCampaignPeriodBody, 'campaign.run', {
    summary: 'Revise the campaign’s period; the effect is computed against the period as it stands',
    refusals: `${CLOSED}, CAMPAIGN_PERIOD_INVALID, CAMPAIGN_PERIOD_UNCHANGED`,
  }),
  close: step('closing', 'CloseCampaign', EmptyCommandBody, 'campaign.run', {
    summary: 'Close the campaign: its costs and period become final',
    refusals: CLOSED,
  }),
}) {}
