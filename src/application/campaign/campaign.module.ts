import { Module } from '@nestjs/common';
import { CampaignHandler } from './campaign.handlers';
import { CAMPAIGN_QUERY_HANDLERS } from './campaign.queries';

/** Campaigns and their effect (issue 18 §4): the commands and the reads behind `/campaigns`. */
@Module({ providers: [CampaignHandler, ...CAMPAIGN_QUERY_HANDLERS] })
export class CampaignModule {}
