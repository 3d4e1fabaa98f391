import { DomainError } from '../shared/domain-error';

export class VehicleSaleNotFound extends DomainError {
  constructor(saleId: string) {
    super(
      'SALE_NOT_FOUND',
      'not-found',
      `vehicle sale ${saleId} does not exist: order it from its prospect first`,
      {
        saleId,
      },
    );
  }
}

export class VehicleSaleAlreadySigned extends DomainError {
  constructor(
    saleId: string,
    readonly prospectId: string,
  ) {
    super(
      'SALE_ALREADY_SIGNED',
      'already-exists',
      `vehicle sale ${saleId} is already signed for prospect ${prospectId}: send the same Idempotency-Key to retry`,
      { saleId, prospectId },
    );
  }
}

/** A step the sale's progress forbids; the code says which rule. */
export class VehicleSaleRuleViolated extends DomainError {
  constructor(code: string, saleId: string, message: string, details: Record<string, unknown> = {}) {
    super(code, 'forbidden-transition', `vehicle sale ${saleId} ${message}`, { saleId, ...details });
  }
}

export const saleCancelled = (saleId: string, action: string) =>
  new VehicleSaleRuleViolated('SALE_CANCELLED', saleId, `is cancelled: nothing follows, not even ${action}`, {
    action,
  });

export const saleDelivered = (saleId: string, action: string) =>
  new VehicleSaleRuleViolated(
    'SALE_ALREADY_DELIVERED',
    saleId,
    `is delivered: ${action} is over; only the delivery callback remains`,
    { action },
  );

/** Delivery needs settlement and the pre-delivery inspection; the missing steps are named. */
export const notReadyForDelivery = (saleId: string, missing: readonly string[]) =>
  new VehicleSaleRuleViolated(
    'SALE_NOT_READY_FOR_DELIVERY',
    saleId,
    `cannot be delivered yet: record ${missing.join(' and ')} first`,
    { missing },
  );

export const stepOutOfOrder = (saleId: string, step: string, requires: string) =>
  new VehicleSaleRuleViolated(
    'SALE_STEP_OUT_OF_ORDER',
    saleId,
    `cannot have ${step} yet: record ${requires} first`,
    {
      step,
      requires,
    },
  );

export const stepDone = (saleId: string, step: string) =>
  new VehicleSaleRuleViolated('SALE_STEP_ALREADY_DONE', saleId, `already has ${step}: nothing to do`, {
    step,
  });

export const discountTooHigh = (saleId: string, listPriceFen: number, discountFen: number) =>
  new VehicleSaleRuleViolated(
    'SALE_DISCOUNT_EXCEEDS_PRICE',
    saleId,
    `has a discount of ${discountFen} fen on a list price of ${listPriceFen} fen: the discount must not exceed the price`,
    { listPriceFen, discountFen },
  );

export const notDelivered = (saleId: string) =>
  new VehicleSaleRuleViolated(
    'SALE_NOT_DELIVERED',
    saleId,
    'is not delivered: the callback follows delivery',
  );

export const callbackCompleted = (saleId: string) =>
  new VehicleSaleRuleViolated(
    'SALE_CALLBACK_ALREADY_COMPLETED',
    saleId,
    'already had its delivery callback with the customer: nothing to do',
  );

export const reasonsWithoutSurvey = (saleId: string) =>
  new VehicleSaleRuleViolated(
    'SALE_REASONS_WITHOUT_SURVEY',
    saleId,
    'cannot record unhappy reasons without the SSI survey they come from: send the survey too',
  );

export const surveyWithoutContact = (saleId: string) =>
  new VehicleSaleRuleViolated(
    'SALE_SURVEY_WITHOUT_CONTACT',
    saleId,
    'cannot record a survey from a callback that did not reach the customer: set reached to true',
  );

const RESIDENT_ID_FAULTS = {
  checksum: 'its check character does not match the first 17 digits',
  'birth-date': 'its digits 7 to 14 are no birth date on or before the order',
  province: 'its first two digits are no province-level code',
} as const;

/** The buyer's resident ID number is invalid; the number itself is personal data and is never echoed. */
export const residentIdInvalid = (saleId: string, fault: keyof typeof RESIDENT_ID_FAULTS) =>
  new VehicleSaleRuleViolated(
    'SALE_RESIDENT_ID_INVALID',
    saleId,
    `cannot be signed with buyer.idNumber: ${RESIDENT_ID_FAULTS[fault]}; correct the number (or omit it)`,
    { field: 'buyer.idNumber', fault },
  );
