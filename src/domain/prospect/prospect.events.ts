import type { Event } from '../shared/event';
import type { PersonalDataDeclaration } from '../shared/personal-data';
import type {
  FinanceOption,
  FollowUpChannel,
  FollowUpOutcome,
  FunnelStage,
  LostReason,
  OpenGrade,
  ProspectChannel,
  ProspectContact,
} from './prospect.types';

type Id = { prospectId: string };

export type ProspectRegistered = Event<
  'ProspectRegistered',
  Id & {
    dealerId: string;
    consultantId: string;
    channel: ProspectChannel;
    contact: ProspectContact;
    /** Keyed HMAC-SHA-256 of the normalised phone (v2; v1 held a bare SHA-256): the duplicate check's key. */
    phoneHash: string;
    modelOfInterest: string;
    /** Budget in fen (1/100 RMB), never a float. */
    budgetFen: number | null;
    /** YYYY-MM-DD the customer expects to buy by. */
    expectedPurchaseBy: string | null;
    campaignId: string | null;
    grade: OpenGrade;
    registeredAt: string;
    followUpPolicyVersion: string;
  }
>;

/** A repeat enquiry from the same phone at the same dealer: a buying signal, counted on the existing file. */
export type ProspectTouched = Event<
  'ProspectTouched',
  Id & { dealerId: string; channel: ProspectChannel; touchedAt: string; note: string | null }
>;

export type ProspectGraded = Event<
  'ProspectGraded',
  Id & { dealerId: string; from: OpenGrade; to: OpenGrade; note: string | null; gradedAt: string }
>;

export type FollowUpScheduled = Event<
  'FollowUpScheduled',
  Id & { dueAt: string; note: string | null; scheduledAt: string }
>;

export type FollowUpRecorded = Event<
  'FollowUpRecorded',
  Id & {
    consultantId: string;
    channel: FollowUpChannel;
    outcome: FollowUpOutcome;
    note: string | null;
    contactedAt: string;
    nextContactAt: string | null;
  }
>;

export type NeedsAnalysed = Event<'NeedsAnalysed', Id & { summary: string; analysedAt: string }>;

export type VehiclePresented = Event<'VehiclePresented', Id & { model: string; presentedAt: string }>;

export type TestDriveBooked = Event<
  'TestDriveBooked',
  Id & { model: string; scheduledFor: string; bookedAt: string }
>;

export type TestDriveCompleted = Event<'TestDriveCompleted', Id & { model: string; drivenAt: string }>;

export type QuoteIssued = Event<
  'QuoteIssued',
  Id & {
    model: string;
    listPriceFen: number;
    discountFen: number;
    priceFen: number;
    financeOption: FinanceOption;
    quotedAt: string;
  }
>;

/** Grade O. The vehicle sale it opened is `saleId` (its OrderSigned is appended first). */
export type ProspectOrdered = Event<
  'ProspectOrdered',
  Id & { dealerId: string; saleId: string; model: string; priceFen: number; orderedAt: string }
>;

/** Grade F, with the reason and the furthest stage it had reached. */
export type ProspectLost = Event<
  'ProspectLost',
  Id & {
    dealerId: string;
    reason: LostReason;
    note: string | null;
    stage: FunnelStage;
    gradeBefore: OpenGrade;
    lostAt: string;
  }
>;

export type ProspectReassigned = Event<
  'ProspectReassigned',
  Id & {
    dealerId: string;
    fromConsultantId: string;
    toConsultantId: string;
    reason: string;
    reassignedAt: string;
  }
>;

export type ProspectReactivated = Event<
  'ProspectReactivated',
  Id & { dealerId: string; grade: OpenGrade; reason: string; reactivatedAt: string }
>;

/** The order `saleId` was cancelled: the prospect is open again, at `grade` (its grade before the order). */
export type ProspectReopenedAfterCancellation = Event<
  'ProspectReopenedAfterCancellation',
  Id & {
    dealerId: string;
    saleId: string;
    reason: string;
    grade: OpenGrade;
    /** The furthest stage without the cancelled order: a cancelled order is not a sale. */
    stage: FunnelStage;
    reopenedAt: string;
  }
>;

export type ProspectEvent =
  | ProspectRegistered
  | ProspectTouched
  | ProspectGraded
  | FollowUpScheduled
  | FollowUpRecorded
  | NeedsAnalysed
  | VehiclePresented
  | TestDriveBooked
  | TestDriveCompleted
  | QuoteIssued
  | ProspectOrdered
  | ProspectLost
  | ProspectReassigned
  | ProspectReactivated
  | ProspectReopenedAfterCancellation;

/** Stable type names and their current schema versions; never derived from class names. */
export const PROSPECT_EVENT_TYPES = {
  ProspectRegistered: 2,
  ProspectTouched: 1,
  ProspectGraded: 1,
  FollowUpScheduled: 1,
  FollowUpRecorded: 1,
  NeedsAnalysed: 1,
  VehiclePresented: 1,
  TestDriveBooked: 1,
  TestDriveCompleted: 1,
  QuoteIssued: 1,
  ProspectOrdered: 1,
  ProspectLost: 1,
  ProspectReassigned: 1,
  ProspectReactivated: 1,
  ProspectReopenedAfterCancellation: 1,
} as const satisfies Record<ProspectEvent['type'], number>;

/**
 * Personal data per event type, encrypted with the subject's key when stored (docs/privacy.md). Version 2
 * of these types is the first with protected values; v1 events are upcast with their values tagged.
 */
export const PROSPECT_PERSONAL_DATA = {
  ProspectRegistered: {
    subject: 'contact.customerId',
    fields: { 'contact.name': 'name', 'contact.phone': 'phone' },
    since: 2,
  },
} as const satisfies Partial<Record<ProspectEvent['type'], PersonalDataDeclaration>>;
