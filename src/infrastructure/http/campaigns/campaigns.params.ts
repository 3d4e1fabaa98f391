import { IsIn, IsOptional, Matches, ValidateBy } from 'class-validator';
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

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_MESSAGE = '$property must be a date as YYYY-MM-DD';

/** `to` is `from` or a later day. */
const IsOnOrAfterFrom = () =>
  ValidateBy({
    name: 'isOnOrAfterFrom',
    validator: {
      validate: (to, args) => {
        const from = (args?.object as { from?: unknown }).from;
        return typeof to !== 'string' || typeof from !== 'string' || to >= from;
      },
      defaultMessage: () => 'to must be the day of from or later',
    },
  });

export class CampaignEffectByChannelParams {
  /** First business day (CST) of the span: campaigns whose period overlaps it count. @example 2026-03-01 */
  @Matches(DATE, { message: DATE_MESSAGE }) from!: string;
  /** Last business day (CST), on or after `from`. @example 2026-03-31 */
  @Matches(DATE, { message: DATE_MESSAGE }) @IsOnOrAfterFrom() to!: string;
  /** Only the campaigns run at this dealer, and its part of each (a dealer's own roles: theirs). @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID) dealerId?: string;
}
