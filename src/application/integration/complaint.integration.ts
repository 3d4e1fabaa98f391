import type {
  ComplaintAcknowledged,
  ComplaintClosed,
  ComplaintDecisionsWithdrawn,
  ComplaintEscalated,
  ComplaintFiled,
  ComplaintReopened,
  ComplaintResolved,
} from '../../domain/complaint/complaint.events';
import {
  type AnyIntegrationMapping,
  integrationType as type,
  mapping,
  recordMappings,
} from './integration-event';

const complaint = (data: { complaintId: string }) => data.complaintId;
const complaintEvent = recordMappings(
  'complaint',
  complaint,
  (data: { complaintId: string; dealerId: string }) => data.dealerId,
);

/** Complaints: the closed loop's milestones, and the withdrawal of automatic escalations. */
export const COMPLAINT_MAPPINGS: readonly AnyIntegrationMapping[] = [
  complaintEvent<ComplaintFiled>('ComplaintFiled', 'filed', (d) => ({
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
  })),
  complaintEvent<ComplaintAcknowledged>('ComplaintAcknowledged', 'acknowledged', (d) => ({
    complaintId: d.complaintId,
    dealerId: d.dealerId,
    acknowledgedAt: d.acknowledgedAt,
    acknowledgeBy: d.acknowledgeBy,
    onTime: d.onTime,
  })),
  complaintEvent<ComplaintEscalated>('ComplaintEscalated', 'escalated', (d) => ({
    complaintId: d.complaintId,
    dealerId: d.dealerId,
    from: d.from,
    to: d.to,
    automatic: d.automatic,
    escalatedAt: d.escalatedAt,
  })),
  complaintEvent<ComplaintResolved>('ComplaintResolved', 'resolved', (d) => ({
    complaintId: d.complaintId,
    dealerId: d.dealerId,
    resolvedAt: d.resolvedAt,
    resolveBy: d.resolveBy,
    onTime: d.onTime,
  })),
  complaintEvent<ComplaintClosed>('ComplaintClosed', 'closed', (d) => ({
    complaintId: d.complaintId,
    dealerId: d.dealerId,
    closedAt: d.closedAt,
    satisfaction: d.satisfaction,
  })),
  mapping<ComplaintReopened>({
    from: 'ComplaintReopened',
    type: type('complaint', 'reopened'),
    record: 'complaint',
    recordId: complaint,
    dealerOf: () => null,
    data: (d) => ({ complaintId: d.complaintId, reopenedAt: d.reopenedAt, resolveBy: d.resolveBy }),
  }),
  // A late fact withdrew automatic escalations a consumer may already have acted on.
  complaintEvent<ComplaintDecisionsWithdrawn>('ComplaintDecisionsWithdrawn', 'decisions-withdrawn', (d) => ({
    complaintId: d.complaintId,
    dealerId: d.dealerId,
    lateFactAt: d.lateFactAt,
    decisions: d.decisions,
  })),
];
