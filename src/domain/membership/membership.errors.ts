import { DomainError } from '../shared/domain-error';

export class MembershipNotFound extends DomainError {
  constructor(customerId: string) {
    super(
      'MEMBERSHIP_NOT_FOUND',
      'not-found',
      `customer ${customerId} is not a club member: enrol them first`,
      { customerId },
    );
  }
}

/** A duplicate of something already recorded on the membership (409). */
export class MembershipDuplicate extends DomainError {
  constructor(code: string, customerId: string, message: string, details: Record<string, unknown> = {}) {
    super(code, 'already-exists', `membership of ${customerId}: ${message}`, { customerId, ...details });
  }
}

/** A command the membership's state forbids (422); the code says which rule. */
export class MembershipRuleViolated extends DomainError {
  constructor(code: string, customerId: string, message: string, details: Record<string, unknown> = {}) {
    super(code, 'forbidden-transition', `membership of ${customerId} ${message}`, {
      customerId,
      ...details,
    });
  }
}

export const alreadyEnrolled = (customerId: string, cardNumber: string) =>
  new MembershipDuplicate(
    'MEMBERSHIP_ALREADY_ENROLLED',
    customerId,
    `already enrolled with card ${cardNumber}: one membership per customer (a lapsed or cancelled one re-enrols: POST /memberships/{customerId}/re-enrolment)`,
    { cardNumber },
  );

export const cardNumberUsed = (customerId: string, cardNumber: string) =>
  new MembershipDuplicate(
    'MEMBER_CARD_NUMBER_USED',
    customerId,
    `card ${cardNumber} is or was this member's card: issue a new number`,
    { cardNumber },
  );

export const cardAlreadyBlocked = (customerId: string, cardNumber: string) =>
  new MembershipRuleViolated(
    'MEMBER_CARD_BLOCKED',
    customerId,
    `has card ${cardNumber} blocked already: replace it`,
    {
      cardNumber,
    },
  );

export const alreadyEarned = (customerId: string, source: string) =>
  new MembershipDuplicate(
    'POINTS_ALREADY_EARNED',
    customerId,
    `${source} has already earned its points: a source earns once`,
    { source },
  );

export const redemptionRecorded = (customerId: string, redemptionId: string) =>
  new MembershipDuplicate(
    'REDEMPTION_ALREADY_RECORDED',
    customerId,
    `redemption ${redemptionId} is already recorded: use a new id, or the same Idempotency-Key to retry`,
    { redemptionId },
  );

export const voucherCodeTaken = (customerId: string, voucherCode: string) =>
  new MembershipDuplicate(
    'VOUCHER_CODE_TAKEN',
    customerId,
    `voucher ${voucherCode} already exists: use a new code`,
    { voucherCode },
  );

export const adjustmentRecorded = (customerId: string, adjustmentId: string) =>
  new MembershipDuplicate(
    'ADJUSTMENT_ALREADY_RECORDED',
    customerId,
    `adjustment ${adjustmentId} is already recorded: use a new id`,
    { adjustmentId },
  );

export class VoucherNotFound extends DomainError {
  constructor(customerId: string, voucherCode: string) {
    super(
      'VOUCHER_NOT_FOUND',
      'not-found',
      `member ${customerId} has no voucher ${voucherCode}: check the code`,
      { customerId, voucherCode },
    );
  }
}

export const membershipLapsed = (customerId: string, lapsedAt: string) =>
  new MembershipRuleViolated(
    'MEMBERSHIP_LAPSED',
    customerId,
    `lapsed on ${lapsedAt} after the lapse period without a paid visit: its points are forfeited and it can no longer earn or redeem`,
    { lapsedAt },
  );

/** A late fact may only be as late as the membership's last fact. */
export const factOutOfOrder = (customerId: string, lastFactAt: string, at: string) =>
  new MembershipRuleViolated(
    'MEMBERSHIP_FACT_OUT_OF_ORDER',
    customerId,
    `has a fact dated ${lastFactAt}; one dated ${at} cannot be placed before it: send the history in business-time order`,
    { lastFactAt, at },
  );

export const membershipStillActive = (customerId: string, lapseDueAt: string) =>
  new MembershipRuleViolated(
    'MEMBERSHIP_STILL_ACTIVE',
    customerId,
    `is active (it lapses at ${lapseDueAt} without a paid visit): only a lapsed or cancelled member re-enrols`,
    { lapseDueAt },
  );

export const membershipCancelled = (customerId: string) =>
  new MembershipRuleViolated(
    'MEMBERSHIP_CANCELLED',
    customerId,
    'is cancelled: nothing can be earned or spent',
  );

export const insufficientPoints = (customerId: string, requested: number, spendable: number) =>
  new MembershipRuleViolated(
    'INSUFFICIENT_POINTS',
    customerId,
    `has ${spendable} spendable points, fewer than the ${requested} asked for: redeem at most ${spendable}`,
    { requested, spendable },
  );

export const beforeEnrolment = (customerId: string, enrolledAt: string, at: string) =>
  new MembershipRuleViolated(
    'ACTION_BEFORE_ENROLMENT',
    customerId,
    `was enrolled at ${enrolledAt}; nothing at ${at} can count for it: check occurredAt`,
    { enrolledAt, at },
  );

export const voucherAlreadyRedeemed = (customerId: string, voucherCode: string, repairOrderId: string) =>
  new MembershipRuleViolated(
    'VOUCHER_ALREADY_REDEEMED',
    customerId,
    `has voucher ${voucherCode} already redeemed on repair order ${repairOrderId}: a voucher is used once`,
    { voucherCode, repairOrderId },
  );

export const voucherExpired = (customerId: string, voucherCode: string, expiresAt: string) =>
  new MembershipRuleViolated(
    'VOUCHER_EXPIRED',
    customerId,
    `has voucher ${voucherCode} that expired at ${expiresAt}: it can no longer be redeemed`,
    { voucherCode, expiresAt },
  );

export const voucherExpiryNotAfterIssue = (customerId: string, expiresAt: string, at: string) =>
  new MembershipRuleViolated(
    'VOUCHER_EXPIRY_NOT_AFTER_ISSUE',
    customerId,
    `cannot be issued a voucher expiring at ${expiresAt}, not after ${at}: give a later expiry`,
    { expiresAt, at },
  );

export const zeroAdjustment = (customerId: string) =>
  new MembershipRuleViolated(
    'ADJUSTMENT_ZERO',
    customerId,
    'adjustment of 0 points changes nothing: give a delta',
  );

export class MemberCardNotFound extends DomainError {
  constructor(cardNumber: string) {
    super(
      'MEMBER_CARD_NOT_FOUND',
      'not-found',
      `no member holds or held card ${cardNumber}: check the number`,
      {
        cardNumber,
      },
    );
  }
}

export const memberBirthdayNotADate = (customerId: string, month: number, day: number) =>
  new MembershipRuleViolated(
    'MEMBER_BIRTHDAY_NOT_A_DATE',
    customerId,
    `cannot have a birthday on day ${day} of month ${month}: no such day (29 February is allowed)`,
    { month, day },
  );
