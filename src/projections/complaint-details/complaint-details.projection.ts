import type { ComplaintEvent } from '../../domain/complaint/complaint.events';
import type {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintLevel,
  ComplaintSeverity,
} from '../../domain/complaint/complaint.types';
import type { ProjectionDefinition } from '../shared/projection';

export type ComplaintDetails = {
  complaintId: string;
  dealerId: string;
  status: 'filed' | 'acknowledged';
  channel: ComplaintChannel;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  level: ComplaintLevel;
  customer: { customerId: string; name: string; phone: string };
  relatedSaleId: string | null;
  relatedRepairOrderId: string | null;
  description: string;
  remedySought: string;
  filedAt: string;
  filedBy: string;
  slaPolicyVersion: string;
  acknowledgeBy: string;
  resolveBy: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgedOnTime: boolean | null;
  /** Revision of the complaint's stream: the ETag of this record. */
  revision: number;
  updatedAt: string;
};

/** One document per complaint, for integrators' lists and details. */
export const complaintDetailsProjection: ProjectionDefinition<ComplaintEvent, ComplaintDetails> = {
  name: 'complaint-details',
  version: 1,
  collection: 'complaints',
  indexes: [['dealerId', 'filedAt'], ['status', 'filedAt'], ['filedAt']],
  handles: ['ComplaintFiled', 'ComplaintAcknowledged'],
  documentIds: (event) => [event.data.complaintId],
  apply: (doc, event) => {
    switch (event.type) {
      case 'ComplaintFiled': {
        const { data } = event;
        return {
          complaintId: data.complaintId,
          dealerId: data.dealerId,
          status: 'filed',
          channel: data.channel,
          category: data.category,
          severity: data.severity,
          level: data.level,
          customer: data.customer,
          relatedSaleId: data.relatedSaleId,
          relatedRepairOrderId: data.relatedRepairOrderId,
          description: data.description,
          remedySought: data.remedySought,
          filedAt: data.filedAt,
          filedBy: event.metadata.actor.userId,
          slaPolicyVersion: data.slaPolicyVersion,
          acknowledgeBy: data.acknowledgeBy,
          resolveBy: data.resolveBy,
          acknowledgedAt: null,
          acknowledgedBy: null,
          acknowledgedOnTime: null,
          revision: event.revision,
          updatedAt: event.occurredAt,
        };
      }
      case 'ComplaintAcknowledged':
        if (!doc) throw new Error(`complaint ${event.data.complaintId} acknowledged before it was filed`);
        return {
          ...doc,
          status: 'acknowledged',
          acknowledgedAt: event.data.acknowledgedAt,
          acknowledgedBy: event.metadata.actor.userId,
          acknowledgedOnTime: event.data.onTime,
          revision: event.revision,
          updatedAt: event.occurredAt,
        };
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  },
};
