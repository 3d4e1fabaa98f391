import { DomainError } from '../shared/domain-error';

export class SalesTargetLineInvalid extends DomainError {
  constructor(level: string, problem: string) {
    super(
      'SALES_TARGET_LINE_INVALID',
      'forbidden-transition',
      `a ${level} target ${problem}: a consultant's line names consultantId only, a model's names model only, the dealer's neither`,
      { level },
    );
  }
}

export class SalesTargetAlreadySet extends DomainError {
  constructor(streamId: string, line: string) {
    super(
      'SALES_TARGET_ALREADY_SET',
      'forbidden-transition',
      `${streamId}: the ${line} target is set already: revise it with a reason (POST /sales/targets/revisions)`,
      { streamId, line },
    );
  }
}

export class SalesTargetNotSet extends DomainError {
  constructor(streamId: string, line: string) {
    super(
      'SALES_TARGET_NOT_SET',
      'forbidden-transition',
      `${streamId}: no ${line} target to revise: set it first (POST /sales/targets)`,
      { streamId, line },
    );
  }
}

export class SalesTargetUnchanged extends DomainError {
  constructor(streamId: string, line: string) {
    super(
      'SALES_TARGET_UNCHANGED',
      'forbidden-transition',
      `${streamId}: the ${line} target already has these figures: a revision changes orders or deliveries`,
      { streamId, line },
    );
  }
}

export class SalesTargetMonthClosed extends DomainError {
  constructor(month: string, closedAfter: string, today: string) {
    super(
      'SALES_TARGET_MONTH_CLOSED',
      'forbidden-transition',
      `targets of ${month} were closed at the end of ${closedAfter} (today is ${today}, CST): a closed month's targets are history`,
      { month, closedAfter, today },
    );
  }
}

export class SalesTargetFactOutOfOrder extends DomainError {
  constructor(streamId: string, line: string, at: string, lastAt: string) {
    super(
      'SALES_TARGET_FACT_OUT_OF_ORDER',
      'forbidden-transition',
      `${streamId}: the ${line} target was last changed at ${lastAt}; a revision dated ${at} would not be the latest: send it with a later occurredAt`,
      { streamId, line, at, lastAt },
    );
  }
}
