import { DomainError } from '../shared/domain-error';

export class LeadNotFound extends DomainError {
  constructor(leadId: string) {
    super('LEAD_NOT_FOUND', 'not-found', `lead ${leadId} does not exist: the OEM hands it first`, { leadId });
  }
}

export class LeadAlreadyHanded extends DomainError {
  constructor(leadId: string) {
    super(
      'LEAD_ALREADY_HANDED',
      'already-exists',
      `lead ${leadId} is already handed: use a new id, hand it again once it is returned, or retry with the same Idempotency-Key`,
      { leadId },
    );
  }
}

/** A step the lead's stage or clocks forbid (422); the code says which rule. */
export class LeadRuleViolated extends DomainError {
  constructor(code: string, leadId: string, message: string, details: Record<string, unknown> = {}) {
    super(code, 'forbidden-transition', `lead ${leadId} ${message}`, { leadId, ...details });
  }
}

export const clockRanOut = (leadId: string, clock: 'acceptance' | 'first contact', deadline: string) =>
  new LeadRuleViolated(
    'LEAD_CLOCK_RAN_OUT',
    leadId,
    `had to have its ${clock} by ${deadline}: the lead returned to the OEM then, ask the OEM to hand it again`,
    { deadline },
  );

export const factOutOfOrder = (leadId: string, lastFactAt: string, at: string) =>
  new LeadRuleViolated(
    'LEAD_FACT_OUT_OF_ORDER',
    leadId,
    `has a fact dated ${lastFactAt}; a step dated ${at} comes before it: send the earlier facts first, with their own dates`,
    { lastFactAt, occurredAt: at },
  );

export const handedAgain = (leadId: string, handedAt: string, at: string) =>
  new LeadRuleViolated(
    'LEAD_HANDED_AGAIN',
    leadId,
    `was handed again at ${handedAt}, after the return this step dated ${at} would have withdrawn: the new handing stands, work the lead from it`,
    { handedAt, occurredAt: at },
  );

export const notAccepted = (leadId: string) =>
  new LeadRuleViolated(
    'LEAD_NOT_ACCEPTED',
    leadId,
    'is not accepted yet: record the acceptance first, then send the contact again',
  );

export const notContacted = (leadId: string) =>
  new LeadRuleViolated(
    'LEAD_NOT_CONTACTED',
    leadId,
    'has no first contact yet: record the contact first, then open the prospect file or close the lead',
  );
