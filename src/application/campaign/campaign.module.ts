import { Module } from '@nestjs/common';
import { CampaignHandler } from './campaign.handlers';

/** Campaigns and their effect (issue 18 §4). No routes yet: see docs/campaigns.md. */
@Module({ providers: [CampaignHandler] })
export class CampaignModule {}
