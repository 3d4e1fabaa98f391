import type { Decider } from '../shared/event';
import type {
  AddCampaignCost,
  CampaignCommand,
  CloseCampaign,
  LaunchCampaign,
  ReviseCampaignPeriod,
} from './campaign.commands';
import {
  CampaignAlreadyLaunched,
  CampaignNotFound,
  campaignClosed,
  dealerNotInCampaign,
  periodInvalid,
  periodUnchanged,
} from './campaign.errors';
import type { CampaignEvent, CampaignPeriod } from './campaign.events';

type Running = Readonly<{
  campaignId: string;
  period: CampaignPeriod;
  dealerIds: readonly string[];
  lines: number;
}>;

export type CampaignState =
  | Readonly<{ status: 'none' }>
  | (Running & Readonly<{ status: 'running' }>)
  | (Running & Readonly<{ status: 'closed' }>);

export const campaignStreamId = (campaignId: string): string => `campaign-${campaignId}`;

const refuseBadPeriod = (campaignId: string, { from, to }: CampaignPeriod): void => {
  if (to < from) throw periodInvalid(campaignId, from, to);
};

const running = (campaignId: string, state: CampaignState): Running => {
  if (state.status === 'none') throw new CampaignNotFound(campaignId);
  if (state.status === 'closed') throw campaignClosed(campaignId);
  return state;
};

const launch = ({ data, metadata }: LaunchCampaign, state: CampaignState): CampaignEvent[] => {
  if (state.status !== 'none') throw new CampaignAlreadyLaunched(data.campaignId);
  refuseBadPeriod(data.campaignId, data.period);
  const dealerIds = [...new Set(data.dealerIds)].sort();
  return [{ type: 'CampaignLaunched', data: { ...data, dealerIds, launchedAt: metadata.now } }];
};

const addCost = ({ data, metadata }: AddCampaignCost, state: CampaignState): CampaignEvent[] => {
  const current = running(data.campaignId, state);
  const dealerId = data.dealerId ?? null;
  if (dealerId !== null && !current.dealerIds.includes(dealerId))
    throw dealerNotInCampaign(data.campaignId, dealerId);
  return [
    {
      type: 'CampaignCostAdded',
      data: {
        campaignId: data.campaignId,
        line: current.lines + 1,
        amountFen: data.amountFen,
        dealerId,
        note: data.note,
        addedAt: metadata.now,
      },
    },
  ];
};

const revisePeriod = ({ data, metadata }: ReviseCampaignPeriod, state: CampaignState): CampaignEvent[] => {
  const current = running(data.campaignId, state);
  refuseBadPeriod(data.campaignId, data.period);
  if (current.period.from === data.period.from && current.period.to === data.period.to)
    throw periodUnchanged(data.campaignId);
  return [
    {
      type: 'CampaignPeriodRevised',
      data: { ...data, from: current.period, revisedAt: metadata.now },
    },
  ];
};

const close = ({ data, metadata }: CloseCampaign, state: CampaignState): CampaignEvent[] => {
  running(data.campaignId, state);
  return [{ type: 'CampaignClosed', data: { campaignId: data.campaignId, closedAt: metadata.now } }];
};

const evolve = (state: CampaignState, event: CampaignEvent): CampaignState => {
  switch (event.type) {
    case 'CampaignLaunched': {
      const { campaignId, period, dealerIds } = event.data;
      return { status: 'running', campaignId, period, dealerIds, lines: 0 };
    }
    case 'CampaignCostAdded':
      return state.status === 'none' ? state : { ...state, lines: event.data.line };
    case 'CampaignPeriodRevised':
      return state.status === 'none' ? state : { ...state, period: event.data.period };
    case 'CampaignClosed':
      return state.status === 'none' ? state : { ...state, status: 'closed' };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};

export const campaignDecider: Decider<CampaignState, CampaignCommand, CampaignEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve,
  decide: (command, state) => {
    switch (command.type) {
      case 'LaunchCampaign':
        return launch(command, state);
      case 'AddCampaignCost':
        return addCost(command, state);
      case 'ReviseCampaignPeriod':
        return revisePeriod(command, state);
      case 'CloseCampaign':
        return close(command, state);
      default: {
        const unreachable: never = command;
        return unreachable;
      }
    }
  },
};
