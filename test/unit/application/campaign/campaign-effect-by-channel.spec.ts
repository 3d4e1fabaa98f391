import {
  type ChannelEffectInput,
  effectByChannel,
} from '../../../../src/application/campaign/campaign-effect-by-channel';

const span = { from: '2026-03-01', to: '2026-03-31' };
const none = { leads: 0, prospects: 0, testDrives: 0, orders: 0, deliveries: 0, costFen: 0 };

/**
 * Three campaigns, their effects given (the per-campaign figures are campaignEffect's, specified apart):
 *   c-tv-1   tv      leads 2, prospects 4, drives 3, orders 2, deliveries 1, cost 1 000 000
 *   c-soc-1  social  leads 1, prospects 2, drives 1, orders 0, deliveries 0, cost   300 000
 *   c-tv-2   tv      leads 1, prospects 1, drives 0, orders 1, deliveries 1, cost   500 001
 * tv (c-tv-1 + c-tv-2): leads 3, prospects 5, drives 3, orders 3, deliveries 2, cost 1 500 001;
 *   per lead 1 500 001 / 3 = 500 000.33 → 500 000; per prospect / 5 = 300 000.2 → 300 000;
 *   per sale / 3 → 500 000 (the sum's ratio, not the mean of 500 000 and 500 001).
 * social: cost per lead 300 000, per prospect 150 000, per sale null (no order).
 * total: leads 4, prospects 7, drives 4, orders 3, deliveries 2, cost 1 800 001;
 *   per lead 450 000.25 → 450 000; per prospect 257 143 (257 143.0 rounded); per sale 600 000.33 → 600 000.
 * Rows in the catalogue's order: online, social, tv, … → social before tv.
 */
const effects: ChannelEffectInput[] = [
  {
    campaignId: 'c-tv-1',
    channel: 'tv',
    leads: 2,
    prospects: 4,
    testDrives: 3,
    orders: 2,
    deliveries: 1,
    costFen: 1_000_000,
  },
  {
    campaignId: 'c-soc-1',
    channel: 'social',
    leads: 1,
    prospects: 2,
    testDrives: 1,
    orders: 0,
    deliveries: 0,
    costFen: 300_000,
  },
  {
    campaignId: 'c-tv-2',
    channel: 'tv',
    leads: 1,
    prospects: 1,
    testDrives: 0,
    orders: 1,
    deliveries: 1,
    costFen: 500_001,
  },
];

describe('the campaigns’ effect by channel', () => {
  it('sums each channel’s campaigns and works the ratios out from the sums', () => {
    expect(effectByChannel(span, null, effects)).toEqual({
      span,
      dealerId: null,
      campaigns: 3,
      leads: 4,
      prospects: 7,
      testDrives: 4,
      orders: 3,
      deliveries: 2,
      costFen: 1_800_001,
      costPerLeadFen: 450_000,
      costPerProspectFen: 257_143,
      costPerSaleFen: 600_000,
      byChannel: [
        {
          channel: 'social',
          campaignIds: ['c-soc-1'],
          leads: 1,
          prospects: 2,
          testDrives: 1,
          orders: 0,
          deliveries: 0,
          costFen: 300_000,
          costPerLeadFen: 300_000,
          costPerProspectFen: 150_000,
          costPerSaleFen: null,
        },
        {
          channel: 'tv',
          campaignIds: ['c-tv-1', 'c-tv-2'],
          leads: 3,
          prospects: 5,
          testDrives: 3,
          orders: 3,
          deliveries: 2,
          costFen: 1_500_001,
          costPerLeadFen: 500_000,
          costPerProspectFen: 300_000,
          costPerSaleFen: 500_000,
        },
      ],
    });
  });

  it('gives zeros and no rows when no campaign overlaps the span', () => {
    expect(effectByChannel(span, 'd-1', [])).toEqual({
      span,
      dealerId: 'd-1',
      campaigns: 0,
      ...none,
      costPerLeadFen: null,
      costPerProspectFen: null,
      costPerSaleFen: null,
      byChannel: [],
    });
  });

  it('does not depend on the order the campaigns come in', () => {
    expect(effectByChannel(span, null, [...effects].reverse())).toEqual(effectByChannel(span, null, effects));
  });
});
