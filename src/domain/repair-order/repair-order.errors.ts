import { DomainError } from '../shared/domain-error';
import type { RepairOrderStage } from './repair-order.types';

export class RepairOrderNotFound extends DomainError {
  constructor(repairOrderId: string) {
    super(
      'REPAIR_ORDER_NOT_FOUND',
      'not-found',
      `repair order ${repairOrderId} does not exist: book an appointment first, or open a walk-in repair order`,
      { repairOrderId },
    );
  }
}

export class RepairOrderAlreadyOpened extends DomainError {
  constructor(repairOrderId: string, stage: RepairOrderStage) {
    super(
      'REPAIR_ORDER_ALREADY_OPENED',
      'already-exists',
      `repair order ${repairOrderId} already exists (${stage}): use a new id, or send the same Idempotency-Key to retry`,
      { repairOrderId, stage },
    );
  }
}

/** A command the repair order's stage or the workshop's rules forbid; the code says which rule. */
export class RepairOrderRuleViolated extends DomainError {
  constructor(code: string, repairOrderId: string, message: string, details: Record<string, unknown> = {}) {
    super(code, 'forbidden-transition', `repair order ${repairOrderId} ${message}`, {
      repairOrderId,
      ...details,
    });
  }
}

export const workNotAuthorised = (repairOrderId: string, stage: RepairOrderStage) =>
  new RepairOrderRuleViolated(
    'REPAIR_ORDER_WORK_NOT_AUTHORISED',
    repairOrderId,
    `is ${stage}: no work before the customer authorises the work order; record the authorisation first`,
    { stage },
  );

export const inspectionNotPassed = (repairOrderId: string, stage: RepairOrderStage) =>
  new RepairOrderRuleViolated(
    'REPAIR_ORDER_INSPECTION_NOT_PASSED',
    repairOrderId,
    `is ${stage}: the vehicle is delivered only after a passed quality inspection; record the inspection first`,
    { stage },
  );

export const repairOrderCancelled = (repairOrderId: string) =>
  new RepairOrderRuleViolated(
    'REPAIR_ORDER_CANCELLED',
    repairOrderId,
    'is cancelled: nothing more can happen on it, not even settlement; open a new repair order',
  );

export const repairOrderSettled = (repairOrderId: string, action: string) =>
  new RepairOrderRuleViolated(
    'REPAIR_ORDER_SETTLED',
    repairOrderId,
    `is settled: ${action} is no longer possible; open a new repair order for further work`,
  );

export const negativeAmount = (repairOrderId: string, field: string, value: number) =>
  new RepairOrderRuleViolated(
    'REPAIR_ORDER_NEGATIVE_AMOUNT',
    repairOrderId,
    `cannot take ${field} = ${value}: amounts, quantities, hours and mileage are never negative; send the corrected figure`,
    { field, value },
  );

export const wrongStage = (
  repairOrderId: string,
  stage: RepairOrderStage,
  allowed: readonly RepairOrderStage[],
  action: string,
) =>
  new RepairOrderRuleViolated(
    'REPAIR_ORDER_STAGE_FORBIDS',
    repairOrderId,
    `is ${stage}: ${action} needs it to be ${allowed.join(' or ')}`,
    { stage, allowed },
  );

export const notDelivered = (repairOrderId: string, stage: RepairOrderStage) =>
  new RepairOrderRuleViolated(
    'REPAIR_ORDER_NOT_DELIVERED',
    repairOrderId,
    `is ${stage}: settle it when the vehicle is delivered; record the delivery first`,
    { stage },
  );

export const vehicleMismatch = (repairOrderId: string, booked: string, arrived: string) =>
  new RepairOrderRuleViolated(
    'REPAIR_ORDER_VEHICLE_MISMATCH',
    repairOrderId,
    `was booked for VIN ${booked}, not ${arrived}: check the vehicle in on a new repair order`,
    { booked, arrived },
  );

export const alreadyRework = (repairOrderId: string) =>
  new RepairOrderRuleViolated(
    'REPAIR_ORDER_ALREADY_REWORK',
    repairOrderId,
    'is already marked as rework: nothing to do',
  );

export const unknownOperation = (repairOrderId: string, operationCode: string) =>
  new RepairOrderRuleViolated(
    'REPAIR_ORDER_UNKNOWN_OPERATION',
    repairOrderId,
    `has no labour operation ${operationCode} in its authorised work order: clock hours on an authorised operation`,
    { operationCode },
  );

export const emptyWorkOrder = (repairOrderId: string) =>
  new RepairOrderRuleViolated(
    'REPAIR_ORDER_EMPTY_WORK_ORDER',
    repairOrderId,
    'work order names no labour operation: authorise at least one operation',
  );

export const surveyAlreadyRecorded = (repairOrderId: string) =>
  new RepairOrderRuleViolated(
    'REPAIR_ORDER_SURVEY_ALREADY_RECORDED',
    repairOrderId,
    'already has its CSI survey: one survey per repair order',
  );

export const surveyAnswerOutOfRange = (repairOrderId: string, field: string, value: number, range: string) =>
  new RepairOrderRuleViolated(
    'REPAIR_ORDER_SURVEY_ANSWER_OUT_OF_RANGE',
    repairOrderId,
    `survey answer ${field} = ${value} is outside ${range}: record the answer as the customer gave it`,
    { field, value },
  );
