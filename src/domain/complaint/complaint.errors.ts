import { DomainError } from '../shared/domain-error';
import type { ComplaintLevel, ComplaintStage } from './complaint.types';

export class ComplaintNotFound extends DomainError {
  constructor(complaintId: string) {
    super('COMPLAINT_NOT_FOUND', 'not-found', `complaint ${complaintId} does not exist: file it first`, {
      complaintId,
    });
  }
}

export class ComplaintAlreadyFiled extends DomainError {
  constructor(complaintId: string) {
    super(
      'COMPLAINT_ALREADY_FILED',
      'already-exists',
      `complaint ${complaintId} is already filed: use a new id, or send the same Idempotency-Key to retry`,
      { complaintId },
    );
  }
}

/** A command the complaint's stage forbids; the code says which rule. */
export class ComplaintRuleViolated extends DomainError {
  constructor(code: string, complaintId: string, message: string, details: Record<string, unknown> = {}) {
    super(code, 'forbidden-transition', `complaint ${complaintId} ${message}`, { complaintId, ...details });
  }
}

export const complaintClosed = (complaintId: string) =>
  new ComplaintRuleViolated('COMPLAINT_CLOSED', complaintId, 'is closed: reopen it first');

export const alreadyAcknowledged = (complaintId: string, acknowledgedAt: string) =>
  new ComplaintRuleViolated(
    'COMPLAINT_ALREADY_ACKNOWLEDGED',
    complaintId,
    `was acknowledged at ${acknowledgedAt}: nothing to do`,
    { acknowledgedAt },
  );

export const notAcknowledged = (complaintId: string) =>
  new ComplaintRuleViolated(
    'COMPLAINT_NOT_ACKNOWLEDGED',
    complaintId,
    'is not acknowledged at its current level: acknowledge it first',
  );

export const actionBeforeFiling = (complaintId: string, filedAt: string, at: string) =>
  new ComplaintRuleViolated(
    'COMPLAINT_ACTION_BEFORE_FILING',
    complaintId,
    `was filed at ${filedAt}; an action at ${at} cannot precede it: check occurredAt`,
    { filedAt, at },
  );

/** A late fact may only be as late as the last fact that moved the complaint's clocks. */
export const factOutOfOrder = (complaintId: string, lastFactAt: string, at: string) =>
  new ComplaintRuleViolated(
    'COMPLAINT_FACT_OUT_OF_ORDER',
    complaintId,
    `has a fact dated ${lastFactAt}; a step dated ${at} cannot be placed before it: send the history in business-time order`,
    { lastFactAt, at },
  );

export const noRemedyProposed = (complaintId: string) =>
  new ComplaintRuleViolated(
    'COMPLAINT_NO_REMEDY_PROPOSED',
    complaintId,
    'has no proposed remedy: propose a resolution and record the customer accepting it first',
  );

export const remedyNotAccepted = (complaintId: string, response: 'pending' | 'rejected') =>
  new ComplaintRuleViolated(
    'COMPLAINT_REMEDY_NOT_ACCEPTED',
    complaintId,
    `has a proposed remedy the customer has ${response === 'pending' ? 'not answered yet' : 'rejected'}: record acceptance, or propose another`,
    { response },
  );

export const proposalPending = (complaintId: string) =>
  new ComplaintRuleViolated(
    'COMPLAINT_PROPOSAL_PENDING',
    complaintId,
    'already has a proposal waiting for the customer: record the answer first',
  );

export const noPendingProposal = (complaintId: string) =>
  new ComplaintRuleViolated(
    'COMPLAINT_NO_PENDING_PROPOSAL',
    complaintId,
    'has no proposal waiting for an answer: propose a resolution first',
  );

export const wrongStage = (
  complaintId: string,
  stage: ComplaintStage,
  allowed: readonly ComplaintStage[],
  action: string,
) =>
  new ComplaintRuleViolated(
    'COMPLAINT_STAGE_FORBIDS',
    complaintId,
    `is ${stage}: ${action} needs it to be ${allowed.join(' or ')}`,
    { stage, allowed },
  );

export const notResolved = (complaintId: string, stage: ComplaintStage) =>
  new ComplaintRuleViolated(
    'COMPLAINT_NOT_RESOLVED',
    complaintId,
    `is ${stage}, not resolved: resolve it first`,
    {
      stage,
    },
  );

export const callbackMissing = (complaintId: string) =>
  new ComplaintRuleViolated(
    'COMPLAINT_CALLBACK_MISSING',
    complaintId,
    'has no callback that reached the customer: record the callback first',
  );

export const atTopLevel = (complaintId: string) =>
  new ComplaintRuleViolated(
    'COMPLAINT_AT_TOP_LEVEL',
    complaintId,
    'is at L3, the top level: it cannot climb further',
  );

export const escalationNotUpward = (complaintId: string, from: ComplaintLevel, to: ComplaintLevel) =>
  new ComplaintRuleViolated(
    'COMPLAINT_ESCALATION_NOT_UPWARD',
    complaintId,
    `is at ${from}: an escalation must go above it, not to ${to}`,
    { from, to },
  );

export const emptyAssignment = (complaintId: string) =>
  new ComplaintRuleViolated(
    'COMPLAINT_ASSIGNMENT_EMPTY',
    complaintId,
    'assignment names no dealer, department or person: name at least one',
  );

export const unknownSlaPolicy = (complaintId: string, version: string) =>
  new ComplaintRuleViolated(
    'COMPLAINT_SLA_POLICY_UNKNOWN',
    complaintId,
    `was filed under SLA policy ${version}, which this server does not know: deploy that policy version`,
    { version },
  );
