import type { ComplaintEvent } from '../complaint/complaint.events';
import { businessWallClockOf } from '../shared/time';
import type { CareTaskOrigin, RecordAttempt } from './care-task.types';

/**
 * The complaint's closing callback (闭环回访, domain brief "Complaints"): each resolution makes one call due by
 * its `callbackBy` (24 h by the SLA policy), recorded on the complaint's own route with the customer's
 * satisfaction. As a care task it is a callback the success rate counts; a reopening ends the resolution it
 * called back on, so a reopened and resolved again complaint has one task per resolution.
 */

/** `YYYYMMDDHHmmss` of an instant, in CST. */
const cstStamp = (iso: string): string => businessWallClockOf(iso).slice(0, 19).replace(/[-:T]/g, '');

/** A closing callback's record id: `<complaintId>-<callback deadline, YYYYMMDDHHmmss in CST>`. */
export const complaintCallbackRecordId = (complaintId: string, callbackBy: string): string =>
  `${complaintId}-${cstStamp(callbackBy)}`;

export const parseComplaintCallbackRecordId = (
  recordId: string,
): Readonly<{ complaintId: string; stamp: string }> | null => {
  const match = /^(.+)-(\d{14})$/.exec(recordId);
  return match ? { complaintId: match[1], stamp: match[2] } : null;
};

/** One resolution's closing callback, as the complaint's events say it. */
export type ComplaintCallbackRound = Readonly<{
  recordId: string;
  dealerId: string;
  customerId: string | null;
  resolvedAt: string;
  callbackBy: string;
  attempts: readonly RecordAttempt[];
  /** When a reopening ended the resolution: the call is no longer due from then. */
  endedAt: string | null;
}>;

export type ComplaintCallbacks = Readonly<{
  complaintId: string;
  customerId: string | null;
  rounds: readonly ComplaintCallbackRound[];
}>;

export const noComplaintCallbacks = (complaintId: string): ComplaintCallbacks => ({
  complaintId,
  customerId: null,
  rounds: [],
});

const withRound = (
  facts: ComplaintCallbacks,
  callbackBy: string,
  change: (round: ComplaintCallbackRound) => ComplaintCallbackRound,
): ComplaintCallbacks => {
  const recordId = complaintCallbackRecordId(facts.complaintId, callbackBy);
  return {
    ...facts,
    rounds: facts.rounds.map((round) => (round.recordId === recordId ? change(round) : round)),
  };
};

/** The complaint's events folded into its closing callbacks (what the care task's handler reads). */
export const foldComplaintCallbacks = (
  facts: ComplaintCallbacks,
  event: ComplaintEvent,
): ComplaintCallbacks => {
  switch (event.type) {
    case 'ComplaintFiled':
      return { ...facts, complaintId: event.data.complaintId, customerId: event.data.customer.customerId };
    case 'ComplaintResolved': {
      const { complaintId, dealerId, resolvedAt, callbackBy, customerId } = event.data;
      const round: ComplaintCallbackRound = {
        recordId: complaintCallbackRecordId(complaintId, callbackBy),
        dealerId,
        customerId: customerId ?? facts.customerId,
        resolvedAt,
        callbackBy,
        attempts: [],
        endedAt: null,
      };
      return { ...facts, rounds: [...facts.rounds.filter((one) => one.recordId !== round.recordId), round] };
    }
    case 'ComplaintCallbackRecorded': {
      const { calledAt, reached, callbackBy } = event.data;
      return withRound(facts, callbackBy, (round) => ({
        ...round,
        attempts: [...round.attempts, { at: calledAt, outcome: reached ? 'reached' : 'not-reached' }],
      }));
    }
    case 'ComplaintReopened': {
      const { endsCallbackBy, reopenedAt } = event.data;
      return endsCallbackBy
        ? withRound(facts, endsCallbackBy, (round) => ({ ...round, endedAt: round.endedAt ?? reopenedAt }))
        : facts;
    }
    default:
      return facts;
  }
};

/** A closing callback's task as its complaint says it; null when no resolution of it has that deadline. */
export const originFromComplaint = (facts: ComplaintCallbacks, recordId: string): CareTaskOrigin | null => {
  const round = facts.rounds.find((one) => one.recordId === recordId);
  if (!round || round.customerId === null) return null;
  return {
    kind: 'complaint',
    recordId,
    dealerId: round.dealerId,
    customerId: round.customerId,
    ownerId: null,
    openedAt: round.resolvedAt,
    dueAt: round.callbackBy,
    recordAttempts: round.attempts,
    supersededAt: round.endedAt,
  };
};
