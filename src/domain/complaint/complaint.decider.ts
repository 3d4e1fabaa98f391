import { contradictedBy } from '../shared/automatic-decisions';
import type { Decider } from '../shared/event';
import { addHours, isOnOrBefore } from '../shared/time';
import type * as C from './complaint.commands';
import {
  ComplaintAlreadyFiled,
  ComplaintNotFound,
  actionBeforeFiling,
  alreadyAcknowledged,
  atTopLevel,
  callbackMissing,
  complaintClosed,
  emptyAssignment,
  escalationNotUpward,
  factOutOfOrder,
  noPendingProposal,
  noRemedyProposed,
  notAcknowledged,
  notResolved,
  proposalPending,
  remedyNotAccepted,
  unknownSlaPolicy,
  wrongStage,
} from './complaint.errors';
import type {
  ComplaintDeadlineMissed,
  ComplaintDecisionsWithdrawn,
  ComplaintEscalated,
  ComplaintEvent,
} from './complaint.events';
import {
  type ComplaintSlaPolicies,
  type ComplaintSlaPolicy,
  DEFAULT_COMPLAINT_SLA_POLICIES,
} from './complaint-sla-policy';
import {
  type ComplaintState,
  contradictsComplaintDecision,
  evolveComplaint,
  type FiledComplaint,
} from './complaint.state';
import {
  type ComplaintClock,
  type ComplaintLevel,
  DEPARTMENT_BY_CATEGORY,
  type RunningClock,
  levelRank,
  nextLevel,
} from './complaint.types';

export type { ComplaintState } from './complaint.state';

const isOverdue = (dueBy: string, now: string): boolean => !isOnOrBefore(now, dueBy);

const ALL_CLOCKS: readonly ComplaintClock[] = ['acknowledge', 'resolve', 'upper-level', 'callback'];

const deadlineMissed = (state: FiledComplaint, running: RunningClock): ComplaintDeadlineMissed => ({
  type: 'ComplaintDeadlineMissed',
  data: {
    complaintId: state.complaintId,
    dealerId: state.dealerId,
    clock: running.clock,
    dueBy: running.dueBy,
    level: running.level,
    category: state.category,
  },
});

/**
 * The clock run forward to `until`, as a sweep running at every moment would have run it: each deadline
 * of `watched` that passed by then is recorded at its due time, earliest first, with the escalation it
 * triggers, which starts its own clocks at that time (and those may pass by `until` too).
 */
const advance = (
  state: FiledComplaint,
  policy: ComplaintSlaPolicy,
  until: string,
  watched: readonly ComplaintClock[] = ALL_CLOCKS,
): Readonly<{ events: ComplaintEvent[]; state: FiledComplaint }> => {
  const events: ComplaintEvent[] = [];
  let current = state;
  for (;;) {
    const overdue = current.clocks.filter(
      (running) => watched.includes(running.clock) && !running.missed && isOverdue(running.dueBy, until),
    );
    const first = overdue.reduce<RunningClock | null>(
      (soonest, running) => (soonest && isOnOrBefore(soonest.dueBy, running.dueBy) ? soonest : running),
      null,
    );
    if (!first) return { events, state: current };
    const at = first.dueBy;
    const missed = overdue.filter((running) => running.dueBy === at).map((r) => deadlineMissed(current, r));
    const trigger = missed.find((event) => policy.autoEscalateOn.includes(event.data.clock));
    const to = nextLevel(current.level);
    const reason = trigger && `missed the ${trigger.data.clock} deadline due ${at}`;
    const step: ComplaintEvent[] =
      reason && to ? [...missed, escalation(current, policy, to, reason, true, at)] : missed;
    events.push(...step);
    current = step.reduce<ComplaintState>(evolveComplaint, current) as FiledComplaint;
  }
};

/** The compensating event for the automatic decisions a late fact at `factAt` contradicts, if any. */
const withdrawal = (state: FiledComplaint, factAt: string): ComplaintDecisionsWithdrawn[] => {
  const decisions = contradictedBy(state.automatic, factAt, contradictsComplaintDecision);
  if (decisions.length === 0) return [];
  return [
    {
      type: 'ComplaintDecisionsWithdrawn',
      data: {
        complaintId: state.complaintId,
        dealerId: state.dealerId,
        lateFactAt: factAt,
        decisions,
      },
    },
  ];
};

/** A contact or a note neither moves a clock nor depends on one: it may be dated anywhere after filing. */
const NEUTRAL: readonly C.ComplaintCommand['type'][] = ['RecordCustomerContact', 'AddInvestigationNote'];

const escalation = (
  state: FiledComplaint,
  policy: ComplaintSlaPolicy,
  to: ComplaintLevel,
  reason: string,
  automatic: boolean,
  now: string,
): ComplaintEscalated => ({
  type: 'ComplaintEscalated',
  data: {
    complaintId: state.complaintId,
    dealerId: state.dealerId,
    from: state.level,
    to,
    reason,
    automatic,
    escalatedAt: now,
    acknowledgeBy: addHours(now, policy.acknowledgeWithinHours[to]),
    upperLevelBy: addHours(now, policy.upperLevelWithinHours),
  },
});

const file = (
  command: C.FileComplaint,
  state: ComplaintState,
  policies: ComplaintSlaPolicies,
): ComplaintEvent[] => {
  if (state.status !== 'none') throw new ComplaintAlreadyFiled(command.data.complaintId);
  const { data, metadata } = command;
  const policy = policies.byVersion[policies.current];
  const level = data.level ?? 'L1';
  return [
    {
      type: 'ComplaintFiled',
      data: {
        complaintId: data.complaintId,
        dealerId: data.dealerId,
        channel: data.channel,
        category: data.category,
        severity: data.severity,
        level,
        customer: data.customer,
        relatedSaleId: data.relatedSaleId ?? null,
        relatedRepairOrderId: data.relatedRepairOrderId ?? null,
        description: data.description,
        remedySought: data.remedySought,
        filedAt: metadata.now,
        slaPolicyVersion: policy.version,
        acknowledgeBy: addHours(metadata.now, policy.acknowledgeWithinHours[level]),
        resolveBy: addHours(metadata.now, policy.resolveWithinHours[data.severity]),
      },
    },
  ];
};

/**
 * Everything but filing acts on a filed complaint, at or after its filing, under its own policy. Business
 * time decides, not arrival: a human fact that moves the clocks must not be dated before the last one
 * (422), withdraws the automatic decisions it was in time for, and is decided on the complaint as the clock
 * stood at its time (the deadlines that passed before it recorded first, at their due times).
 */
const onFiled = (
  command: Exclude<C.ComplaintCommand, C.FileComplaint>,
  state: FiledComplaint,
  policy: ComplaintSlaPolicy,
): ComplaintEvent[] => {
  const { complaintId } = state;
  const now = command.metadata.now;
  if (!isOnOrBefore(state.filedAt, now)) throw actionBeforeFiling(complaintId, state.filedAt, now);
  if (command.type === 'RecordMissedDeadlines') {
    if (state.status === 'closed') return [];
    return advance(state, policy, now, command.data.clock ? [command.data.clock] : ALL_CLOCKS).events;
  }
  if (NEUTRAL.includes(command.type)) return onStep(command, state, policy);
  if (!isOnOrBefore(state.lastFactAt, now)) throw factOutOfOrder(complaintId, state.lastFactAt, now);
  const withdrawn = withdrawal(state, now);
  const restored = withdrawn.reduce<ComplaintState>(evolveComplaint, state) as FiledComplaint;
  const caughtUp = advance(restored, policy, now);
  return [...withdrawn, ...caughtUp.events, ...onStep(command, caughtUp.state, policy)];
};

/** The step itself, on the complaint as it stands at the command's time. */
const onStep = (
  command: Exclude<C.ComplaintCommand, C.FileComplaint | C.RecordMissedDeadlines>,
  state: FiledComplaint,
  policy: ComplaintSlaPolicy,
): ComplaintEvent[] => {
  const { complaintId } = state;
  const now = command.metadata.now;
  if (state.status === 'closed' && command.type !== 'ReopenComplaint') throw complaintClosed(complaintId);
  const clockOf = (clock: ComplaintClock) => state.clocks.find((running) => running.clock === clock);
  switch (command.type) {
    case 'AcknowledgeComplaint': {
      const running = clockOf('acknowledge');
      if (state.acknowledgedAt !== null || !running)
        throw alreadyAcknowledged(complaintId, state.acknowledgedAt ?? '');
      return [
        {
          type: 'ComplaintAcknowledged',
          data: {
            complaintId,
            dealerId: state.dealerId,
            acknowledgedAt: now,
            note: command.data.note ?? null,
            acknowledgeBy: running.dueBy,
            onTime: !isOverdue(running.dueBy, now),
          },
        },
      ];
    }
    case 'AssignComplaint': {
      const { dealerId, department, assigneeId, reason } = command.data;
      if (!dealerId && !department && !assigneeId) throw emptyAssignment(complaintId);
      const target = dealerId ?? state.dealerId;
      const transfer = target !== state.dealerId;
      // A department named by hand wins; a transfer starts afresh at the new dealer's department for the category.
      const routed =
        department ?? (transfer ? null : state.department) ?? DEPARTMENT_BY_CATEGORY[state.category];
      return [
        {
          type: 'ComplaintAssigned',
          data: {
            complaintId,
            fromDealerId: state.dealerId,
            dealerId: target,
            department: routed,
            assigneeId: assigneeId ?? null,
            transfer,
            reason: reason ?? null,
            assignedAt: now,
          },
        },
      ];
    }
    case 'RecordCustomerContact':
      return [
        {
          type: 'CustomerContactRecorded',
          data: {
            complaintId,
            channel: command.data.channel,
            summary: command.data.summary,
            contactedAt: now,
          },
        },
      ];
    case 'AddInvestigationNote':
      return [{ type: 'InvestigationNoteAdded', data: { complaintId, note: command.data.note } }];
    case 'ProposeResolution':
      if (state.status === 'resolved')
        throw wrongStage(complaintId, state.status, ['investigating'], 'a proposal');
      if (state.acknowledgedAt === null) throw notAcknowledged(complaintId);
      if (state.proposal?.response === 'pending' || state.proposal?.response === 'accepted') {
        throw proposalPending(complaintId);
      }
      return [
        {
          type: 'ResolutionProposed',
          data: {
            complaintId,
            remedyOffered: command.data.remedyOffered,
            remedySought: state.remedySought,
            proposedAt: now,
          },
        },
      ];
    case 'RecordResolutionResponse': {
      if (state.proposal?.response !== 'pending') throw noPendingProposal(complaintId);
      const { accepted, comment } = command.data;
      return [
        accepted
          ? { type: 'ResolutionAccepted', data: { complaintId, comment: comment ?? null, respondedAt: now } }
          : {
              type: 'ResolutionRejected',
              data: { complaintId, reason: comment ?? 'not given', respondedAt: now },
            },
      ];
    }
    case 'ResolveComplaint': {
      if (state.status === 'resolved')
        throw wrongStage(complaintId, state.status, ['resolution-proposed'], 'resolving');
      if (!state.proposal) throw noRemedyProposed(complaintId);
      if (state.proposal.response !== 'accepted')
        throw remedyNotAccepted(complaintId, state.proposal.response);
      if (state.acknowledgedAt === null) throw notAcknowledged(complaintId);
      const resolve = clockOf('resolve');
      const resolveBy = resolve?.dueBy ?? now;
      return [
        {
          type: 'ComplaintResolved',
          data: {
            complaintId,
            dealerId: state.dealerId,
            resolvedAt: now,
            remedy: state.proposal.remedyOffered,
            resolveBy,
            onTime: !isOverdue(resolveBy, now),
            callbackBy: addHours(now, policy.callbackWithinHours),
            customerId: state.customerId ?? null,
          },
        },
      ];
    }
    case 'RecordCallback': {
      if (state.status !== 'resolved') throw notResolved(complaintId, state.status);
      // The resolution's deadline, also after a reached callback stopped its clock (then past or not).
      const callbackBy = clockOf('callback')?.dueBy ?? state.resolutionCallbackBy ?? now;
      const { reached, satisfaction, note } = command.data;
      return [
        {
          type: 'ComplaintCallbackRecorded',
          data: {
            complaintId,
            calledAt: now,
            reached,
            satisfaction: reached ? (satisfaction ?? null) : null,
            note: note ?? null,
            callbackBy,
            onTime: !isOverdue(callbackBy, now),
          },
        },
      ];
    }
    case 'CloseComplaint':
      if (state.status !== 'resolved') throw notResolved(complaintId, state.status);
      if (!state.callback?.reached) throw callbackMissing(complaintId);
      return [
        {
          type: 'ComplaintClosed',
          data: {
            complaintId,
            dealerId: state.dealerId,
            closedAt: now,
            filedAt: state.filedAt,
            satisfaction: state.callback.satisfaction ?? 'neutral',
          },
        },
      ];
    case 'ReopenComplaint':
      if (state.status !== 'closed' && state.status !== 'resolved') {
        throw wrongStage(complaintId, state.status, ['resolved', 'closed'], 'reopening');
      }
      return [
        {
          type: 'ComplaintReopened',
          data: {
            complaintId,
            reason: command.data.reason,
            reopenedAt: now,
            resolveBy: addHours(now, policy.resolveWithinHours[state.severity]),
            endsCallbackBy: state.status === 'resolved' ? (state.resolutionCallbackBy ?? null) : null,
          },
        },
      ];
    case 'EscalateComplaint': {
      const to = command.data.to ?? nextLevel(state.level);
      if (!to) throw atTopLevel(complaintId);
      if (levelRank(to) <= levelRank(state.level)) throw escalationNotUpward(complaintId, state.level, to);
      return [escalation(state, policy, to, command.data.reason, false, now)];
    }
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
};

/** The complaint's closed loop. SLA policies are a parameter: a new version never touches this code. */
export const createComplaintDecider = (
  policies: ComplaintSlaPolicies = DEFAULT_COMPLAINT_SLA_POLICIES,
): Decider<ComplaintState, C.ComplaintCommand, ComplaintEvent> => ({
  initialState: () => ({ status: 'none' }),
  evolve: evolveComplaint,
  decide: (command, state) => {
    if (command.type === 'FileComplaint') return file(command, state, policies);
    if (state.status === 'none') throw new ComplaintNotFound(command.data.complaintId);
    const policy = policies.byVersion[state.slaPolicyVersion];
    if (!policy) throw unknownSlaPolicy(state.complaintId, state.slaPolicyVersion);
    return onFiled(command, state, policy);
  },
});

export const complaintStreamId = (complaintId: string): string => `complaint-${complaintId}`;
