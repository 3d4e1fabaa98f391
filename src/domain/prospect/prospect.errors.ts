import { DomainError } from '../shared/domain-error';

export class ProspectNotFound extends DomainError {
  constructor(prospectId: string) {
    super('PROSPECT_NOT_FOUND', 'not-found', `prospect ${prospectId} does not exist: register it first`, {
      prospectId,
    });
  }
}

export class ProspectAlreadyRegistered extends DomainError {
  constructor(prospectId: string) {
    super(
      'PROSPECT_ALREADY_REGISTERED',
      'already-exists',
      `prospect ${prospectId} is already registered: use a new id, or send the same Idempotency-Key to retry`,
      { prospectId },
    );
  }
}

/** A command the prospect's grade or stage forbids; the code says which rule. */
export class ProspectRuleViolated extends DomainError {
  constructor(code: string, prospectId: string, message: string, details: Record<string, unknown> = {}) {
    super(code, 'forbidden-transition', `prospect ${prospectId} ${message}`, { prospectId, ...details });
  }
}

export const prospectLost = (prospectId: string, action: string) =>
  new ProspectRuleViolated(
    'PROSPECT_LOST',
    prospectId,
    `is lost (grade F): ${action} needs it reactivated first`,
    { action },
  );

export const prospectOrdered = (prospectId: string, saleId: string | null, action: string) =>
  new ProspectRuleViolated(
    'PROSPECT_ORDERED',
    prospectId,
    `has ordered (grade O, sale ${saleId ?? 'unknown'}): ${action} is over; only the vehicle sale's delivery steps follow`,
    { action, saleId },
  );

export const lostReasonRequired = (prospectId: string) =>
  new ProspectRuleViolated(
    'PROSPECT_LOST_REASON_REQUIRED',
    prospectId,
    'cannot be graded F without a reason: send lostReason',
  );

export const notLost = (prospectId: string) =>
  new ProspectRuleViolated(
    'PROSPECT_NOT_LOST',
    prospectId,
    'is not lost: only a lost prospect is reactivated',
  );

export const stepOutOfOrder = (prospectId: string, step: string, requires: string) =>
  new ProspectRuleViolated(
    'PROSPECT_STEP_OUT_OF_ORDER',
    prospectId,
    `cannot have ${step} yet: record ${requires} first`,
    { step, requires },
  );

export const discountTooHigh = (prospectId: string, listPriceFen: number, discountFen: number) =>
  new ProspectRuleViolated(
    'PROSPECT_DISCOUNT_EXCEEDS_PRICE',
    prospectId,
    `was quoted a discount of ${discountFen} fen on a list price of ${listPriceFen} fen: the discount must not exceed the price`,
    { listPriceFen, discountFen },
  );

export const sameConsultant = (prospectId: string, consultantId: string) =>
  new ProspectRuleViolated(
    'PROSPECT_ALREADY_WITH_CONSULTANT',
    prospectId,
    `is already with consultant ${consultantId}: name another consultant`,
    { consultantId },
  );

export const actionBeforeRegistration = (prospectId: string, registeredAt: string, at: string) =>
  new ProspectRuleViolated(
    'PROSPECT_ACTION_BEFORE_REGISTRATION',
    prospectId,
    `was registered at ${registeredAt}; an action at ${at} cannot precede it: check occurredAt`,
    { registeredAt, at },
  );
