import type { CampaignEvent } from '../../domain/campaign/campaign.events';
import type { CampaignChannel, CampaignPeriod } from '../../domain/campaign/campaign.events';
import type { ProjectionDefinition } from '../shared/projection';

export type CampaignCostLine = {
  line: number;
  amountFen: number;
  dealerId: string | null;
  note: string;
  addedAt: string;
};

/** One document per campaign: what it is now, its cost lines by number, and every period it had. */
export type CampaignDetails = {
  campaignId: string;
  title: string;
  channel: CampaignChannel;
  period: CampaignPeriod;
  dealerIds: string[];
  budgetFen: number;
  costLines: CampaignCostLine[];
  periodRevisions: { period: CampaignPeriod; from: CampaignPeriod; reason: string; revisedAt: string }[];
  status: 'running' | 'closed';
  launchedAt: string;
  closedAt: string | null;
};

const empty = (campaignId: string): CampaignDetails => ({
  campaignId,
  title: '',
  channel: 'other',
  period: { from: '', to: '' },
  dealerIds: [],
  budgetFen: 0,
  costLines: [],
  periodRevisions: [],
  status: 'running',
  launchedAt: '',
  closedAt: null,
});

export const campaignDetailsProjection: ProjectionDefinition<CampaignEvent, CampaignDetails> = {
  name: 'campaign-details',
  version: 1,
  collection: 'campaign_details',
  indexes: [['channel'], ['status']],
  handles: ['CampaignLaunched', 'CampaignCostAdded', 'CampaignPeriodRevised', 'CampaignClosed'],
  documentIds: (event) => [event.data.campaignId],
  apply: (doc, event) => {
    const current = doc ?? empty(event.data.campaignId);
    switch (event.type) {
      case 'CampaignLaunched': {
        const { campaignId, title, channel, period, dealerIds, budgetFen, launchedAt } = event.data;
        // A revision applied before (a replayed prefix) keeps its period: the latest revision wins.
        const latest = current.periodRevisions.at(-1)?.period ?? period;
        return { ...current, campaignId, title, channel, period: latest, dealerIds, budgetFen, launchedAt };
      }
      case 'CampaignCostAdded': {
        const { line, amountFen, dealerId, note, addedAt } = event.data;
        const others = current.costLines.filter((existing) => existing.line !== line);
        const costLines = [...others, { line, amountFen, dealerId, note, addedAt }].sort(
          (a, b) => a.line - b.line,
        );
        return { ...current, costLines };
      }
      case 'CampaignPeriodRevised': {
        const { period, from, reason, revisedAt } = event.data;
        const others = current.periodRevisions.filter((revision) => revision.revisedAt !== revisedAt);
        const periodRevisions = [...others, { period, from, reason, revisedAt }].sort((a, b) =>
          a.revisedAt.localeCompare(b.revisedAt),
        );
        return { ...current, periodRevisions, period: periodRevisions.at(-1)?.period ?? period };
      }
      case 'CampaignClosed':
        return { ...current, status: 'closed', closedAt: event.data.closedAt };
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  },
};
