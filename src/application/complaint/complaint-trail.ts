import type { ComplaintEvent } from '../../domain/complaint/complaint.events';
import {
  automaticDecisionOf,
  type ComplaintState,
  evolveComplaint,
  type FiledComplaint,
  NEUTRAL_EVENTS,
} from '../../domain/complaint/complaint.state';
import type {
  ComplaintClock,
  ComplaintLevel,
  ComplaintStage,
  RunningClock,
} from '../../domain/complaint/complaint.types';
import { isOnOrBefore, minutesBetween } from '../../domain/shared/time';
import type { StoredEvent } from '../ports/event-store.port';
import { DEADLINE_WATCHER_ACTOR } from './deadline-watcher';

type Who = Readonly<{ userId: string; role: string; dealerId: string | null }>;

export type ClockOutcome = 'held' | 'missed' | 'running' | 'overdue';

export type TrailClock = {
  clock: ComplaintClock;
  level: ComplaintLevel;
  startedAt: string;
  dueBy: string;
  stoppedAt: string | null;
  stoppedBy: string | null;
  outcome: ClockOutcome;
};

export type TrailStage = {
  stage: ComplaintStage;
  enteredAt: string;
  leftAt: string | null;
  /** Until the next stage, or until `asOf` for the stage the complaint is in. */
  minutesInStage: number;
  enteredBy: Who;
  /** The event that moved the complaint into this stage. */
  event: string;
  revision: number;
  reason: string | null;
  /** The deadlines that ran during the stage, and whether each held. */
  clocks: Array<{ clock: ComplaintClock; level: ComplaintLevel; dueBy: string; outcome: ClockOutcome }>;
};

export type TrailEntry = {
  revision: number;
  globalPosition: number;
  eventId: string;
  type: string;
  at: string;
  recordedAt: string;
  actor: Who;
  stage: ComplaintStage;
  level: ComplaintLevel;
  reason: string | null;
  correlationId: string;
  causationId: string | null;
  hash: string | null;
  /** An automatic decision that a late fact withdrew: it is listed here, and nowhere else in the trail. */
  withdrawn: boolean;
};

export type ComplaintTrail = {
  complaintId: string;
  asOf: string;
  dealerId: string;
  status: ComplaintStage;
  level: ComplaintLevel;
  remedySought: string;
  remediesOffered: Array<{
    remedy: string;
    proposedAt: string;
    response: 'pending' | 'accepted' | 'rejected';
  }>;
  stages: TrailStage[];
  clocks: TrailClock[];
  levelChanges: Array<{
    from: ComplaintLevel;
    to: ComplaintLevel;
    reason: string;
    automatic: boolean;
    at: string;
    actor: Who;
  }>;
  contacts: Array<{ channel: string; summary: string; at: string; actor: Who }>;
  entries: TrailEntry[];
};

const reasonOf = (event: ComplaintEvent): string | null => {
  switch (event.type) {
    case 'ComplaintFiled':
      return event.data.description;
    case 'ComplaintAcknowledged':
    case 'InvestigationNoteAdded':
    case 'ComplaintCallbackRecorded':
      return event.data.note;
    case 'ComplaintAssigned':
    case 'ComplaintReopened':
    case 'ComplaintEscalated':
    case 'ResolutionRejected':
      return event.data.reason;
    case 'CustomerContactRecorded':
      return event.data.summary;
    case 'ResolutionProposed':
      return event.data.remedyOffered;
    case 'ResolutionAccepted':
      return event.data.comment;
    case 'ComplaintResolved':
      return event.data.remedy;
    case 'ComplaintClosed':
      return `customer ${event.data.satisfaction}`;
    case 'ComplaintDeadlineMissed':
      return `${event.data.clock} deadline due ${event.data.dueBy} missed`;
    case 'ComplaintDecisionsWithdrawn':
      return `a fact dated ${event.data.lateFactAt} withdrew ${event.data.decisions.length} automatic decision(s)`;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
};

/** The ids of the automatic decisions that a later compensating event withdrew. */
const withdrawnEventIds = (stream: readonly StoredEvent[]): ReadonlySet<string> => {
  const withdrawn = new Set<string>();
  let sinceLastFact: string[] = [];
  for (const stored of stream) {
    const event = { type: stored.type, data: stored.data } as ComplaintEvent;
    if (event.type === 'ComplaintDecisionsWithdrawn') {
      const keep = sinceLastFact.length - event.data.decisions.length;
      for (const id of sinceLastFact.slice(keep)) withdrawn.add(id);
      sinceLastFact = sinceLastFact.slice(0, keep);
    } else if (automaticDecisionOf(event)) sinceLastFact.push(stored.eventId);
    else if (!NEUTRAL_EVENTS.includes(event.type)) sinceLastFact = [];
  }
  return withdrawn;
};

const keyOf = (clock: RunningClock) => `${clock.clock}@${clock.startedAt}`;
const clocksOf = (state: ComplaintState): readonly RunningClock[] =>
  state.status === 'none' ? [] : state.clocks;

/**
 * The auditor's view of one complaint, rebuilt from its stream (not from a read model, so it is never
 * behind): every stage with who, when, why and how long; every deadline and whether it held; level
 * changes, contacts, and the remedy sought against the remedies offered. Clocks are the domain's own,
 * read from its state before and after each event, so the trail cannot disagree with the decider.
 */
export const buildComplaintTrail = (
  complaintId: string,
  stream: readonly StoredEvent[],
  asOf: string,
): ComplaintTrail => {
  let state: ComplaintState = { status: 'none' };
  const clocks = new Map<string, TrailClock>();
  const stages: TrailStage[] = [];
  const trail: Omit<ComplaintTrail, 'stages' | 'clocks' | 'dealerId' | 'status' | 'level' | 'remedySought'> =
    {
      complaintId,
      asOf,
      remediesOffered: [],
      levelChanges: [],
      contacts: [],
      entries: [],
    };
  let remedySought = '';
  const withdrawn = withdrawnEventIds(stream);

  const follow = (
    before: ComplaintState,
    state: FiledComplaint,
    stored: StoredEvent,
    event: ComplaintEvent,
    at: string,
    actor: Who,
  ): void => {
    const after = new Map(clocksOf(state).map((clock) => [keyOf(clock), clock]));
    for (const clock of clocksOf(before)) {
      const open = clocks.get(keyOf(clock));
      if (!open || open.stoppedAt) continue;
      const now = after.get(keyOf(clock));
      if (now?.missed) open.outcome = 'missed';
      if (!now) {
        open.stoppedAt = at;
        open.stoppedBy = stored.type;
        if (open.outcome !== 'missed') open.outcome = isOnOrBefore(at, clock.dueBy) ? 'held' : 'missed';
      }
    }
    for (const [key, clock] of after) {
      if (!clocks.has(key)) {
        clocks.set(key, {
          ...clock,
          stoppedAt: null,
          stoppedBy: null,
          outcome: clock.missed ? 'missed' : 'running',
        });
      }
    }

    if (event.type === 'ComplaintFiled') remedySought = event.data.remedySought;
    if (event.type === 'ResolutionProposed') {
      trail.remediesOffered.push({
        remedy: event.data.remedyOffered,
        proposedAt: event.data.proposedAt,
        response: 'pending',
      });
    }
    const latest = trail.remediesOffered[trail.remediesOffered.length - 1];
    if (latest && event.type === 'ResolutionAccepted') latest.response = 'accepted';
    if (latest && event.type === 'ResolutionRejected') latest.response = 'rejected';
    if (event.type === 'ComplaintEscalated') {
      const { from, to, reason, automatic } = event.data;
      trail.levelChanges.push({ from, to, reason, automatic, at, actor });
    }
    if (event.type === 'CustomerContactRecorded') {
      trail.contacts.push({ channel: event.data.channel, summary: event.data.summary, at, actor });
    }
    if (before.status !== state.status) {
      const previous = stages[stages.length - 1];
      if (previous) previous.leftAt = at;
      stages.push({
        stage: state.status,
        enteredAt: at,
        leftAt: null,
        minutesInStage: 0,
        enteredBy: actor,
        event: stored.type,
        revision: stored.revision,
        reason: reasonOf(event),
        clocks: [],
      });
    }
  };

  for (const stored of stream) {
    const event = { type: stored.type, data: stored.data } as ComplaintEvent;
    const automatic = automaticDecisionOf(event);
    // The clock decides an automatic decision when it falls due, whichever command happened to record it.
    const actor = automatic ? DEADLINE_WATCHER_ACTOR : stored.metadata.actor;
    const at = automatic?.at ?? stored.occurredAt;
    // As of `asOf`: what had happened by then, as known now (a fact dated later had not happened yet).
    if (Date.parse(at) > Date.parse(asOf)) continue;
    const dropped = withdrawn.has(stored.eventId) || event.type === 'ComplaintDecisionsWithdrawn';
    const before = state as ComplaintState;
    // The trail's story leaves withdrawn decisions out (as the complaint's state does after the withdrawal).
    if (!dropped) state = evolveComplaint(state, event);
    if (state.status === 'none') continue;
    if (!dropped) follow(before, state, stored, event, at, actor);
    trail.entries.push({
      revision: stored.revision,
      globalPosition: stored.globalPosition,
      eventId: stored.eventId,
      type: stored.type,
      at,
      recordedAt: stored.recordedAt,
      actor,
      stage: state.status,
      level: state.level,
      reason: reasonOf(event),
      correlationId: stored.metadata.correlationId,
      causationId: stored.metadata.causationId,
      hash: (stored.metadata.hash as string | undefined) ?? null,
      withdrawn: withdrawn.has(stored.eventId),
    });
  }

  if (state.status === 'none') throw new Error(`complaint ${complaintId} has no filing in its stream`);

  const allClocks = [...clocks.values()].map((clock) =>
    clock.outcome === 'running' && !isOnOrBefore(asOf, clock.dueBy)
      ? { ...clock, outcome: 'overdue' as const }
      : clock,
  );
  for (const stage of stages) {
    const end = stage.leftAt ?? asOf;
    stage.minutesInStage = minutesBetween(stage.enteredAt, end);
    stage.clocks = allClocks
      .filter((clock) => clock.startedAt < end && (clock.stoppedAt ?? asOf) > stage.enteredAt)
      .map(({ clock, level, dueBy, outcome }) => ({ clock, level, dueBy, outcome }));
  }
  return {
    ...trail,
    dealerId: state.dealerId,
    status: state.status,
    level: state.level,
    remedySought,
    stages,
    clocks: allClocks,
  };
};
