import { campaignEffect } from '../../../src/application/campaign/campaign-effect';
import type { CampaignEvent } from '../../../src/domain/campaign/campaign.events';
import {
  type CampaignAttribution,
  campaignAttributionsProjection,
} from '../../../src/projections/campaign-attributions/campaign-attributions.projection';
import {
  type CampaignDetails,
  campaignDetailsProjection,
} from '../../../src/projections/campaign-details/campaign-details.projection';
import type { StoredEvent } from '../../../src/application/ports/event-store.port';
import type { AnyProjection } from '../../../src/projections/shared/projection';

/**
 * Campaign cmp-spring: social, 1–20 March 2026 revised to 1–31 March (CST), dealers d-1 and d-2,
 * cost 6,000 RMB to the network + 3,000 RMB to d-1. Follow-on window: 30 days → orders until 30 April.
 *   l-1  lead d-1, cmp-spring, handed 3 Mar                         → a lead of d-1
 *   l-2  lead d-1, cmp-autumn, handed 10 Mar (merged into p-1)      → not cmp-spring's; p-1 keeps cmp-spring
 *   p-1  d-1, cmp-spring, registered 2 Mar; test drive 5 Mar; ordered 20 Apr, delivered 28 Apr → counts
 *   p-2  d-2, cmp-spring, registered 31 Mar 23:30 CST (inside only once the period is revised);
 *        ordered 1 May 00:10 CST (16:10 UTC on 30 Apr: after the window in CST)    → prospect, no order
 *   p-3  d-1, cmp-spring, registered 1 Apr 00:30 CST (31 Mar in UTC): outside the period → ignored
 *   p-4  d-9 (not a dealer of the campaign), cmp-spring, 5 Mar                         → ignored
 * Total: leads 1, prospects 2 (p-1, p-2), test drives 1, orders 1, deliveries 1, cost 900,000 fen;
 * per lead 900,000 ÷ 1 = 900,000; per prospect 900,000 ÷ 2 = 450,000; per sale 900,000 ÷ 1 = 900,000.
 * d-1: leads 1, prospects 1, drives 1, orders 1, deliveries 1, cost 300,000 → 300,000 each ratio.
 * d-2: prospects 1, cost 0 → per prospect 0 ÷ 1 = 0; per lead and per sale null (no leads, no orders).
 */
const campaignEvents: CampaignEvent[] = [
  {
    type: 'CampaignLaunched',
    data: {
      campaignId: 'cmp-spring',
      title: 'Spring',
      channel: 'social',
      period: { from: '2026-03-01', to: '2026-03-20' },
      dealerIds: ['d-1', 'd-2'],
      budgetFen: 1_000_000,
      launchedAt: '2026-04-10T02:00:00.000Z',
    },
  },
  {
    type: 'CampaignCostAdded',
    data: {
      campaignId: 'cmp-spring',
      line: 1,
      amountFen: 600_000,
      dealerId: null,
      note: 'ads',
      addedAt: '2026-04-11T02:00:00.000Z',
    },
  },
  {
    type: 'CampaignCostAdded',
    data: {
      campaignId: 'cmp-spring',
      line: 2,
      amountFen: 300_000,
      dealerId: 'd-1',
      note: 'event',
      addedAt: '2026-04-11T03:00:00.000Z',
    },
  },
  {
    type: 'CampaignPeriodRevised',
    data: {
      campaignId: 'cmp-spring',
      period: { from: '2026-03-01', to: '2026-03-31' },
      from: { from: '2026-03-01', to: '2026-03-20' },
      reason: 'extended',
      revisedAt: '2026-04-12T02:00:00.000Z',
    },
  },
];

type Fact = { type: string; data: Record<string, unknown> };
const lead = (leadId: string, campaignId: string, handedAt: string): Fact => ({
  type: 'LeadHanded',
  data: { leadId, handing: 1, dealerId: 'd-1', campaignId, handedAt },
});
const registered = (prospectId: string, dealerId: string, registeredAt: string): Fact => ({
  type: 'ProspectRegistered',
  data: { prospectId, dealerId, campaignId: 'cmp-spring', registeredAt },
});
const ordered = (prospectId: string, saleId: string, orderedAt: string): Fact => ({
  type: 'ProspectOrdered',
  data: { prospectId, dealerId: 'd-1', saleId, orderedAt },
});
const recordFacts: Fact[] = [
  lead('l-1', 'cmp-spring', '2026-03-03T02:00:00.000Z'),
  lead('l-2', 'cmp-autumn', '2026-03-10T02:00:00.000Z'),
  registered('p-1', 'd-1', '2026-03-02T02:00:00.000Z'),
  { type: 'TestDriveCompleted', data: { prospectId: 'p-1', drivenAt: '2026-03-05T06:00:00.000Z' } },
  ordered('p-1', 's-1', '2026-04-20T02:00:00.000Z'),
  {
    type: 'VehicleDelivered',
    data: { saleId: 's-1', prospectId: 'p-1', deliveredAt: '2026-04-28T02:00:00.000Z' },
  },
  registered('p-2', 'd-2', '2026-03-31T23:30:00+08:00'),
  ordered('p-2', 's-2', '2026-05-01T00:10:00+08:00'),
  registered('p-3', 'd-1', '2026-04-01T00:30:00+08:00'),
  ordered('p-3', 's-3', '2026-04-02T02:00:00.000Z'),
  registered('p-4', 'd-9', '2026-03-05T02:00:00.000Z'),
];

/** Folds facts into documents the way the runner does (each event applied to each of its documents). */
const envelope = (fact: Fact, position: number): StoredEvent => ({
  ...fact,
  eventId: `event-${position}`,
  schemaVersion: 1,
  occurredAt: '2026-03-01T00:00:00.000Z',
  metadata: {
    correlationId: `c-${position}`,
    causationId: null,
    actor: { userId: 'u', role: 'admin', dealerId: null },
  },
  streamId: `stream-${position}`,
  revision: 0,
  globalPosition: position,
  recordedAt: '2026-05-01T00:00:00.000Z',
});

const fold = <Doc>(projection: AnyProjection, facts: readonly Fact[]): Map<string, Doc> => {
  const docs = new Map<string, Doc>();
  for (const fact of facts.map(envelope)) {
    if (!projection.handles.includes(fact.type)) continue;
    for (const id of projection.documentIds(fact) as string[]) {
      docs.set(id, projection.apply(docs.get(id) ?? null, fact, id) as Doc);
    }
  }
  return docs;
};

const effectOf = (facts: readonly Fact[]) => {
  const campaign = fold<CampaignDetails>(campaignDetailsProjection, facts).get('cmp-spring');
  if (!campaign) throw new Error('no campaign document');
  const records = [...fold<CampaignAttribution>(campaignAttributionsProjection, facts).values()];
  return campaignEffect(campaign, records);
};

const expected = {
  campaignId: 'cmp-spring',
  channel: 'social',
  period: { from: '2026-03-01', to: '2026-03-31' },
  followOnUntil: '2026-04-30',
  leads: 1,
  prospects: 2,
  testDrives: 1,
  orders: 1,
  deliveries: 1,
  costFen: 900_000,
  costPerLeadFen: 900_000,
  costPerProspectFen: 450_000,
  costPerSaleFen: 900_000,
  byDealer: [
    {
      dealerId: 'd-1',
      leads: 1,
      prospects: 1,
      testDrives: 1,
      orders: 1,
      deliveries: 1,
      costFen: 300_000,
      costPerLeadFen: 300_000,
      costPerProspectFen: 300_000,
      costPerSaleFen: 300_000,
    },
    {
      dealerId: 'd-2',
      leads: 0,
      prospects: 1,
      testDrives: 0,
      orders: 0,
      deliveries: 0,
      costFen: 0,
      costPerLeadFen: null,
      costPerProspectFen: 0,
      costPerSaleFen: null,
    },
  ],
};

describe('campaign effect', () => {
  it('counts what the campaign brought, by dealer, over its period and the follow-on window', () => {
    expect(effectOf([...campaignEvents, ...recordFacts])).toEqual(expected);
  });

  it('gives the same report when the campaign is recorded after its prospects, revision first', () => {
    const [launched, ...rest] = campaignEvents;
    expect(effectOf([...[...recordFacts].reverse(), ...[...rest].reverse(), launched])).toEqual(expected);
  });

  it('gives the same report with every event applied twice', () => {
    const twice = [...campaignEvents, ...recordFacts].flatMap((fact) => [fact, fact]);
    expect(effectOf(twice)).toEqual(expected);
  });

  it('before the revision the period ends on 20 March: p-2 is not yet attributed', () => {
    const report = effectOf([...campaignEvents.slice(0, 3), ...recordFacts]);
    expect(report.prospects).toBe(1);
    expect(report.costPerProspectFen).toBe(900_000);
    expect(report.followOnUntil).toBe('2026-04-19');
    // p-1's order on 20 April is then after the window too
    expect(report.orders).toBe(0);
    expect(report.costPerSaleFen).toBeNull();
  });
});
