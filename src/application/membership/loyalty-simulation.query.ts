import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { EARNING_EVENT_TYPES } from '../../domain/membership/loyalty-earning';
import type { LoyaltyRuleSet } from '../../domain/membership/loyalty-rules';
import {
  type HistoryEvent,
  historyOfMembersOf,
  liveFigures,
  type LoyaltyFigures,
  type SimulationPeriod,
  simulateRules,
} from '../../domain/membership/loyalty-simulation';
import { MEMBERSHIP_EVENT_TYPES } from '../../domain/membership/membership.events';
import { EVENT_STORE, type EventStore } from '../ports/event-store.port';
import { EventCatalog } from '../shared/event-catalog';
import { LIVE_LOYALTY_RULES } from './live-loyalty-rules';

const BATCH = 1_000;
const READ = new Set<string>([...Object.keys(MEMBERSHIP_EVENT_TYPES), ...EARNING_EVENT_TYPES]);

export type SimulationReport = {
  period: SimulationPeriod;
  /** The home dealer whose members the figures cover; null for the whole network. */
  dealerId: string | null;
  liveRuleSet: string;
  proposedRules: LoyaltyRuleSet;
  live: LoyaltyFigures;
  simulated: LoyaltyFigures;
  /** simulated − live, figure by figure. */
  difference: Omit<LoyaltyFigures, 'liabilityByDealer'>;
};

export class SimulateLoyaltyRulesQuery extends Query<SimulationReport> {
  constructor(
    readonly period: SimulationPeriod,
    readonly proposed: LoyaltyRuleSet,
    /** Only this home dealer's members (a dealer-bound principal's own dealer); absent: the network. */
    readonly dealerId?: string,
  ) {
    super();
  }
}

/**
 * 模拟测算: reads the recorded history in batches, keeps only the club's events and the ones that earn,
 * and replays them in memory under the proposed rules. It writes nothing and touches no read model.
 */
@QueryHandler(SimulateLoyaltyRulesQuery)
export class SimulateLoyaltyRulesHandler implements IQueryHandler<
  SimulateLoyaltyRulesQuery,
  SimulationReport
> {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly catalog: EventCatalog,
  ) {}

  async execute({ period, proposed, dealerId }: SimulateLoyaltyRulesQuery): Promise<SimulationReport> {
    const recorded: HistoryEvent[] = [];
    const end = Date.parse(period.to);
    for (let after = 0; ;) {
      const batch = await this.eventStore.readAll({ after, limit: BATCH });
      for (const stored of batch) {
        if (READ.has(stored.type) && Date.parse(stored.occurredAt) < end) {
          const { type, data, occurredAt } = this.catalog.upcast(stored);
          recorded.push({ type, data, occurredAt });
        }
      }
      if (batch.length < BATCH) break;
      after = batch[batch.length - 1].globalPosition;
    }
    const history = dealerId ? historyOfMembersOf(recorded, dealerId) : recorded;
    const live = liveFigures(history, LIVE_LOYALTY_RULES, period);
    const simulated = simulateRules(history, LIVE_LOYALTY_RULES, proposed, period);
    const { liabilityByDealer: _l, ...liveTotals } = live;
    const difference = Object.fromEntries(
      Object.entries(liveTotals).map(([key, value]) => [
        key,
        simulated[key as keyof typeof liveTotals] - value,
      ]),
    ) as SimulationReport['difference'];
    return {
      period,
      dealerId: dealerId ?? null,
      liveRuleSet: LIVE_LOYALTY_RULES.current,
      proposedRules: proposed,
      live,
      simulated,
      difference,
    };
  }
}
