import type { Kpi } from '../shared/kpi';
import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { CampaignNotFound } from '../../domain/campaign/campaign.errors';
import {
  type CampaignAttribution,
  campaignAttributionsProjection,
} from '../../projections/campaign-attributions/campaign-attributions.projection';
import {
  type CampaignDetails,
  campaignDetailsProjection,
} from '../../projections/campaign-details/campaign-details.projection';
import { daysInMonth } from '../../domain/sales-target/target-month';
import { physicalCollection } from '../../projections/shared/projection';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import { definedFilter, type Page } from '../shared/page';
import { type CampaignEffect, campaignEffect, type EffectFigures } from './campaign-effect';
import { type CampaignEffectByChannel, effectByChannel } from './campaign-effect-by-channel';

const CAMPAIGNS = physicalCollection(campaignDetailsProjection);
const ATTRIBUTIONS = physicalCollection(campaignAttributionsProjection);

/** The effect as a route answers it: the whole campaign's (`dealerId` null) or one dealer's. */
export type CampaignEffectAnswer = CampaignEffect & { dealerId: string | null };

const NO_FIGURES: EffectFigures = {
  leads: 0,
  prospects: 0,
  testDrives: 0,
  orders: 0,
  deliveries: 0,
  costFen: 0,
  costPerLeadFen: null,
  costPerProspectFen: null,
  costPerSaleFen: null,
};

/**
 * One dealer's part of the effect: its row as the figures, and only its row (network cost lines and the
 * other dealers' figures left out). A dealer the campaign does not run at gets zeros.
 */
export const effectOfDealer = (
  effect: CampaignEffect,
  dealerId: string | undefined,
): CampaignEffectAnswer => {
  if (dealerId === undefined) return { ...effect, dealerId: null };
  const row = effect.byDealer.find((entry) => entry.dealerId === dealerId);
  const { campaignId, channel, period, followOnUntil } = effect;
  const figures = row ? { ...row } : { ...NO_FIGURES, dealerId };
  const { dealerId: _dealer, ...own } = figures;
  return { campaignId, channel, period, followOnUntil, ...own, dealerId, byDealer: row ? [figures] : [] };
};

export class GetCampaignQuery extends Query<CampaignDetails> {
  constructor(readonly campaignId: string) {
    super();
  }
}
export class ListCampaignsQuery extends Query<Page<CampaignDetails>> {
  constructor(
    readonly filter: Readonly<{ channel?: string; status?: string }>,
    readonly limit: number,
    readonly offset: number,
  ) {
    super();
  }
}
export class CampaignEffectQuery extends Query<CampaignEffectAnswer> {
  constructor(
    readonly campaignId: string,
    readonly dealerId?: string,
  ) {
    super();
  }
}

export class CampaignEffectByChannelQuery extends Query<CampaignEffectByChannel> {
  constructor(
    readonly span: Readonly<{ from: string; to: string }>,
    readonly dealerId?: string,
  ) {
    super();
  }
}

@QueryHandler(GetCampaignQuery)
export class GetCampaignHandler implements IQueryHandler<GetCampaignQuery, CampaignDetails> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ campaignId }: GetCampaignQuery): Promise<CampaignDetails> {
    const campaign = await this.readStore.get<CampaignDetails>(CAMPAIGNS, campaignId);
    // A document made by a revision replayed before its launch is not a campaign yet.
    if (!campaign || campaign.launchedAt === '') throw new CampaignNotFound(campaignId);
    return campaign;
  }
}

/** The campaigns, the latest launched first. */
@QueryHandler(ListCampaignsQuery)
export class ListCampaignsHandler implements IQueryHandler<ListCampaignsQuery, Page<CampaignDetails>> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ filter, limit, offset }: ListCampaignsQuery): Promise<Page<CampaignDetails>> {
    const where = { ...definedFilter(filter), launchedAt: { $ne: '' } };
    const [items, total] = await Promise.all([
      this.readStore.find<CampaignDetails>(CAMPAIGNS, where, {
        sort: [
          ['launchedAt', -1],
          ['campaignId', 1],
        ],
        limit,
        skip: offset,
      }),
      this.readStore.count(CAMPAIGNS, where),
    ]);
    return { items, total, limit, offset };
  }
}

/** The effect computed when read, from the campaign as it stands and the records registered with its id. */
@QueryHandler(CampaignEffectQuery)
export class CampaignEffectHandler implements IQueryHandler<CampaignEffectQuery, CampaignEffectAnswer> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ campaignId, dealerId }: CampaignEffectQuery): Promise<CampaignEffectAnswer> {
    const campaign = await new GetCampaignHandler(this.readStore).execute(new GetCampaignQuery(campaignId));
    const records = await this.readStore.find<CampaignAttribution>(ATTRIBUTIONS, { campaignId });
    return effectOfDealer(campaignEffect(campaign, records), dealerId);
  }
}

/**
 * The effect summed by channel over the campaigns whose period (as it stands) overlaps the span, each
 * campaign with its own figures (its period and follow-on window, not cut at the span). With a dealer: only
 * the campaigns run at that dealer, and that dealer's part of each.
 */
@QueryHandler(CampaignEffectByChannelQuery)
export class CampaignEffectByChannelHandler implements IQueryHandler<
  CampaignEffectByChannelQuery,
  CampaignEffectByChannel
> {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async execute({ span, dealerId }: CampaignEffectByChannelQuery): Promise<CampaignEffectByChannel> {
    const overlapping = await this.readStore.find<CampaignDetails>(CAMPAIGNS, {
      launchedAt: { $ne: '' },
      'period.from': { $lte: span.to },
      'period.to': { $gte: span.from },
    });
    const campaigns = overlapping.filter(
      (campaign) => dealerId === undefined || campaign.dealerIds.includes(dealerId),
    );
    const ids = campaigns.map((campaign) => campaign.campaignId);
    const records =
      ids.length === 0
        ? []
        : await this.readStore.find<CampaignAttribution>(ATTRIBUTIONS, { campaignId: { $in: ids } });
    const effects = campaigns.map((campaign) =>
      effectOfDealer(
        campaignEffect(
          campaign,
          records.filter((record) => record.campaignId === campaign.campaignId),
        ),
        dealerId,
      ),
    );
    return effectByChannel({ from: span.from, to: span.to }, dealerId ?? null, effects);
  }
}

/** Every query handler of this file, for its Nest module. */
export const CAMPAIGN_QUERY_HANDLERS = [
  GetCampaignHandler,
  ListCampaignsHandler,
  CampaignEffectHandler,
  CampaignEffectByChannelHandler,
];

/** `crm kpi campaign-effect --campaign <id> [--dealer <id>]`: the effect as `GET /campaigns/{id}/effect` answers it. */
export const CAMPAIGN_KPIS: Readonly<Record<string, Kpi>> = {
  'campaign-effect': {
    description:
      "a campaign's effect: leads, prospects, test drives, orders, deliveries and costs (GET /campaigns/{id}/effect)",
    required: ['campaign'],
    read: (store, _clock, params) =>
      new CampaignEffectHandler(store).execute(new CampaignEffectQuery(params.campaign!, params.dealer)),
  },
  'campaign-effect-by-channel': {
    description:
      'the effect summed by channel over the campaigns whose period overlaps --from-month..--to-month (GET /campaigns/effect-by-channel, first to last day of those months)',
    required: ['fromMonth', 'toMonth'],
    read: (store, _clock, params) => {
      const span = {
        from: `${params.fromMonth!}-01`,
        to: `${params.toMonth!}-${String(daysInMonth(params.toMonth!)).padStart(2, '0')}`,
      };
      return new CampaignEffectByChannelHandler(store).execute(
        new CampaignEffectByChannelQuery(span, params.dealer),
      );
    },
  },
};
