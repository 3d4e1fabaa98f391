import { businessDateOf } from '../../domain/showroom/showroom-traffic';
import { addDays } from '../../domain/sales-target/target-month';
import type { CampaignAttribution } from '../../projections/campaign-attributions/campaign-attributions.projection';
import type { CampaignDetails } from '../../projections/campaign-details/campaign-details.projection';

/** Orders count until this many days after the period's last day (CST). */
export const DEFAULT_FOLLOW_ON_DAYS = 30;

export type EffectFigures = {
  leads: number;
  prospects: number;
  testDrives: number;
  orders: number;
  deliveries: number;
  costFen: number;
  costPerLeadFen: number | null;
  costPerProspectFen: number | null;
  costPerSaleFen: number | null;
};

export type CampaignEffect = EffectFigures & {
  campaignId: string;
  channel: string;
  period: { from: string; to: string };
  followOnUntil: string;
  byDealer: (EffectFigures & { dealerId: string })[];
};

type Counts = Omit<EffectFigures, 'costPerLeadFen' | 'costPerProspectFen' | 'costPerSaleFen'>;

const ratio = (costFen: number, count: number): number | null =>
  count === 0 ? null : Math.round(costFen / count);
/** The counts with the cost per lead, per prospect and per sale worked out from them. */
export const effectRatios = (counts: Counts): EffectFigures => ({
  ...counts,
  costPerLeadFen: ratio(counts.costFen, counts.leads),
  costPerProspectFen: ratio(counts.costFen, counts.prospects),
  costPerSaleFen: ratio(counts.costFen, counts.orders),
});
const zero = (): Counts => ({ leads: 0, prospects: 0, testDrives: 0, orders: 0, deliveries: 0, costFen: 0 });

/**
 * The effect of one campaign, from the campaign as it stands and the records registered with its id.
 * A record is attributed when its dealer is one of the campaign's and its business day (CST) lies in the
 * period; test drives and orders of an attributed prospect count from the period's first day to the end
 * of the follow-on window; a delivery counts when its order counts. Network cost lines count in the
 * total only.
 */
export const campaignEffect = (
  campaign: CampaignDetails,
  records: readonly CampaignAttribution[],
  followOnDays = DEFAULT_FOLLOW_ON_DAYS,
): CampaignEffect => {
  const { from, to } = campaign.period;
  const until = addDays(to, followOnDays);
  const inPeriod = (at: string) => businessDateOf(at) >= from && businessDateOf(at) <= to;
  const inWindow = (at: string) => businessDateOf(at) >= from && businessDateOf(at) <= until;
  const total = zero();
  const perDealer = new Map<string, Counts>(campaign.dealerIds.map((dealerId) => [dealerId, zero()]));
  const add = (dealerId: string | null, key: keyof Counts, amount: number) => {
    total[key] += amount;
    const row = dealerId === null ? undefined : perDealer.get(dealerId);
    if (row) row[key] += amount;
  };
  for (const line of campaign.costLines) add(line.dealerId, 'costFen', line.amountFen);
  for (const record of records) {
    const { dealerId, at } = record;
    if (record.campaignId !== campaign.campaignId || dealerId === null || at === null) continue;
    if (!perDealer.has(dealerId) || !inPeriod(at)) continue;
    if (record.kind === 'lead') {
      add(dealerId, 'leads', 1);
      continue;
    }
    add(dealerId, 'prospects', 1);
    add(dealerId, 'testDrives', record.testDrives.filter(inWindow).length);
    const sales = Object.entries(record.orders).filter(([, orderedAt]) => inWindow(orderedAt));
    add(dealerId, 'orders', sales.length);
    add(dealerId, 'deliveries', sales.filter(([saleId]) => record.deliveries[saleId] !== undefined).length);
  }
  return {
    campaignId: campaign.campaignId,
    channel: campaign.channel,
    period: { from, to },
    followOnUntil: until,
    ...effectRatios(total),
    byDealer: [...perDealer].map(([dealerId, counts]) => ({ dealerId, ...effectRatios(counts) })),
  };
};
