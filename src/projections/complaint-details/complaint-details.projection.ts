import type { ComplaintEvent } from '../../domain/complaint/complaint.events';
import { type ComplaintState, evolveComplaint } from '../../domain/complaint/complaint.state';
import type {
  AutomaticDecision,
  ComplaintCategory,
  ComplaintChannel,
  ComplaintClock,
  ComplaintLevel,
  ComplaintSeverity,
  ComplaintStage,
  RunningClock,
  Satisfaction,
} from '../../domain/complaint/complaint.types';
import { businessMonthOf } from '../../domain/shared/time';
import { recordedAmong } from '../../domain/shared/automatic-decisions';
import type { Envelope, ProjectionDefinition } from '../shared/projection';

const TWO_WEEKS_MS = 14 * 24 * 3_600_000;

export type ComplaintBreach = { clock: ComplaintClock; dueBy: string; level: ComplaintLevel };

export type ComplaintDetails = {
  complaintId: string;
  dealerId: string;
  status: ComplaintStage;
  channel: ComplaintChannel;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  level: ComplaintLevel;
  customer: { customerId: string; name: string; phone: string };
  relatedSaleId: string | null;
  relatedRepairOrderId: string | null;
  description: string;
  remedySought: string;
  remedyOffered: string | null;
  filedAt: string;
  /** Cohort of the compliance figures: business month of filing. */
  filedMonth: string;
  filedBy: string;
  slaPolicyVersion: string;
  department: string | null;
  assigneeId: string | null;
  /** Deadlines running now, as computed when each clock started. */
  clocks: RunningClock[];
  /** Soonest deadline of the running clocks, missed ones included: the worklist's sort key. */
  nextDeadline: string | null;
  /** Soonest deadline not yet recorded as missed: what the deadline watcher looks for. */
  nextUnmissedDeadline: string | null;
  firstAcknowledgement: { at: string; onTime: boolean } | null;
  firstResolution: { at: string; onTime: boolean } | null;
  closedAt: string | null;
  /** The first closing; a reopening leaves it. */
  firstClosedAt: string | null;
  /** Closed within 14 days of filing (the first closing counts). */
  closedWithinTwoWeeks: boolean | null;
  satisfaction: Satisfaction | null;
  breaches: ComplaintBreach[];
  escalations: number;
  contacts: number;
  reopenings: number;
  /** The domain's own state, folded by the domain's `evolve`, so clocks here are exactly the decider's. */
  state: ComplaintState;
  /** Revision of the complaint's stream: the ETag of this record. */
  revision: number;
  updatedAt: string;
};

type E = Envelope<ComplaintEvent>;

const filedDoc = (event: Extract<E, { type: 'ComplaintFiled' }>): ComplaintDetails => {
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
    remedyOffered: null,
    filedAt: data.filedAt,
    filedMonth: businessMonthOf(data.filedAt),
    filedBy: event.metadata.actor.userId,
    slaPolicyVersion: data.slaPolicyVersion,
    department: null,
    assigneeId: null,
    clocks: [],
    nextDeadline: null,
    nextUnmissedDeadline: null,
    firstAcknowledgement: null,
    firstResolution: null,
    closedAt: null,
    firstClosedAt: null,
    closedWithinTwoWeeks: null,
    satisfaction: null,
    breaches: [],
    escalations: 0,
    contacts: 0,
    reopenings: 0,
    state: { status: 'none' },
    revision: event.revision,
    updatedAt: event.occurredAt,
  };
};

/** What each event changes beyond the domain state. */
const facts = (doc: ComplaintDetails, event: E): Partial<ComplaintDetails> => {
  switch (event.type) {
    case 'ComplaintFiled':
      return {};
    case 'ComplaintAcknowledged': {
      // A first acknowledgement at an upper level after the first level missed its deadline is not on time.
      const missedBefore = doc.breaches.some((breach) => breach.clock === 'acknowledge');
      return {
        firstAcknowledgement: doc.firstAcknowledgement ?? {
          at: event.data.acknowledgedAt,
          onTime: event.data.onTime && !missedBefore,
        },
      };
    }
    case 'ComplaintAssigned':
      return {
        department: event.data.department ?? (event.data.transfer ? null : doc.department),
        assigneeId: event.data.assigneeId ?? (event.data.transfer ? null : doc.assigneeId),
      };
    case 'CustomerContactRecorded':
      return { contacts: doc.contacts + 1 };
    case 'InvestigationNoteAdded':
    case 'ResolutionAccepted':
    case 'ResolutionRejected':
      return {};
    case 'ResolutionProposed':
      return { remedyOffered: event.data.remedyOffered };
    case 'ComplaintResolved':
      return {
        firstResolution: doc.firstResolution ?? { at: event.data.resolvedAt, onTime: event.data.onTime },
      };
    case 'ComplaintCallbackRecorded':
      return event.data.reached ? { satisfaction: event.data.satisfaction } : {};
    case 'ComplaintClosed':
      return {
        closedAt: event.data.closedAt,
        firstClosedAt: doc.firstClosedAt ?? event.data.closedAt,
        satisfaction: event.data.satisfaction,
        closedWithinTwoWeeks:
          doc.closedWithinTwoWeeks ??
          Date.parse(event.data.closedAt) - Date.parse(doc.filedAt) <= TWO_WEEKS_MS,
      };
    case 'ComplaintReopened':
      return { reopenings: doc.reopenings + 1, closedAt: null };
    case 'ComplaintEscalated':
      return { escalations: doc.escalations + 1 };
    case 'ComplaintDeadlineMissed':
      return {
        breaches: [
          ...doc.breaches,
          { clock: event.data.clock, dueBy: event.data.dueBy, level: event.data.level },
        ],
      };
    case 'ComplaintDecisionsWithdrawn': {
      // Those this document holds: all of them live, the earlier ones in a replay as of a date.
      const held = doc.state.status === 'none' ? 0 : recordedAmong(doc.state, event.data.decisions);
      return withdrawn(doc, event.data.decisions.slice(0, held));
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};

/** The breaches and escalations a late fact withdrew no longer count. */
const withdrawn = (
  doc: ComplaintDetails,
  decisions: readonly AutomaticDecision[],
): Partial<ComplaintDetails> => {
  let breaches = doc.breaches;
  for (const decision of decisions) {
    if (decision.kind !== 'deadline-missed') continue;
    const index = breaches.findIndex(
      (b) => b.clock === decision.clock && b.dueBy === decision.at && b.level === decision.level,
    );
    if (index >= 0) breaches = [...breaches.slice(0, index), ...breaches.slice(index + 1)];
  }
  const escalations = decisions.filter((decision) => decision.kind === 'escalated').length;
  return { breaches, escalations: doc.escalations - escalations };
};

/**
 * One document per complaint: details for integrators, running clocks for the worklist, and the facts
 * the compliance figures are computed from.
 */
export const complaintDetailsProjection: ProjectionDefinition<ComplaintEvent, ComplaintDetails> = {
  name: 'complaint-details',
  // 2: the state remembers automatic decisions, and a late fact withdraws them; 3: it keeps the customer
  // and the resolution's callback deadline (the closing-callback care task).
  version: 3,
  collection: 'complaints',
  // Lists by dealer, compliance by dealer and cohort, the worklist by dealer, and the deadline watcher.
  // Every index costs each write; the unfiltered list and worklist of the OEM sort without one.
  indexes: [
    ['dealerId', 'filedAt'],
    ['dealerId', 'filedMonth'],
    ['dealerId', 'nextDeadline'],
    ['nextUnmissedDeadline'],
    // The customer's file (GET /customers/:customerId).
    ['customer.customerId'],
  ],
  handles: [
    'ComplaintFiled',
    'ComplaintAcknowledged',
    'ComplaintAssigned',
    'CustomerContactRecorded',
    'InvestigationNoteAdded',
    'ResolutionProposed',
    'ResolutionAccepted',
    'ResolutionRejected',
    'ComplaintResolved',
    'ComplaintCallbackRecorded',
    'ComplaintClosed',
    'ComplaintReopened',
    'ComplaintEscalated',
    'ComplaintDeadlineMissed',
    'ComplaintDecisionsWithdrawn',
  ],
  documentIds: (event) => [event.data.complaintId],
  apply: (doc, event) => {
    const current = event.type === 'ComplaintFiled' ? filedDoc(event) : doc;
    if (!current) throw new Error(`complaint ${event.data.complaintId}: ${event.type} before ComplaintFiled`);
    const state = evolveComplaint(current.state, { type: event.type, data: event.data } as ComplaintEvent);
    if (state.status === 'none')
      throw new Error(`complaint ${event.data.complaintId}: no state after ${event.type}`);
    const clocks = [...state.clocks];
    const deadlines = clocks.map((clock) => clock.dueBy).sort();
    const unmissed = clocks
      .filter((clock) => !clock.missed)
      .map((clock) => clock.dueBy)
      .sort();
    return {
      ...current,
      ...facts(current, event),
      status: state.status,
      dealerId: state.dealerId,
      level: state.level,
      clocks,
      nextDeadline: deadlines[0] ?? null,
      nextUnmissedDeadline: unmissed[0] ?? null,
      state,
      revision: event.revision,
      updatedAt: event.occurredAt,
    };
  },
};
