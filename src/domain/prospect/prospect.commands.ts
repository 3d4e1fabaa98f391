import type { Command } from '../shared/event';
import type {
  FinanceOption,
  FollowUpChannel,
  FollowUpOutcome,
  LostReason,
  OpenGrade,
  ProspectChannel,
  ProspectContact,
} from './prospect.types';

type Id = { prospectId: string };

export type RegisterProspect = Command<
  'RegisterProspect',
  Id & {
    dealerId: string;
    consultantId: string;
    channel: ProspectChannel;
    contact: ProspectContact;
    phoneHash: string;
    modelOfInterest: string;
    budgetFen?: number;
    expectedPurchaseBy?: string;
    campaignId?: string;
    grade: OpenGrade;
  }
>;
export type RecordEnquiry = Command<'RecordEnquiry', Id & { channel: ProspectChannel; note?: string }>;
/** H/A/B/C regrade, or F (lost) with a reason. O comes only with an order. */
export type GradeProspect = Command<
  'GradeProspect',
  Id & { grade: OpenGrade | 'F'; lostReason?: LostReason; note?: string }
>;
export type ScheduleFollowUp = Command<'ScheduleFollowUp', Id & { dueAt: string; note?: string }>;
export type RecordFollowUp = Command<
  'RecordFollowUp',
  Id & { channel: FollowUpChannel; outcome: FollowUpOutcome; note?: string; nextContactAt?: string }
>;
export type RecordNeedsAnalysis = Command<'RecordNeedsAnalysis', Id & { summary: string }>;
export type PresentVehicle = Command<'PresentVehicle', Id & { model: string }>;
export type BookTestDrive = Command<'BookTestDrive', Id & { model: string; scheduledFor: string }>;
export type CompleteTestDrive = Command<'CompleteTestDrive', Id & { model?: string }>;
export type IssueQuote = Command<
  'IssueQuote',
  Id & { model: string; listPriceFen: number; discountFen: number; financeOption: FinanceOption }
>;
export type OrderProspect = Command<
  'OrderProspect',
  Id & { saleId: string; model: string; priceFen: number }
>;
export type ReassignProspect = Command<'ReassignProspect', Id & { consultantId: string; reason: string }>;
/** Sent by the sales-cancellation reactor when the prospect's vehicle sale is cancelled. */
export type ReopenAfterCancelledSale = Command<
  'ReopenAfterCancelledSale',
  Id & { saleId: string; reason: string }
>;
export type ReactivateProspect = Command<'ReactivateProspect', Id & { grade: OpenGrade; reason: string }>;

export type ProspectCommand =
  | RegisterProspect
  | RecordEnquiry
  | GradeProspect
  | ScheduleFollowUp
  | RecordFollowUp
  | RecordNeedsAnalysis
  | PresentVehicle
  | BookTestDrive
  | CompleteTestDrive
  | IssueQuote
  | OrderProspect
  | ReassignProspect
  | ReactivateProspect
  | ReopenAfterCancelledSale;
