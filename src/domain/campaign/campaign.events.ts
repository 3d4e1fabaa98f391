import type { Event } from '../shared/event';

/** Where the campaign ran; a report groups campaigns by it. */
export type CampaignChannel = 'online' | 'social' | 'tv' | 'radio' | 'print' | 'outdoor' | 'event' | 'other';
export const CAMPAIGN_CHANNELS: readonly CampaignChannel[] = [
  'online',
  'social',
  'tv',
  'radio',
  'print',
  'outdoor',
  'event',
  'other',
];

/** Business days (YYYY-MM-DD, China Standard Time), both included. */
export type CampaignPeriod = Readonly<{ from: string; to: string }>;

type Id = { campaignId: string };

export type CampaignLaunched = Event<
  'CampaignLaunched',
  Id & {
    title: string;
    channel: CampaignChannel;
    period: CampaignPeriod;
    dealerIds: string[];
    /** In fen (1/100 RMB), never a float. */
    budgetFen: number;
    launchedAt: string;
  }
>;

/** One cost line, booked to one dealer or (`dealerId: null`) to the network. */
export type CampaignCostAdded = Event<
  'CampaignCostAdded',
  Id & { line: number; amountFen: number; dealerId: string | null; note: string; addedAt: string }
>;

export type CampaignPeriodRevised = Event<
  'CampaignPeriodRevised',
  Id & { period: CampaignPeriod; from: CampaignPeriod; reason: string; revisedAt: string }
>;

export type CampaignClosed = Event<'CampaignClosed', Id & { closedAt: string }>;

export type CampaignEvent = CampaignLaunched | CampaignCostAdded | CampaignPeriodRevised | CampaignClosed;

/** Stable type names and their current schema versions; never derived from class names. */
export const CAMPAIGN_EVENT_TYPES = {
  CampaignLaunched: 1,
  CampaignCostAdded: 1,
  CampaignPeriodRevised: 1,
  CampaignClosed: 1,
} as const satisfies Record<CampaignEvent['type'], number>;
