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

/** The public data of each type: what the feed and webhooks carry (typed in the OpenAPI document). */
export const complaintFiledData = (d: ComplaintFiled['data']) => ({
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
});

export const complaintAcknowledgedData = (d: ComplaintAcknowledged['data']) => ({
  complaintId: d.complaintId,
  dealerId: d.dealerId,
  acknowledgedAt: d.acknowledgedAt,
  acknowledgeBy: d.acknowledgeBy,
  onTime: d.onTime,
});

export const complaintEscalatedData = (d: ComplaintEscalated['data']) => ({
  complaintId: d.complaintId,
  dealerId: d.dealerId,
  from: d.from,
  to: d.to,
  automatic: d.automatic,
  escalatedAt: d.escalatedAt,
});

export const complaintResolvedData = (d: ComplaintResolved['data']) => ({
  complaintId: d.complaintId,
  dealerId: d.dealerId,
  resolvedAt: d.resolvedAt,
  resolveBy: d.resolveBy,
  onTime: d.onTime,
});

export const complaintClosedData = (d: ComplaintClosed['data']) => ({
  complaintId: d.complaintId,
  dealerId: d.dealerId,
  closedAt: d.closedAt,
  satisfaction: d.satisfaction,
});

export const complaintDecisionsWithdrawnData = (d: ComplaintDecisionsWithdrawn['data']) => ({
  complaintId: d.complaintId,
  dealerId: d.dealerId,
  lateFactAt: d.lateFactAt,
  decisions: d.decisions,
});

/** Complaints: the closed loop's milestones, and the withdrawal of automatic escalations. */
export const complaintReopenedData = (d: ComplaintReopened['data']) => ({
  complaintId: d.complaintId,
  reopenedAt: d.reopenedAt,
  resolveBy: d.resolveBy,
});

export const COMPLAINT_MAPPINGS: readonly AnyIntegrationMapping[] = [
  complaintEvent<ComplaintFiled>('ComplaintFiled', 'filed', complaintFiledData),
  complaintEvent<ComplaintAcknowledged>('ComplaintAcknowledged', 'acknowledged', complaintAcknowledgedData),
  complaintEvent<ComplaintEscalated>('ComplaintEscalated', 'escalated', complaintEscalatedData),
  complaintEvent<ComplaintResolved>('ComplaintResolved', 'resolved', complaintResolvedData),
  complaintEvent<ComplaintClosed>('ComplaintClosed', 'closed', complaintClosedData),
  mapping<ComplaintReopened>({
    from: 'ComplaintReopened',
    type: type('complaint', 'reopened'),
    record: 'complaint',
    recordId: complaint,
    dealerOf: () => null,
    data: complaintReopenedData,
  }),
  // A late fact withdrew automatic escalations a consumer may already have acted on.
  complaintEvent<ComplaintDecisionsWithdrawn>(
    'ComplaintDecisionsWithdrawn',
    'decisions-withdrawn',
    complaintDecisionsWithdrawnData,
  ),
];
