import type { CampaignEffect } from '../../../../src/application/campaign/campaign-effect';
import { effectOfDealer } from '../../../../src/application/campaign/campaign.queries';

const row = (dealerId: string, prospects: number, costFen: number) => ({
  dealerId,
  leads: 0,
  prospects,
  testDrives: 0,
  orders: 0,
  deliveries: 0,
  costFen,
  costPerLeadFen: null,
  costPerProspectFen: prospects === 0 ? null : Math.round(costFen / prospects),
  costPerSaleFen: null,
});

// Whole campaign: 3 prospects, 1 000 fen (600 to d-a, 100 to d-b, 300 to the network).
const effect: CampaignEffect = {
  campaignId: 'cmp-1',
  channel: 'tv',
  period: { from: '2026-03-01', to: '2026-03-31' },
  followOnUntil: '2026-04-30',
  ...row('x', 3, 1_000),
  byDealer: [row('d-a', 2, 600), row('d-b', 1, 100)],
};

describe("effectOfDealer: one dealer's part of a campaign's effect", () => {
  it('answers the whole campaign without a dealer', () => {
    const whole = effectOfDealer(effect, undefined);
    expect([whole.dealerId, whole.costFen, whole.prospects, whole.byDealer.length]).toEqual([
      null,
      1_000,
      3,
      2,
    ]);
  });

  it("answers the dealer's row as the figures, without the network line or the other dealer", () => {
    const own = effectOfDealer(effect, 'd-a');
    // d-a: 2 prospects, 600 fen booked to it; 600 / 2 = 300 fen per prospect.
    expect(own).toMatchObject({ dealerId: 'd-a', prospects: 2, costFen: 600, costPerProspectFen: 300 });
    expect(own.byDealer).toEqual([row('d-a', 2, 600)]);
  });

  it('answers zeros for a dealer the campaign does not run at', () => {
    const stranger = effectOfDealer(effect, 'd-z');
    expect(stranger).toMatchObject({ dealerId: 'd-z', prospects: 0, costFen: 0, costPerProspectFen: null });
    expect(stranger.byDealer).toEqual([]);
  });
});
