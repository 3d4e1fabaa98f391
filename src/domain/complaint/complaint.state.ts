import { applyThroughout, type RecordedDecision, remember, withdraw } from '../shared/automatic-decisions';
import { isOnOrBefore } from '../shared/time';
import type { ComplaintEvent } from './complaint.events';
import type {
  AutomaticDecision,
  ComplaintCategory,
  ComplaintClock,
  ComplaintLevel,
  ComplaintSeverity,
  ComplaintStage,
  RunningClock,
  Satisfaction,
} from './complaint.types';

export type Proposal = Readonly<{ remedyOffered: string; response: 'pending' | 'accepted' | 'rejected' }>;

interface Filed {
  readonly status: ComplaintStage;
  readonly complaintId: string;
  readonly dealerId: string;
  readonly level: ComplaintLevel;
  readonly severity: ComplaintSeverity;
  readonly category: ComplaintCategory;
  /** The department handling it at its dealer; an older read model's state may lack it. */
  readonly department: string | null;
  readonly remedySought: string;
  readonly filedAt: string;
  readonly slaPolicyVersion: string;
  /** Acknowledged at the current level (an escalation asks the upper level to acknowledge again). */
  readonly acknowledgedAt: string | null;
  readonly clocks: readonly RunningClock[];
  readonly proposal: Proposal | null;
  readonly callback: Readonly<{ reached: boolean; satisfaction: Satisfaction | null }> | null;
  /** The customer complaining (the subject of the filing's personal data); an older stored state may lack it. */
  readonly customerId?: string;
  /**
   * The callback deadline of the resolution in force (while resolved), kept after a reached callback
   * stops its clock: every callback on that resolution names it, and so reaches the same care task.
   */
  readonly resolutionCallbackBy?: string | null;
  /** Business time of the last human fact that moves the clocks (filing included). */
  readonly lastFactAt: string;
  /** The automatic decisions since that fact, each with the state before it (shared/automatic-decisions). */
  readonly automatic: readonly RecordedDecision<Filed, AutomaticDecision>[];
}

export type ComplaintState = Readonly<{ status: 'none' }> | Filed;
export type FiledComplaint = Filed;

/** A contact or a note: neither moves a clock nor depends on one. */
export const NEUTRAL_EVENTS: readonly ComplaintEvent['type'][] = [
  'CustomerContactRecorded',
  'InvestigationNoteAdded',
];

/** The business time of a human fact that moves the clocks, where its event records it. */
const factTime = (event: ComplaintEvent): string | undefined => {
  switch (event.type) {
    case 'ComplaintAcknowledged':
      return event.data.acknowledgedAt;
    case 'ComplaintAssigned':
      return event.data.assignedAt;
    case 'ResolutionProposed':
      return event.data.proposedAt;
    case 'ResolutionAccepted':
    case 'ResolutionRejected':
      return event.data.respondedAt;
    case 'ComplaintResolved':
      return event.data.resolvedAt;
    case 'ComplaintCallbackRecorded':
      return event.data.calledAt;
    case 'ComplaintClosed':
      return event.data.closedAt;
    case 'ComplaintReopened':
      return event.data.reopenedAt;
    case 'ComplaintEscalated':
      return event.data.escalatedAt;
    default:
      return undefined;
  }
};

/** A human fact at `factAt` was in time for a decision that fell due at `decisionAt` at or after it. */
export const contradictsComplaintDecision = (decisionAt: string, factAt: string): boolean =>
  isOnOrBefore(factAt, decisionAt);

/** The automatic decision an event records, if it is one. */
export const automaticDecisionOf = (event: ComplaintEvent): AutomaticDecision | null => {
  if (event.type === 'ComplaintDeadlineMissed') {
    const { dueBy, clock, level } = event.data;
    return { kind: 'deadline-missed', at: dueBy, clock, level };
  }
  if (event.type === 'ComplaintEscalated' && event.data.automatic) {
    const { escalatedAt, from, to } = event.data;
    return { kind: 'escalated', at: escalatedAt, from, to };
  }
  return null;
};

const startClock = (
  clocks: readonly RunningClock[],
  clock: ComplaintClock,
  startedAt: string,
  dueBy: string,
  level: ComplaintLevel,
): RunningClock[] => [...stopClock(clocks, clock), { clock, startedAt, dueBy, level, missed: false }];

const stopClock = (clocks: readonly RunningClock[], ...stopped: ComplaintClock[]): RunningClock[] =>
  clocks.filter((running) => !stopped.includes(running.clock));

/** Stages before the work on a remedy starts; an assignment moves only these forward. */
const EARLY: readonly ComplaintStage[] = ['filed', 'acknowledged'];

/**
 * Folds one event. Besides the stage and the clocks, it keeps what a late fact needs: the time of the last
 * human fact and the automatic decisions since, each with the state before it.
 */
export const evolveComplaint = (state: ComplaintState, event: ComplaintEvent): ComplaintState => {
  if (state.status === 'none' || event.type === 'ComplaintFiled') return applyEvent(state, event);
  if (event.type === 'ComplaintDecisionsWithdrawn') return withdraw(state, event.data.decisions);
  if (NEUTRAL_EVENTS.includes(event.type))
    return applyThroughout(state, (filed) => applyEvent(filed, event) as Filed);
  const applied = applyEvent(state, event) as Filed;
  const decision = automaticDecisionOf(event);
  if (decision) return remember(state, decision, applied, contradictsComplaintDecision);
  return { ...applied, lastFactAt: factTime(event) ?? state.lastFactAt, automatic: [] };
};

const applyEvent = (state: ComplaintState, event: ComplaintEvent): ComplaintState => {
  if (event.type === 'ComplaintFiled') {
    const { data } = event;
    return {
      status: 'filed',
      complaintId: data.complaintId,
      dealerId: data.dealerId,
      level: data.level,
      severity: data.severity,
      category: data.category,
      department: null,
      remedySought: data.remedySought,
      filedAt: data.filedAt,
      slaPolicyVersion: data.slaPolicyVersion,
      acknowledgedAt: null,
      clocks: [
        {
          clock: 'acknowledge',
          startedAt: data.filedAt,
          dueBy: data.acknowledgeBy,
          level: data.level,
          missed: false,
        },
        {
          clock: 'resolve',
          startedAt: data.filedAt,
          dueBy: data.resolveBy,
          level: data.level,
          missed: false,
        },
      ],
      proposal: null,
      callback: null,
      customerId: data.customer.customerId,
      resolutionCallbackBy: null,
      lastFactAt: data.filedAt,
      automatic: [],
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ComplaintAcknowledged':
      return {
        ...state,
        status: state.status === 'filed' ? 'acknowledged' : state.status,
        acknowledgedAt: event.data.acknowledgedAt,
        clocks: stopClock(state.clocks, 'acknowledge'),
      };
    case 'ComplaintAssigned':
      return {
        ...state,
        dealerId: event.data.dealerId,
        department: event.data.department ?? (event.data.transfer ? null : state.department),
        status: EARLY.includes(state.status) ? 'assigned' : state.status,
      };
    case 'CustomerContactRecorded':
      return state;
    case 'InvestigationNoteAdded':
      return {
        ...state,
        status: [...EARLY, 'assigned'].includes(state.status) ? 'investigating' : state.status,
      };
    case 'ResolutionProposed':
      return {
        ...state,
        status: 'resolution-proposed',
        proposal: { remedyOffered: event.data.remedyOffered, response: 'pending' },
        clocks: stopClock(state.clocks, 'upper-level'),
      };
    case 'ResolutionAccepted':
      return state.proposal ? { ...state, proposal: { ...state.proposal, response: 'accepted' } } : state;
    case 'ResolutionRejected':
      return state.proposal
        ? { ...state, status: 'investigating', proposal: { ...state.proposal, response: 'rejected' } }
        : state;
    case 'ComplaintResolved':
      return {
        ...state,
        status: 'resolved',
        resolutionCallbackBy: event.data.callbackBy,
        clocks: startClock(
          stopClock(state.clocks, 'resolve', 'upper-level', 'acknowledge'),
          'callback',
          event.data.resolvedAt,
          event.data.callbackBy,
          state.level,
        ),
      };
    case 'ComplaintCallbackRecorded':
      return {
        ...state,
        callback: { reached: event.data.reached, satisfaction: event.data.satisfaction },
        clocks: event.data.reached ? stopClock(state.clocks, 'callback') : state.clocks,
      };
    case 'ComplaintClosed':
      return { ...state, status: 'closed', clocks: [] };
    case 'ComplaintReopened':
      return {
        ...state,
        status: 'investigating',
        proposal: null,
        callback: null,
        resolutionCallbackBy: null,
        clocks: startClock(
          state.clocks,
          'resolve',
          event.data.reopenedAt,
          event.data.resolveBy,
          state.level,
        ).filter((running) => running.clock !== 'callback'),
      };
    case 'ComplaintEscalated': {
      const { to, escalatedAt, acknowledgeBy, upperLevelBy } = event.data;
      const acknowledging = startClock(state.clocks, 'acknowledge', escalatedAt, acknowledgeBy, to);
      return {
        ...state,
        level: to,
        acknowledgedAt: null,
        clocks: startClock(acknowledging, 'upper-level', escalatedAt, upperLevelBy, to),
      };
    }
    case 'ComplaintDeadlineMissed':
      return {
        ...state,
        clocks: state.clocks.map((running) =>
          running.clock === event.data.clock && running.dueBy === event.data.dueBy
            ? { ...running, missed: true }
            : running,
        ),
      };
    case 'ComplaintDecisionsWithdrawn':
      return state;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};
