import type { Command, Decider, Event } from '../shared/event';

/**
 * One stream per prospect listing the leads that became it (a lead merged by phone joins the existing
 * prospect, so several may). The conversion reactor reads it from the event store when the prospect orders
 * or is lost, so no read model's lag can hide a lead from it.
 */
export type LeadIndexedOnProspect = Event<
  'LeadIndexedOnProspect',
  { prospectId: string; leadId: string; dealerId: string; indexedAt: string }
>;
export type IndexLeadOnProspect = Command<
  'IndexLeadOnProspect',
  { prospectId: string; leadId: string; dealerId: string }
>;
export type ProspectLeadsState = Readonly<{ leadIds: readonly string[] }>;

export const LEAD_PROSPECT_INDEX_EVENT_TYPES = { LeadIndexedOnProspect: 1 } as const satisfies Record<
  LeadIndexedOnProspect['type'],
  number
>;

export const prospectLeadsStreamId = (prospectId: string): string => `prospectleads-${prospectId}`;

export const prospectLeadsDecider: Decider<ProspectLeadsState, IndexLeadOnProspect, LeadIndexedOnProspect> = {
  initialState: () => ({ leadIds: [] }),
  evolve: (state, event) => ({ leadIds: [...state.leadIds, event.data.leadId] }),
  decide: (command, state) =>
    state.leadIds.includes(command.data.leadId)
      ? []
      : [{ type: 'LeadIndexedOnProspect', data: { ...command.data, indexedAt: command.metadata.now } }],
};
