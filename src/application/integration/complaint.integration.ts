import type {
  ComplaintAcknowledged,
  ComplaintClosed,
  ComplaintDecisionsWithdrawn,
  ComplaintEscalated,
  ComplaintFiled,
  ComplaintReopened,
  ComplaintResolved,
} from '../../domain/complaint/complaint.events';
import { type AnyIntegrationMapping, integrationType as type, mapping } from './integration-event';

const complaint = (data: { complaintId: string }) => data.complaintId;
const complaintDealer = (data: { dealerId: string }) => data.dealerId;

/** Complaints: the closed loop's milestones, and the withdrawal of automatic escalations. */
export const COMPLAINT_MAPPINGS: readonly AnyIntegrationMapping[] = [
  mapping<ComplaintFiled>({
    from: 'ComplaintFiled',
    type: type('complaint', 'filed'),
    record: 'complaint',
    recordId: complaint,
    dealerOf: complaintDealer,
    data: (d) => ({
      complaintId: d.complaintId,
      dealerId: d.dealerId,
      channel: d.channel,
      category: d.category,
      severity: d.severity,
      level: d.level,
      customer: { customerId: d.customer.customerId, name: d.customer.name, phone: d.customer.phone },
      relatedSaleId: d.relatedSaleId,
      relatedRepairOrderId: d.relatedRepairOrderId,
      filedAt: d.filedAt,
      acknowledgeBy: d.acknowledgeBy,
      resolveBy: d.resolveBy,
    }),
  }),
  mapping<ComplaintAcknowledged>({
    from: 'ComplaintAcknowledged',
    type: type('complaint', 'acknowledged'),
    record: 'complaint',
    recordId: complaint,
    dealerOf: complaintDealer,
    data: (d) => ({
      complaintId: d.complaintId,
      dealerId: d.dealerId,
      acknowledgedAt: d.acknowledgedAt,
      acknowledgeBy: d.acknowledgeBy,
      onTime: d.onTime,
    }),
  }),
  mapping<ComplaintEscalated>({
    from: 'ComplaintEscalated',
    type: type('complaint', 'escalated'),
    record: 'complaint',
    recordId: complaint,
    dealerOf: complaintDealer,
    data: (d) => ({
      complaintId: d.complaintId,
      dealerId: d.dealerId,
      from: d.from,
      to: d.to,
      automatic: d.automatic,
      escalatedAt: d.escalatedAt,
    }),
  }),
  mapping<ComplaintResolved>({
    from: 'ComplaintResolved',
    type: type('complaint', 'resolved'),
    record: 'complaint',
    recordId: complaint,
    dealerOf: complaintDealer,
    data: (d) => ({
      complaintId: d.complaintId,
      dealerId: d.dealerId,
      resolvedAt: d.resolvedAt,
      resolveBy: d.resolveBy,
      onTime: d.onTime,
    }),
  }),
  mapping<ComplaintClosed>({
    from: 'ComplaintClosed',
    type: type('complaint', 'closed'),
    record: 'complaint',
    recordId: complaint,
    dealerOf: complaintDealer,
    data: (d) => ({
      complaintId: d.complaintId,
      dealerId: d.dealerId,
      closedAt: d.closedAt,
      satisfaction: d.satisfaction,
    }),
  }),
  mapping<ComplaintReopened>({
    from: 'ComplaintReopened',
    type: type('complaint', 'reopened'),
    record: 'complaint',
    recordId: complaint,
    dealerOf: () => null,
    data: (d) => ({ complaintId: d.complaintId, reopenedAt: d.reopenedAt, resolveBy: d.resolveBy }),
  }),
  // A late fact withdrew automatic escalations a consumer may already have acted on.
  mapping<ComplaintDecisionsWithdrawn>({
    from: 'ComplaintDecisionsWithdrawn',
    type: type('complaint', 'decisions-withdrawn'),
    record: 'complaint',
    recordId: complaint,
    dealerOf: complaintDealer,
    data: (d) => ({
      complaintId: d.complaintId,
      dealerId: d.dealerId,
      lateFactAt: d.lateFactAt,
      decisions: d.decisions,
    }),
  }),
];
