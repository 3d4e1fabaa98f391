import type { Command } from '../shared/event';
import type { CampaignChannel, CampaignPeriod } from './campaign.events';

type Id = { campaignId: string };

/** OEM marketing plans a campaign: its channel, period, dealers and budget. */
export type LaunchCampaign = Command<
  'LaunchCampaign',
  Id & {
    title: string;
    channel: CampaignChannel;
    period: CampaignPeriod;
    dealerIds: string[];
    budgetFen: number;
  }
>;
export type AddCampaignCost = Command<
  'AddCampaignCost',
  Id & { amountFen: number; dealerId?: string; note: string }
>;
export type ReviseCampaignPeriod = Command<
  'ReviseCampaignPeriod',
  Id & { period: CampaignPeriod; reason: string }
>;
export type CloseCampaign = Command<'CloseCampaign', Id>;

export type CampaignCommand = LaunchCampaign | AddCampaignCost | ReviseCampaignPeriod | CloseCampaign;
