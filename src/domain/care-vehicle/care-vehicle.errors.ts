import { DomainError } from '../shared/domain-error';

/** A step the vehicle's care record forbids (422); the code says which rule. */
export class CareVehicleRuleViolated extends DomainError {
  constructor(code: string, vin: string, message: string, details: Record<string, unknown> = {}) {
    super(code, 'forbidden-transition', `vehicle ${vin} ${message}`, { vin, ...details });
  }
}

export const noDates = (vin: string) =>
  new CareVehicleRuleViolated(
    'VEHICLE_DATES_MISSING',
    vin,
    'needs insuranceExpiresOn or inspectionDueOn (or both) to record',
  );

export const otherDealersVehicle = (vin: string, dealerId: string, sent: string) =>
  new CareVehicleRuleViolated(
    'VEHICLE_DATES_OTHER_DEALER',
    vin,
    `has its dates recorded by dealer ${dealerId}, not ${sent}: that dealer revises them`,
    { dealerId },
  );
