import { CAMPAIGN_CHANNELS, type CampaignChannel } from '../../domain/campaign/campaign.events';
import type { CampaignPeriod } from '../../domain/campaign/campaign.events';
import { type EffectFigures, effectRatios } from './campaign-effect';

type Counts = Omit<EffectFigures, 'costPerLeadFen' | 'costPerProspectFen' | 'costPerSaleFen'>;

/** One campaign's figures as they enter the roll-up (the whole campaign's, or one dealer's part). */
export type ChannelEffectInput = Counts & Readonly<{ campaignId: string; channel: string }>;

export type ChannelEffect = EffectFigures & {
  channel: CampaignChannel;
  /** The campaigns of the channel that count, by id. */
  campaignIds: string[];
};

export type CampaignEffectByChannel = EffectFigures & {
  span: CampaignPeriod;
  /** Null: the whole network's figures; a dealer id: that dealer's part of its campaigns only. */
  dealerId: string | null;
  campaigns: number;
  /** One row per channel with at least one campaign in the span, in the channels' catalogue order. */
  byChannel: ChannelEffect[];
};

const COUNTED: readonly (keyof Counts)[] = [
  'leads',
  'prospects',
  'testDrives',
  'orders',
  'deliveries',
  'costFen',
];
const zero = (): Counts => ({ leads: 0, prospects: 0, testDrives: 0, orders: 0, deliveries: 0, costFen: 0 });
const addInto = (sum: Counts, part: Counts) => {
  for (const key of COUNTED) sum[key] += part[key];
};

/**
 * The campaigns' effects summed by channel: counts and costs add up, and the ratios are worked out again
 * from the sums (never averaged), so a channel's cost per sale is its cost over its orders.
 */
export const effectByChannel = (
  span: CampaignPeriod,
  dealerId: string | null,
  effects: readonly ChannelEffectInput[],
): CampaignEffectByChannel => {
  const total = zero();
  const rows = new Map<string, { counts: Counts; campaignIds: string[] }>();
  for (const effect of effects) {
    const row = rows.get(effect.channel) ?? { counts: zero(), campaignIds: [] };
    addInto(row.counts, effect);
    addInto(total, effect);
    row.campaignIds.push(effect.campaignId);
    rows.set(effect.channel, row);
  }
  const byChannel = CAMPAIGN_CHANNELS.flatMap((channel) => {
    const row = rows.get(channel);
    if (!row) return [];
    return [{ channel, campaignIds: [...row.campaignIds].sort(), ...effectRatios(row.counts) }];
  });
  return { span, dealerId, campaigns: effects.length, ...effectRatios(total), byChannel };
};
