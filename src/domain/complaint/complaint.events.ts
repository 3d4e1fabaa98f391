import type { Event, EventUpcasters } from '../shared/event';
import type { PersonalDataDeclaration } from '../shared/personal-data';
import type {
  AutomaticDecision,
  ComplaintCategory,
  ComplaintChannel,
  ComplaintClock,
  ComplaintCustomer,
  ComplaintLevel,
  ComplaintSeverity,
  ContactChannel,
  Satisfaction,
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

/** Handed to a dealer (a transfer when the dealer changes), a department or a person. */
export type ComplaintAssigned = Event<
  'ComplaintAssigned',
  {
    complaintId: string;
    fromDealerId: string;
    dealerId: string;
    department: string | null;
    assigneeId: string | null;
    transfer: boolean;
    reason: string | null;
    /** Absent in events recorded before December 2026. */
    assignedAt?: string;
  }
>;

export type CustomerContactRecorded = Event<
  'CustomerContactRecorded',
  { complaintId: string; channel: ContactChannel; summary: string; contactedAt: string }
>;

export type InvestigationNoteAdded = Event<'InvestigationNoteAdded', { complaintId: string; note: string }>;

export type ResolutionProposed = Event<
  'ResolutionProposed',
  { complaintId: string; remedyOffered: string; remedySought: string; proposedAt: string }
>;

/** `respondedAt` is absent in events recorded before December 2026. */
export type ResolutionAccepted = Event<
  'ResolutionAccepted',
  { complaintId: string; comment: string | null; respondedAt?: string }
>;

export type ResolutionRejected = Event<
  'ResolutionRejected',
  { complaintId: string; reason: string; respondedAt?: string }
>;

export type ComplaintResolved = Event<
  'ComplaintResolved',
  {
    complaintId: string;
    dealerId: string;
    resolvedAt: string;
    remedy: string;
    resolveBy: string;
    onTime: boolean;
    /** The callback clock starts now: the closing callback (a care task, docs/care.md) is due by then. */
    callbackBy: string;
    /** Since v2: the customer the callback calls; null on earlier events. */
    customerId: string | null;
  }
>;

export type ComplaintCallbackRecorded = Event<
  'ComplaintCallbackRecorded',
  {
    complaintId: string;
    calledAt: string;
    reached: boolean;
    satisfaction: Satisfaction | null;
    note: string | null;
    /** The callback deadline of the resolution it calls back on (the clock's, even once it stopped). */
    callbackBy: string;
    onTime: boolean;
  }
>;

export type ComplaintClosed = Event<
  'ComplaintClosed',
  { complaintId: string; dealerId: string; closedAt: string; filedAt: string; satisfaction: Satisfaction }
>;

export type ComplaintReopened = Event<
  'ComplaintReopened',
  {
    complaintId: string;
    reason: string;
    reopenedAt: string;
    resolveBy: string;
    /**
     * Since v2: the callback deadline of the resolution this reopening ends, when it was reopened while
     * resolved (its closing callback is no longer due from now, docs/care.md); null when reopened once
     * closed, and on earlier events.
     */
    endsCallbackBy: string | null;
  }
>;

export type ComplaintEscalated = Event<
  'ComplaintEscalated',
  {
    complaintId: string;
    dealerId: string;
    from: ComplaintLevel;
    to: ComplaintLevel;
    reason: string;
    /** True when a missed deadline escalated it by itself. */
    automatic: boolean;
    escalatedAt: string;
    /** The acknowledgement clock restarts at the new level. */
    acknowledgeBy: string;
    /** The upper level must propose a remedy by then. */
    upperLevelBy: string;
  }
>;

/** Recorded once for each deadline that passed without its action. */
export type ComplaintDeadlineMissed = Event<
  'ComplaintDeadlineMissed',
  {
    complaintId: string;
    dealerId: string;
    clock: ComplaintClock;
    dueBy: string;
    level: ComplaintLevel;
    category: ComplaintCategory;
  }
>;

/**
 * A human fact dated `lateFactAt` arrived after the clock had decided by itself at or after that time: the
 * decisions it contradicts (the last ones recorded, in order) no longer hold. The complaint is back in
 * the state before them; what is still due is recorded again, at its due time.
 */
export type ComplaintDecisionsWithdrawn = Event<
  'ComplaintDecisionsWithdrawn',
  {
    complaintId: string;
    dealerId: string;
    lateFactAt: string;
    decisions: AutomaticDecision[];
  }
>;

export type ComplaintEvent =
  | ComplaintFiled
  | ComplaintAcknowledged
  | ComplaintAssigned
  | CustomerContactRecorded
  | InvestigationNoteAdded
  | ResolutionProposed
  | ResolutionAccepted
  | ResolutionRejected
  | ComplaintResolved
  | ComplaintCallbackRecorded
  | ComplaintClosed
  | ComplaintReopened
  | ComplaintEscalated
  | ComplaintDeadlineMissed
  | ComplaintDecisionsWithdrawn;

/** Stable type names and their current schema versions; never derived from class names. */
export const COMPLAINT_EVENT_TYPES = {
  ComplaintFiled: 2,
  ComplaintAcknowledged: 1,
  ComplaintAssigned: 1,
  CustomerContactRecorded: 1,
  InvestigationNoteAdded: 1,
  ResolutionProposed: 1,
  ResolutionAccepted: 1,
  ResolutionRejected: 1,
  ComplaintResolved: 2,
  ComplaintCallbackRecorded: 1,
  ComplaintClosed: 1,
  ComplaintReopened: 2,
  ComplaintEscalated: 1,
  ComplaintDeadlineMissed: 1,
  ComplaintDecisionsWithdrawn: 1,
} as const satisfies Record<ComplaintEvent['type'], number>;

/**
 * Personal data per event type, encrypted with the subject's key when stored (docs/privacy.md). Version 2
 * of these types is the first with protected values; v1 events are upcast with their values tagged.
 */
export const COMPLAINT_PERSONAL_DATA = {
  ComplaintFiled: {
    subject: 'customer.customerId',
    fields: { 'customer.name': 'name', 'customer.phone': 'phone' },
    since: 2,
  },
} as const satisfies Partial<Record<ComplaintEvent['type'], PersonalDataDeclaration>>;

/**
 * Upcasters by the version they upgrade from. ComplaintResolved v1 → v2: the customer was not named (the
 * closing-callback task then has no customer); ComplaintReopened v1 → v2: the callback it ended was not
 * named (a closing callback left open by a reopening stays open: docs/care.md).
 */
export const COMPLAINT_UPCASTERS: EventUpcasters<ComplaintEvent['type']> = {
  ComplaintResolved: { 1: (data) => ({ ...data, customerId: null }) },
  ComplaintReopened: { 1: (data) => ({ ...data, endsCallbackBy: null }) },
};
