import type { CallCommand } from '../../domain/call/call.commands';
import { callDecider, type CallState, callStreamId } from '../../domain/call/call.decider';
import { CALL_EVENT_TYPES, type CallEvent } from '../../domain/call/call.events';
import { callDetailsProjection } from '../../projections/call-details/call-details.projection';
import { customerCallsProjection } from '../../projections/customer-calls/customer-calls.projection';
import { complaintFeature } from '../complaint/complaint.feature';
import type { CommandOf, Feature } from '../shared/feature';
import { createCallContactReactor } from './call-contact.reactor';

const namedDealer = (command: CommandOf<CallCommand>): string | undefined =>
  command.type === 'StartCall' ? command.data.dealerId : undefined;

/**
 * Calls from the call centre's system (CTI, issue 18): one stream per call id the call centre gives. The
 * number is never stored, only its keyed blind index (docs/calls.md), so no event holds personal data.
 */
export const callFeature: Feature<CallState, CallCommand, CallEvent> = {
  name: 'call',
  category: 'call',
  decider: callDecider,
  streamOf: ({ callId }) => callStreamId(callId),
  eventTypes: CALL_EVENT_TYPES,
  scope: (state, command) => ({
    dealerId: state.status !== 'none' ? state.header.dealerId : namedDealer(command),
  }),
  projections: [callDetailsProjection, customerCallsProjection],
  reactors: ({ pipeline }) => [createCallContactReactor(pipeline, complaintFeature)],
};
