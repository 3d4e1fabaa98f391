import type { ComplaintAcknowledged, ComplaintFiled } from '../../domain/complaint/complaint.events';
import type { ComplaintLevel } from '../../domain/complaint/complaint.types';
import { businessMonthOf } from '../../domain/shared/time';
import type { ProjectionDefinition } from '../shared/projection';

export type ComplaintSlaMonthly = {
  dealerId: string;
  /** Business month (China Standard Time) in which the events happened, `YYYY-MM`. */
  month: string;
  filed: number;
  filedByLevel: Record<ComplaintLevel, number>;
  acknowledged: number;
  acknowledgedOnTime: number;
  /** acknowledgedOnTime ÷ acknowledged, or null when nothing was acknowledged that month. */
  acknowledgedOnTimeRate: number | null;
};

const empty = (dealerId: string, month: string): ComplaintSlaMonthly => ({
  dealerId,
  month,
  filed: 0,
  filedByLevel: { L1: 0, L2: 0, L3: 0 },
  acknowledged: 0,
  acknowledgedOnTime: 0,
  acknowledgedOnTimeRate: null,
});

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/**
 * Complaint SLA figures per dealer and month: filings by level, and acknowledgements on time against the
 * deadline that was running. Counters, so the engine's position guard is what keeps them exact.
 */
export const complaintSlaMonthlyProjection: ProjectionDefinition<
  ComplaintFiled | ComplaintAcknowledged,
  ComplaintSlaMonthly
> = {
  name: 'complaint-sla-monthly',
  version: 1,
  collection: 'complaint_sla_monthly',
  indexes: [['dealerId', 'month'], ['month']],
  handles: ['ComplaintFiled', 'ComplaintAcknowledged'],
  documentIds: (event) => [`${event.data.dealerId}:${businessMonthOf(event.occurredAt)}`],
  apply: (doc, event) => {
    const current = doc ?? empty(event.data.dealerId, businessMonthOf(event.occurredAt));
    switch (event.type) {
      case 'ComplaintFiled':
        return {
          ...current,
          filed: current.filed + 1,
          filedByLevel: {
            ...current.filedByLevel,
            [event.data.level]: current.filedByLevel[event.data.level] + 1,
          },
        };
      case 'ComplaintAcknowledged': {
        const acknowledged = current.acknowledged + 1;
        const acknowledgedOnTime = current.acknowledgedOnTime + (event.data.onTime ? 1 : 0);
        return {
          ...current,
          acknowledged,
          acknowledgedOnTime,
          acknowledgedOnTimeRate: rate(acknowledgedOnTime, acknowledged),
        };
      }
      default: {
        const unreachable: never = event;
        return unreachable;
      }
    }
  },
};
