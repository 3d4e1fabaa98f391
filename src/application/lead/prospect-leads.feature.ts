import {
  type IndexLeadOnProspect,
  LEAD_PROSPECT_INDEX_EVENT_TYPES,
  type LeadIndexedOnProspect,
  prospectLeadsDecider,
  type ProspectLeadsState,
  prospectLeadsStreamId,
} from '../../domain/lead/lead-prospect-index';
import type { Feature } from '../shared/feature';

/** The leads each prospect file came from, for the conversion reactor. */
export const prospectLeadsFeature: Feature<ProspectLeadsState, IndexLeadOnProspect, LeadIndexedOnProspect> = {
  name: 'prospect-leads',
  category: 'prospectleads',
  decider: prospectLeadsDecider,
  streamOf: ({ prospectId }) => prospectLeadsStreamId(prospectId),
  eventTypes: LEAD_PROSPECT_INDEX_EVENT_TYPES,
  scope: (_state, command) => ({ dealerId: command.data.dealerId }),
};
