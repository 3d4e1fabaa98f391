import type { CampaignEvent } from '../../../src/domain/campaign/campaign.events';
import { campaignDetailsProjection } from '../../../src/projections/campaign-details/campaign-details.projection';
import { projectionSpec } from '../../support/projection-spec';

const spec = projectionSpec(campaignDetailsProjection);
const march = { from: '2026-03-01', to: '2026-03-20' };
const launched: CampaignEvent = {
  type: 'CampaignLaunched',
  data: {
    campaignId: 'cmp-1',
    title: 'Spring',
    channel: 'social',
    period: march,
    dealerIds: ['d-1', 'd-2'],
    budgetFen: 1_000_000,
    launchedAt: '2026-02-20T02:00:00.000Z',
  },
};
const cost = (line: number, amountFen: number, dealerId: string | null): CampaignEvent => ({
  type: 'CampaignCostAdded',
  data: {
    campaignId: 'cmp-1',
    line,
    amountFen,
    dealerId,
    note: 'ads',
    addedAt: `2026-03-0${line}T02:00:00.000Z`,
  },
});
const revised: CampaignEvent = {
  type: 'CampaignPeriodRevised',
  data: {
    campaignId: 'cmp-1',
    period: { from: '2026-03-01', to: '2026-03-31' },
    from: march,
    reason: 'extended',
    revisedAt: '2026-03-15T02:00:00.000Z',
  },
};

describe('campaign-details projection', () => {
  it('keeps the cost lines by number, the latest period and the closing', () =>
    spec
      .given([launched])
      .when([
        cost(1, 600_000, null),
        cost(2, 300_000, 'd-1'),
        revised,
        { type: 'CampaignClosed', data: { campaignId: 'cmp-1', closedAt: '2026-04-02T02:00:00.000Z' } },
      ])
      .then({
        'cmp-1': {
          campaignId: 'cmp-1',
          title: 'Spring',
          channel: 'social',
          period: { from: '2026-03-01', to: '2026-03-31' },
          dealerIds: ['d-1', 'd-2'],
          budgetFen: 1_000_000,
          costLines: [
            { line: 1, amountFen: 600_000, dealerId: null, note: 'ads', addedAt: '2026-03-01T02:00:00.000Z' },
            {
              line: 2,
              amountFen: 300_000,
              dealerId: 'd-1',
              note: 'ads',
              addedAt: '2026-03-02T02:00:00.000Z',
            },
          ],
          periodRevisions: [
            {
              period: { from: '2026-03-01', to: '2026-03-31' },
              from: march,
              reason: 'extended',
              revisedAt: '2026-03-15T02:00:00.000Z',
            },
          ],
          status: 'closed',
          launchedAt: '2026-02-20T02:00:00.000Z',
          closedAt: '2026-04-02T02:00:00.000Z',
        },
      }));
});
