import type { CampaignCommand } from '../../../../src/domain/campaign/campaign.commands';
import { campaignDecider } from '../../../../src/domain/campaign/campaign.decider';
import type { CampaignEvent } from '../../../../src/domain/campaign/campaign.events';
import { deciderSpecification } from '../../../support/decider-specification';

const spec = deciderSpecification(campaignDecider);
const oem = { userId: 'oem-zhao', role: 'oem-staff', dealerId: null };
const at = (now: string) => ({ now, actor: oem });
const campaignId = 'cmp-spring';
const period = { from: '2026-03-01', to: '2026-03-31' };

const launch = (
  data: Partial<Extract<CampaignCommand, { type: 'LaunchCampaign' }>['data']> = {},
): CampaignCommand => ({
  type: 'LaunchCampaign',
  data: {
    campaignId,
    title: 'Spring test-drive weeks',
    channel: 'social',
    period,
    dealerIds: ['d-sh-01', 'd-bj-02', 'd-sh-01'],
    budgetFen: 5_000_000,
    ...data,
  },
  metadata: at('2026-02-20T02:00:00.000Z'),
});
const launched: CampaignEvent = {
  type: 'CampaignLaunched',
  data: {
    campaignId,
    title: 'Spring test-drive weeks',
    channel: 'social',
    period,
    dealerIds: ['d-bj-02', 'd-sh-01'],
    budgetFen: 5_000_000,
    launchedAt: '2026-02-20T02:00:00.000Z',
  },
};
const cost = (amountFen: number, dealerId?: string): CampaignCommand => ({
  type: 'AddCampaignCost',
  data: { campaignId, amountFen, note: 'WeChat ads', ...(dealerId ? { dealerId } : {}) },
  metadata: at('2026-03-05T02:00:00.000Z'),
});
const firstCost: CampaignEvent = {
  type: 'CampaignCostAdded',
  data: {
    campaignId,
    line: 1,
    amountFen: 1_000_000,
    dealerId: null,
    note: 'WeChat ads',
    addedAt: '2026-03-05T02:00:00.000Z',
  },
};
const closed: CampaignEvent = {
  type: 'CampaignClosed',
  data: { campaignId, closedAt: '2026-04-02T02:00:00.000Z' },
};

describe('campaign decider', () => {
  it('launches a campaign with its dealers once each, in order', () => {
    spec.given([]).when(launch()).then([launched]);
  });

  it('refuses a second launch and a period that ends before it starts', () => {
    spec.given([launched]).when(launch()).thenThrows('CAMPAIGN_ALREADY_LAUNCHED');
    spec
      .given([])
      .when(launch({ period: { from: '2026-03-10', to: '2026-03-09' } }))
      .thenThrows('CAMPAIGN_PERIOD_INVALID');
  });

  it('accepts a one-day period (both days inclusive)', () => {
    const oneDay = { from: '2026-03-10', to: '2026-03-10' };
    spec
      .given([])
      .when(launch({ period: oneDay }))
      .then([{ ...launched, data: { ...launched.data, period: oneDay } } as CampaignEvent]);
  });

  it('numbers cost lines, booked to the network or to one of its dealers', () => {
    spec.given([launched]).when(cost(1_000_000)).then([firstCost]);
    spec
      .given([launched, firstCost])
      .when(cost(250_000, 'd-sh-01'))
      .then([
        {
          type: 'CampaignCostAdded',
          data: {
            campaignId,
            line: 2,
            amountFen: 250_000,
            dealerId: 'd-sh-01',
            note: 'WeChat ads',
            addedAt: '2026-03-05T02:00:00.000Z',
          },
        },
      ]);
  });

  it('refuses a cost booked to a dealer outside the campaign, or on an unknown campaign', () => {
    spec
      .given([launched])
      .when(cost(1, 'd-gz-09'))
      .thenThrows('CAMPAIGN_DEALER_NOT_IN_CAMPAIGN', { dealerId: 'd-gz-09' });
    spec.given([]).when(cost(1)).thenThrows('CAMPAIGN_NOT_FOUND');
  });

  it('revises the period with a reason, keeping the one it replaces', () => {
    const revise: CampaignCommand = {
      type: 'ReviseCampaignPeriod',
      data: { campaignId, period: { from: '2026-03-01', to: '2026-04-15' }, reason: 'extended by the OEM' },
      metadata: at('2026-03-20T02:00:00.000Z'),
    };
    spec
      .given([launched])
      .when(revise)
      .then([
        {
          type: 'CampaignPeriodRevised',
          data: {
            campaignId,
            period: { from: '2026-03-01', to: '2026-04-15' },
            from: period,
            reason: 'extended by the OEM',
            revisedAt: '2026-03-20T02:00:00.000Z',
          },
        },
      ]);
    spec
      .given([launched])
      .when({ ...revise, data: { ...revise.data, period } })
      .thenThrows('CAMPAIGN_PERIOD_UNCHANGED');
  });

  it('closes once; a closed campaign takes no cost and no second closing', () => {
    const closing: CampaignCommand = {
      type: 'CloseCampaign',
      data: { campaignId },
      metadata: at('2026-04-02T02:00:00.000Z'),
    };
    spec.given([launched, firstCost]).when(closing).then([closed]);
    spec.given([launched, closed]).when(closing).thenThrows('CAMPAIGN_CLOSED');
    spec.given([launched, closed]).when(cost(1)).thenThrows('CAMPAIGN_CLOSED');
  });
});
