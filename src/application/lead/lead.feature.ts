import type { LeadCommand } from '../../domain/lead/lead.commands';
import { createLeadDecider, leadStreamId } from '../../domain/lead/lead.decider';
import { LEAD_EVENT_TYPES, LEAD_PERSONAL_DATA, type LeadEvent } from '../../domain/lead/lead.events';
import { leadDecisionOf, type LeadState } from '../../domain/lead/lead.state';
import { DEFAULT_LEAD_CLOCKS } from '../../domain/lead/lead.types';
import { leadDetailsProjection } from '../../projections/lead-details/lead-details.projection';
import type { Feature } from '../shared/feature';
import { createLeadConversionReactor } from './lead-conversion.reactor';
import { leadReturnWatcher } from './lead-return-watcher';
import { LEAD_KPIS } from './lead.queries';

/**
 * OEM leads (issue 18 §3): handed by the OEM to one dealer, accepted and contacted by it within the clocks,
 * or returned to the OEM by the clock and handed again; converted when the prospect file it became orders.
 */
export const leadFeature: Feature<LeadState, LeadCommand, LeadEvent> = {
  name: 'lead',
  category: 'lead',
  decider: createLeadDecider(DEFAULT_LEAD_CLOCKS),
  streamOf: ({ leadId }) => leadStreamId(leadId),
  eventTypes: LEAD_EVENT_TYPES,
  personalData: LEAD_PERSONAL_DATA,
  // The lead is its current handing's dealer's; the OEM's commands (hand, hand again) name no dealer of theirs.
  scope: (state, command) => ({
    dealerId:
      command.type === 'HandLead' || command.type === 'HandLeadAgain'
        ? undefined
        : state.status === 'none'
          ? undefined
          : state.current.dealerId,
  }),
  businessTimeOf: (event) => leadDecisionOf(event)?.at ?? null,
  projections: [leadDetailsProjection],
  reactors: ({ pipeline }) => [createLeadConversionReactor(pipeline, leadFeature)],
  watchers: [leadReturnWatcher],
  kpis: LEAD_KPIS,
};
