import type { ComplaintEvent } from './complaint.events';
import type {
  ComplaintCategory,
  ComplaintClock,
  ComplaintLevel,
  ComplaintSeverity,
  ComplaintStage,
  RunningClock,
  Satisfaction,
} from './complaint.types';

export type Proposal = Readonly<{ remedyOffered: string; response: 'pending' | 'accepted' | 'rejected' }>;

type Filed = Readonly<{
  complaintId: string;
  dealerId: string;
  level: ComplaintLevel;
  severity: ComplaintSeverity;
  category: ComplaintCategory;
  /** The department handling it at its dealer; an older read model's state may lack it. */
  department: string | null;
  remedySought: string;
  filedAt: string;
  slaPolicyVersion: string;
  /** Acknowledged at the current level (an escalation asks the upper level to acknowledge again). */
  acknowledgedAt: string | null;
  clocks: readonly RunningClock[];
  proposal: Proposal | null;
  callback: Readonly<{ reached: boolean; satisfaction: Satisfaction | null }> | null;
}>;

export type ComplaintState = Readonly<{ status: 'none' }> | (Filed & Readonly<{ status: ComplaintStage }>);
export type FiledComplaint = Extract<ComplaintState, { complaintId: string }>;

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

export const evolveComplaint = (state: ComplaintState, event: ComplaintEvent): ComplaintState => {
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
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};
