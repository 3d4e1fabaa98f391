import { DomainError } from '../shared/domain-error';

export class FleetOrderNotFound extends DomainError {
  constructor(orderId: string) {
    super('FLEET_ORDER_NOT_FOUND', 'not-found', `fleet order ${orderId} does not exist: sign it first`, {
      orderId,
    });
  }
}

export class FleetOrderAlreadySigned extends DomainError {
  constructor(orderId: string) {
    super(
      'FLEET_ORDER_ALREADY_SIGNED',
      'already-exists',
      `fleet order ${orderId} is signed already: use a new id`,
      { orderId },
    );
  }
}

/** A step the order's state forbids (422); the code says which rule. */
export class FleetOrderRuleViolated extends DomainError {
  constructor(code: string, orderId: string, message: string, details: Record<string, unknown> = {}) {
    super(code, 'forbidden-transition', `fleet order ${orderId} ${message}`, { orderId, ...details });
  }
}

/** The account's dealer is not named: a dealer learns no more of another dealer's account than that. */
export const accountOfAnotherDealer = (orderId: string, accountId: string, dealerId: string) =>
  new FleetOrderRuleViolated(
    'FLEET_ORDER_ACCOUNT_OF_ANOTHER_DEALER',
    orderId,
    `names fleet account ${accountId}, which dealer ${dealerId} does not serve: sign it at the account's dealer`,
    { accountId, dealerId },
  );

export const signedBeforeAccountOpened = (orderId: string, accountId: string, openedAt: string, at: string) =>
  new FleetOrderRuleViolated(
    'FLEET_ORDER_BEFORE_ACCOUNT_OPENED',
    orderId,
    `is dated ${at}, before fleet account ${accountId} was opened (${openedAt}): date it on or after the opening`,
    { accountId, openedAt, at },
  );

export const tooFewVehicles = (orderId: string, vehicles: number) =>
  new FleetOrderRuleViolated(
    'FLEET_ORDER_TOO_FEW_VEHICLES',
    orderId,
    `has ${vehicles} vehicle: a fleet order is of 2 vehicles or more; sign a single vehicle as an ordinary sale`,
    { vehicles },
  );

export const quantityOutOfRange = (orderId: string, lineNo: number, quantity: number) =>
  new FleetOrderRuleViolated(
    'FLEET_ORDER_QUANTITY_OUT_OF_RANGE',
    orderId,
    `line ${lineNo} has quantity ${quantity}: a line is of 1 to 500 vehicles`,
    { lineNo, quantity },
  );

export const lineDiscountTooHigh = (
  orderId: string,
  lineNo: number,
  listPriceFen: number,
  discountFen: number,
) =>
  new FleetOrderRuleViolated(
    'FLEET_ORDER_DISCOUNT_EXCEEDS_PRICE',
    orderId,
    `line ${lineNo} has a discount of ${discountFen} fen over its list price of ${listPriceFen} fen: the unit price may not be negative`,
    { lineNo, listPriceFen, discountFen },
  );

export const factBeforeSigning = (orderId: string, signedAt: string, at: string) =>
  new FleetOrderRuleViolated(
    'FLEET_ORDER_FACT_BEFORE_SIGNING',
    orderId,
    `was signed at ${signedAt}: a fact dated ${at} comes before it; date it on or after the signing`,
    { signedAt, at },
  );

export const orderCancelled = (orderId: string, cancelledAt: string) =>
  new FleetOrderRuleViolated(
    'FLEET_ORDER_CANCELLED',
    orderId,
    `was cancelled at ${cancelledAt}: nothing follows a cancellation`,
    { cancelledAt },
  );

export const lineNotFound = (orderId: string, lineNo: number, lines: number) =>
  new FleetOrderRuleViolated(
    'FLEET_ORDER_LINE_NOT_FOUND',
    orderId,
    `has no line ${lineNo}: its lines are 1 to ${lines}`,
    { lineNo, lines },
  );

export const lineFull = (orderId: string, lineNo: number, quantity: number) =>
  new FleetOrderRuleViolated(
    'FLEET_ORDER_LINE_FULL',
    orderId,
    `line ${lineNo} has its ${quantity} vehicles allocated already: allocate to another line`,
    { lineNo, quantity },
  );

export const vinAlreadyAllocated = (orderId: string, vin: string, lineNo: number) =>
  new FleetOrderRuleViolated(
    'FLEET_ORDER_VIN_ALREADY_ALLOCATED',
    orderId,
    `has VIN ${vin} on line ${lineNo} already: a vehicle is allocated once`,
    { vin, lineNo },
  );

export const vinNotAllocated = (orderId: string, vin: string) =>
  new FleetOrderRuleViolated(
    'FLEET_ORDER_VIN_NOT_ALLOCATED',
    orderId,
    `has no VIN ${vin} allocated: allocate it to a line first`,
    { vin },
  );

export const vinAlreadyDelivered = (orderId: string, vin: string, deliveredAt: string) =>
  new FleetOrderRuleViolated(
    'FLEET_ORDER_VIN_ALREADY_DELIVERED',
    orderId,
    `delivered VIN ${vin} at ${deliveredAt} already: nothing to do`,
    { vin, deliveredAt },
  );

export const deliveryBeforeAllocation = (orderId: string, vin: string, allocatedAt: string, at: string) =>
  new FleetOrderRuleViolated(
    'FLEET_ORDER_FACT_OUT_OF_ORDER',
    orderId,
    `allocated VIN ${vin} at ${allocatedAt}: its delivery dated ${at} comes before it; send the facts of one VIN in business-time order`,
    { vin, allocatedAt, at },
  );

export const cancelAfterDelivery = (orderId: string, delivered: number) =>
  new FleetOrderRuleViolated(
    'FLEET_ORDER_DELIVERY_STARTED',
    orderId,
    `has ${delivered} vehicle(s) delivered: an order is cancelled only before any delivery`,
    { delivered },
  );

export const cancelOutOfOrder = (orderId: string, lastAt: string, at: string) =>
  new FleetOrderRuleViolated(
    'FLEET_ORDER_FACT_OUT_OF_ORDER',
    orderId,
    `has a fact dated ${lastAt}, after this cancellation (${at}): date the cancellation on or after it`,
    { lastAt, at },
  );
