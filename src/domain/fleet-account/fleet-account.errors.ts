import { DomainError } from '../shared/domain-error';

export class FleetAccountNotFound extends DomainError {
  constructor(accountId: string) {
    super(
      'FLEET_ACCOUNT_NOT_FOUND',
      'not-found',
      `fleet account ${accountId} does not exist: open it first`,
      {
        accountId,
      },
    );
  }
}

export class FleetAccountAlreadyOpened extends DomainError {
  constructor(accountId: string) {
    super(
      'FLEET_ACCOUNT_ALREADY_OPENED',
      'already-exists',
      `fleet account ${accountId} is open already: use a new id`,
      { accountId },
    );
  }
}

/** A step the account's state forbids (422); the code says which rule. */
export class FleetAccountRuleViolated extends DomainError {
  constructor(code: string, accountId: string, message: string, details: Record<string, unknown> = {}) {
    super(code, 'forbidden-transition', `fleet account ${accountId} ${message}`, { accountId, ...details });
  }
}

export const factBeforeOpening = (accountId: string, openedAt: string, at: string) =>
  new FleetAccountRuleViolated(
    'FLEET_FACT_BEFORE_OPENING',
    accountId,
    `was opened at ${openedAt}: a fact dated ${at} comes before it; date it on or after the opening`,
    { openedAt, at },
  );

/** A fact on one vehicle, driver or the manager dated before the last fact on it: its order would change the outcome. */
export const factOutOfOrder = (accountId: string, subject: string, lastAt: string, at: string) =>
  new FleetAccountRuleViolated(
    'FLEET_FACT_OUT_OF_ORDER',
    accountId,
    `has a later fact on ${subject} (${lastAt}) than this one (${at}): send the facts of ${subject} in business-time order`,
    { subject, lastAt, at },
  );

export const memberAlreadyAdded = (accountId: string, memberId: string) =>
  new FleetAccountRuleViolated(
    'FLEET_MEMBER_ALREADY_ADDED',
    accountId,
    `has member company ${memberId} already: use another member id`,
    { memberId },
  );

export const driverAlreadyOnAccount = (accountId: string, customerId: string) =>
  new FleetAccountRuleViolated(
    'FLEET_DRIVER_ALREADY_ON_ACCOUNT',
    accountId,
    `has customer ${customerId} as a driver already`,
    { customerId },
  );

export const driverNotOnAccount = (accountId: string, customerId: string, at: string) =>
  new FleetAccountRuleViolated(
    'FLEET_DRIVER_NOT_ON_ACCOUNT',
    accountId,
    `has no driver ${customerId} at ${at}: add the driver first`,
    { customerId, at },
  );

export const vehicleAlreadyOnAccount = (accountId: string, vin: string) =>
  new FleetAccountRuleViolated(
    'FLEET_VEHICLE_ALREADY_ON_ACCOUNT',
    accountId,
    `has vehicle ${vin} on it already: remove it first to register it again`,
    { vin },
  );

export const vehicleNotOnAccount = (accountId: string, vin: string) =>
  new FleetAccountRuleViolated(
    'FLEET_VEHICLE_NOT_ON_ACCOUNT',
    accountId,
    `has no vehicle ${vin} on it: register it first`,
    { vin },
  );

export const managerUnchanged = (accountId: string, managerId: string) =>
  new FleetAccountRuleViolated(
    'FLEET_MANAGER_UNCHANGED',
    accountId,
    `is managed by ${managerId} already: name another account manager`,
    { accountManagerId: managerId },
  );
