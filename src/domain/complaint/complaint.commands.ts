import type { Command } from '../shared/event';
import type {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintClock,
  ComplaintCustomer,
  ComplaintLevel,
  ComplaintSeverity,
  ContactChannel,
  Satisfaction,
} from './complaint.types';

type Id = { complaintId: string };

export type FileComplaint = Command<
  'FileComplaint',
  Id & {
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
export type AcknowledgeComplaint = Command<'AcknowledgeComplaint', Id & { note?: string }>;
export type AssignComplaint = Command<
  'AssignComplaint',
  Id & { dealerId?: string; department?: string; assigneeId?: string; reason?: string }
>;
export type RecordCustomerContact = Command<
  'RecordCustomerContact',
  Id & { channel: ContactChannel; summary: string }
>;
export type AddInvestigationNote = Command<'AddInvestigationNote', Id & { note: string }>;
export type ProposeResolution = Command<'ProposeResolution', Id & { remedyOffered: string }>;
export type RecordResolutionResponse = Command<
  'RecordResolutionResponse',
  Id & { accepted: boolean; comment?: string }
>;
export type ResolveComplaint = Command<'ResolveComplaint', Id>;
export type RecordCallback = Command<
  'RecordCallback',
  Id & { reached: boolean; satisfaction?: Satisfaction; note?: string }
>;
export type CloseComplaint = Command<'CloseComplaint', Id>;
export type ReopenComplaint = Command<'ReopenComplaint', Id & { reason: string }>;
export type EscalateComplaint = Command<'EscalateComplaint', Id & { to?: ComplaintLevel; reason: string }>;
/** Issued by the deadline watcher; `now` is the time it looks at. */
export type RecordMissedDeadlines = Command<'RecordMissedDeadlines', Id & { clock?: ComplaintClock }>;

export type ComplaintCommand =
  | FileComplaint
  | AcknowledgeComplaint
  | AssignComplaint
  | RecordCustomerContact
  | AddInvestigationNote
  | ProposeResolution
  | RecordResolutionResponse
  | ResolveComplaint
  | RecordCallback
  | CloseComplaint
  | ReopenComplaint
  | EscalateComplaint
  | RecordMissedDeadlines;
