import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { RECORD_ID, RECORD_ID_MESSAGE } from '../../../application/shared/record-id';
import type { CampaignCommand } from '../../../domain/campaign/campaign.commands';
import {
  CAMPAIGN_CHANNELS,
  type CampaignChannel,
  type CampaignPeriod,
} from '../../../domain/campaign/campaign.events';
import { BusinessTime } from '../shared/command.bodies';
import { ONE_LINE, ONE_LINE_MESSAGE } from '../shared/text-rules';

/** Each body is its command's data less the campaign id (from the path), so a drifting body does not compile. */
type Body<T extends CampaignCommand['type']> = Omit<
  Extract<CampaignCommand, { type: T }>['data'],
  'campaignId'
>;

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_MESSAGE = '$property must be a date as YYYY-MM-DD';
/** Up to a billion RMB in fen: integers only, so money never drifts. */
const MAX_FEN = 100_000_000_000;

export class CampaignPeriodBody implements CampaignPeriod {
  /** First business day (China Standard Time), included. @example 2026-03-01 */
  @Matches(DATE, { message: DATE_MESSAGE }) from!: string;
  /** Last business day (CST), included; on or after `from`. @example 2026-03-31 */
  @Matches(DATE, { message: DATE_MESSAGE }) to!: string;
}

export class LaunchCampaignBody extends BusinessTime implements Body<'LaunchCampaign'> {
  /** Optional: derived from the Idempotency-Key, or made up, when left out. @example cmp-spring-2026 */
  @IsOptional() @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) campaignId?: string;
  /** @example "Spring test-drive weekend" */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 200) title!: string;
  /** @example social */
  @IsIn(CAMPAIGN_CHANNELS) channel!: CampaignChannel;
  @IsDefined()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => CampaignPeriodBody)
  period!: CampaignPeriodBody;
  /** The dealers the campaign runs at (de-duplicated and sorted). @example ["d-sh-01","d-bj-02"] */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @Matches(RECORD_ID, { each: true, message: RECORD_ID_MESSAGE })
  dealerIds!: string[];
  /** The planned budget, in fen. @example 5000000 */
  @IsInt() @Min(0) @Max(MAX_FEN) budgetFen!: number;
}

export class AddCampaignCostBody extends BusinessTime implements Body<'AddCampaignCost'> {
  /** In fen. @example 1200000 */
  @IsInt() @Min(1) @Max(MAX_FEN) amountFen!: number;
  /** One of the campaign's dealers; left out, the line is the network's (counted in the total only). @example d-sh-01 */
  @IsOptional() @Matches(RECORD_ID, { message: RECORD_ID_MESSAGE }) dealerId?: string;
  /** What was paid for. @example "WeChat moments ads, week 1" */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 500) note!: string;
}

export class ReviseCampaignPeriodBody extends BusinessTime implements Body<'ReviseCampaignPeriod'> {
  @IsDefined()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => CampaignPeriodBody)
  period!: CampaignPeriodBody;
  /** @example "Extended by a week: the motor show moved" */
  @IsString() @Matches(ONE_LINE, ONE_LINE_MESSAGE) @Length(1, 500) reason!: string;
}
