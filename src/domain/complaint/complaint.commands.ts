import type { Command } from '../shared/event';
import type {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintCustomer,
  ComplaintLevel,
  ComplaintSeverity,
} from './complaint.types';

export type FileComplaint = Command<
  'FileComplaint',
  {
    complaintId: string;
    dealerId: string;
    channel: ComplaintChannel;
    category: ComplaintCategory;
    severity: ComplaintSeverity;
    /** Defaults to L1; the OEM files safety, injury or media cases directly at L3. */
    level?: ComplaintLevel;
    customer: ComplaintCustomer;
    relatedSaleId?: string;
    relatedRepairOrderId?: string;
    description: string;
    remedySought: string;
  }
>;

export type AcknowledgeComplaint = Command<'AcknowledgeComplaint', { complaintId: string; note?: string }>;

export type ComplaintCommand = FileComplaint | AcknowledgeComplaint;
