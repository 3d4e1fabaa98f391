import type { Event } from '../shared/event';
import type {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintCustomer,
  ComplaintLevel,
  ComplaintSeverity,
} from './complaint.types';

export type ComplaintFiled = Event<
  'ComplaintFiled',
  {
    complaintId: string;
    dealerId: string;
    channel: ComplaintChannel;
    category: ComplaintCategory;
    severity: ComplaintSeverity;
    level: ComplaintLevel;
    customer: ComplaintCustomer;
    relatedSaleId: string | null;
    relatedRepairOrderId: string | null;
    description: string;
    remedySought: string;
    filedAt: string;
    slaPolicyVersion: string;
    /** Acknowledgement deadline of the complaint's level, from filing. */
    acknowledgeBy: string;
    /** Resolution deadline of its severity, from filing. */
    resolveBy: string;
  }
>;

export type ComplaintAcknowledged = Event<
  'ComplaintAcknowledged',
  {
    complaintId: string;
    /** The dealer handling the complaint when it was acknowledged. */
    dealerId: string;
    acknowledgedAt: string;
    note: string | null;
    /** The deadline that was running, and whether it held. */
    acknowledgeBy: string;
    onTime: boolean;
  }
>;

export type ComplaintEvent = ComplaintFiled | ComplaintAcknowledged;

/** Stable type names and their current schema versions; never derived from class names. */
export const COMPLAINT_EVENT_TYPES = {
  ComplaintFiled: 1,
  ComplaintAcknowledged: 1,
} as const satisfies Record<ComplaintEvent['type'], number>;
