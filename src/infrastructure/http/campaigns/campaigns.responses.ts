import type { CampaignEffectAnswer } from '../../../application/campaign/campaign.queries';
import type { EffectFigures } from '../../../application/campaign/campaign-effect';
import type {
  CampaignEffectByChannel,
  ChannelEffect,
} from '../../../application/campaign/campaign-effect-by-channel';
import type { CampaignChannel, CampaignPeriod } from '../../../domain/campaign/campaign.events';
import type {
  CampaignCostLine,
  CampaignDetails,
} from '../../../projections/campaign-details/campaign-details.projection';
import { PageOf } from '../shared/page.responses';

/** The answers of the campaign routes, typed by the read models and the effect they show. */
export class CampaignPeriodView implements CampaignPeriod {
  /** First business day (CST), included. @example 2026-03-01 */
  from!: string;
  /** Last business day (CST), included. @example 2026-03-31 */
  to!: string;
}

export class CampaignCostLineView implements CampaignCostLine {
  /** Numbered from 1 in the order booked. @example 1 */
  line!: number;
  /** @example 1200000 */
  amountFen!: number;
  /** Null: a network line (counted in the campaign's total only). */
  dealerId!: string | null;
  note!: string;
  addedAt!: string;
}

export class CampaignPeriodRevisionView {
  period!: CampaignPeriodView;
  /** The period it replaced. */
  from!: CampaignPeriodView;
  reason!: string;
  revisedAt!: string;
}

export class CampaignView implements CampaignDetails {
  /** @example cmp-spring-2026 */
  campaignId!: string;
  title!: string;
  /** @example social */
  channel!: CampaignChannel;
  /** The period as it stands now (the latest revision by business time). */
  period!: CampaignPeriodView;
  dealerIds!: string[];
  budgetFen!: number;
  costLines!: CampaignCostLineView[];
  periodRevisions!: CampaignPeriodRevisionView[];
  /** @example running */
  status!: 'running' | 'closed';
  launchedAt!: string;
  closedAt!: string | null;
}

export class CampaignPage extends PageOf(CampaignView) {}

class EffectFiguresView implements EffectFigures {
  /** Leads handed with the campaign's id, at one of its dealers, on a day of the period. @example 1 */
  leads!: number;
  /** Prospects registered likewise. @example 1 */
  prospects!: number;
  /** Test drives of those prospects, from the period's first day to `followOnUntil`. @example 1 */
  testDrives!: number;
  /** Orders of those prospects in the same window. @example 1 */
  orders!: number;
  /** Deliveries of the orders that count. @example 0 */
  deliveries!: number;
  /** Sum of the cost lines (a dealer's row: the lines booked to it). @example 2000000 */
  costFen!: number;
  /** costFen ÷ leads, rounded to the fen; null when no lead counts. @example 2000000 */
  costPerLeadFen!: number | null;
  /** @example 2000000 */
  costPerProspectFen!: number | null;
  /** costFen ÷ orders; null when no order counts. @example 2000000 */
  costPerSaleFen!: number | null;
}

export class CampaignDealerEffectView extends EffectFiguresView {
  /** @example d-sh-01 */
  dealerId!: string;
}

export class CampaignEffectView extends EffectFiguresView implements CampaignEffectAnswer {
  campaignId!: string;
  /** @example social */
  channel!: string;
  period!: CampaignPeriodView;
  /** The follow-on window's last day: 30 days after the period's, inclusive (CST). @example 2026-04-30 */
  followOnUntil!: string;
  /** Null: the whole campaign's figures; a dealer id: that dealer's only (network cost lines left out). */
  dealerId!: string | null;
  /** One row per dealer of the campaign (with `dealerId`: that dealer's row only). */
  byDealer!: CampaignDealerEffectView[];
}

export class ChannelEffectView extends EffectFiguresView implements ChannelEffect {
  /** @example social */
  channel!: CampaignChannel;
  /** The channel's campaigns that count, by id. @example ["cmp-spring-2026"] */
  campaignIds!: string[];
}

export class CampaignEffectByChannelView extends EffectFiguresView implements CampaignEffectByChannel {
  /** The span asked for: campaigns whose period overlaps it count, each with its whole effect. */
  span!: CampaignPeriodView;
  /** Null: the network's figures; a dealer id: its campaigns only, and its part of each. */
  dealerId!: string | null;
  /** Campaigns that count. @example 2 */
  campaigns!: number;
  /** One row per channel with a campaign in the span, in the channels' catalogue order. */
  byChannel!: ChannelEffectView[];
}
