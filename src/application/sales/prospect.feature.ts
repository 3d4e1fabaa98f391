import type { ProspectCommand } from '../../domain/prospect/prospect.commands';
import { createProspectDecider, prospectStreamId } from '../../domain/prospect/prospect.decider';
import {
  PROSPECT_EVENT_TYPES,
  PROSPECT_PERSONAL_DATA,
  type ProspectEvent,
} from '../../domain/prospect/prospect.events';
import type { ProspectState } from '../../domain/prospect/prospect.state';
import { prospectDetailsProjection } from '../../projections/prospect-details/prospect-details.projection';
import { salesFunnelEntriesProjection } from '../../projections/sales-funnel-entries/sales-funnel-entries.projection';
import type { CommandOf, Feature } from '../shared/feature';
import { PROSPECT_KPIS } from './prospect.queries';
import { createSaleCancellationReactor } from './sale-cancellation.reactor';

type Request = CommandOf<ProspectCommand>;

/**
 * Whose prospect it is. A repeat enquiry counts on whoever owns it, so it names no owner; nor does a
 * registration that meets a prospect already registered with that phone: the decider refuses it and the
 * registration handler records it as the repeat enquiry it is, whichever consultant sent it.
 */
const ownerOf = (state: ProspectState, command: Request): string | undefined => {
  if (command.type === 'RecordEnquiry') return undefined;
  if (state.status !== 'none') return command.type === 'RegisterProspect' ? undefined : state.consultantId;
  return command.type === 'RegisterProspect' || command.type === 'ReassignProspect'
    ? command.data.consultantId
    : undefined;
};

/** A prospect from its first enquiry to an order or a loss (issue 3); duplicates are merged by phone. */
export const prospectFeature: Feature<ProspectState, ProspectCommand, ProspectEvent> = {
  name: 'prospect',
  category: 'prospect',
  decider: createProspectDecider(),
  streamOf: ({ prospectId }) => prospectStreamId(prospectId),
  eventTypes: PROSPECT_EVENT_TYPES,
  personalData: PROSPECT_PERSONAL_DATA,
  scope: (state, command) => ({
    dealerId:
      state.status !== 'none'
        ? state.dealerId
        : command.type === 'RegisterProspect'
          ? command.data.dealerId
          : undefined,
    ownerId: ownerOf(state, command),
    enquiryChannel:
      command.type === 'RegisterProspect' || command.type === 'RecordEnquiry'
        ? command.data.channel
        : undefined,
  }),
  projections: [prospectDetailsProjection, salesFunnelEntriesProjection],
  // A cancelled sale re-opens the prospect (issue 13).
  reactors: ({ pipeline }) => [createSaleCancellationReactor(pipeline, prospectFeature)],
  kpis: PROSPECT_KPIS,
};
