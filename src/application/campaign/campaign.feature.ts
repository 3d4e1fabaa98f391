import type { CampaignCommand } from '../../domain/campaign/campaign.commands';
import {
  campaignDecider,
  type CampaignState,
  campaignStreamId,
} from '../../domain/campaign/campaign.decider';
import { CAMPAIGN_EVENT_TYPES, type CampaignEvent } from '../../domain/campaign/campaign.events';
import { campaignAttributionsProjection } from '../../projections/campaign-attributions/campaign-attributions.projection';
import { campaignDetailsProjection } from '../../projections/campaign-details/campaign-details.projection';
import type { Feature } from '../shared/feature';
import { CAMPAIGN_KPIS } from './campaign.queries';

/** Campaigns (市场活动) and their effect (issue 18 §4): one stream per campaign. */
export const campaignFeature: Feature<CampaignState, CampaignCommand, CampaignEvent> = {
  name: 'campaign',
  category: 'campaign',
  decider: campaignDecider,
  streamOf: ({ campaignId }) => campaignStreamId(campaignId),
  eventTypes: CAMPAIGN_EVENT_TYPES,
  // A network record: OEM staff and admins run it (the permission keeps it so); no dealer owns it.
  scope: () => ({}),
  projections: [campaignDetailsProjection, campaignAttributionsProjection],
  kpis: CAMPAIGN_KPIS,
};
