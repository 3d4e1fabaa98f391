import type { ComplaintCommand } from '../../domain/complaint/complaint.commands';
import { complaintStreamId, createComplaintDecider } from '../../domain/complaint/complaint.decider';
import {
  COMPLAINT_EVENT_TYPES,
  COMPLAINT_PERSONAL_DATA,
  COMPLAINT_UPCASTERS,
  type ComplaintEvent,
} from '../../domain/complaint/complaint.events';
import { automaticDecisionOf, type ComplaintState } from '../../domain/complaint/complaint.state';
import { DEFAULT_COMPLAINT_SLA_POLICIES } from '../../domain/complaint/complaint-sla-policy';
import { complaintDetailsProjection } from '../../projections/complaint-details/complaint-details.projection';
import { complaintSlaMonthlyProjection } from '../../projections/complaint-sla-monthly/complaint-sla-monthly.projection';
import type { CommandOf, Feature } from '../shared/feature';
import { COMPLAINT_KPIS } from './complaint.queries';
import { deadlineWatcher } from './deadline-watcher';

/**
 * The dealer a filing names, for a complaint not filed yet. Only a filing: a transfer's dealer is where
 * the complaint would go, never whose it is, and a transfer of a complaint not on file is refused as one
 * (TRANSFER_FORBIDDEN for the desk, 404 for those who may transfer), not as the target dealer's record.
 */
const namedDealer = (command: CommandOf<ComplaintCommand>): string | undefined =>
  command.type === 'FileComplaint' ? command.data.dealerId : undefined;

/** The complaint's closed loop (issue 5), its SLA clocks and the watcher that records missed deadlines. */
export const complaintFeature: Feature<ComplaintState, ComplaintCommand, ComplaintEvent> = {
  name: 'complaint',
  category: 'complaint',
  decider: createComplaintDecider(DEFAULT_COMPLAINT_SLA_POLICIES),
  streamOf: ({ complaintId }) => complaintStreamId(complaintId),
  eventTypes: COMPLAINT_EVENT_TYPES,
  personalData: COMPLAINT_PERSONAL_DATA,
  upcasters: COMPLAINT_UPCASTERS,
  scope: (state, command) => ({
    dealerId: state.status !== 'none' ? state.dealerId : namedDealer(command),
    handedTo: command.type === 'AssignComplaint' ? command.data.dealerId : undefined,
  }),
  businessTimeOf: (event) => automaticDecisionOf(event)?.at ?? null,
  projections: [complaintDetailsProjection, complaintSlaMonthlyProjection],
  watchers: [deadlineWatcher],
  kpis: COMPLAINT_KPIS,
};
