import { IsIn, IsOptional, Matches } from 'class-validator';
import { RECORD_ID } from '../../../application/shared/record-id';
import { CAMPAIGN_CHANNELS, type CampaignChannel } from '../../../domain/campaign/campaign.events';
import { PageParams } from '../shared/page.params';

export class ListCampaignsParams extends PageParams {
  /** @example social */
  @IsOptional() @IsIn(CAMPAIGN_CHANNELS) channel?: CampaignChannel;
  /** @example running */
  @IsOptional() @IsIn(['running', 'closed']) status?: 'running' | 'closed';
}

export class CampaignEffectParams {
  /** One of the campaign's dealers: the answer is that dealer's figures only (a dealer's own roles: theirs). @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID) dealerId?: string;
}
