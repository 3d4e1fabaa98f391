import { DomainError } from '../shared/domain-error';

export class CallNotFound extends DomainError {
  constructor(callId: string) {
    super(
      'CALL_NOT_FOUND',
      'not-found',
      `call ${callId} has not started here: send its start first (it names the dealer, agent and direction)`,
      { callId },
    );
  }
}

export class CallAlreadyStarted extends DomainError {
  constructor(callId: string, startedAt: string) {
    super(
      'CALL_ALREADY_STARTED',
      'already-exists',
      `call ${callId} already started at ${startedAt} with other details: a call id names one call`,
      { callId, startedAt },
    );
  }
}

export class CallAlreadyAnswered extends DomainError {
  constructor(callId: string, answeredAt: string) {
    super(
      'CALL_ALREADY_ANSWERED',
      'forbidden-transition',
      `call ${callId} was already answered at ${answeredAt}: a call is answered once`,
      { callId, answeredAt },
    );
  }
}

export class CallAlreadyEnded extends DomainError {
  constructor(callId: string, endedAt: string) {
    super(
      'CALL_ALREADY_ENDED',
      'forbidden-transition',
      `call ${callId} already ended at ${endedAt}: a call ends once`,
      { callId, endedAt },
    );
  }
}

/** A fact dated where it cannot have happened: an answer before the start or after the end, an end before either. */
export class CallFactOutOfOrder extends DomainError {
  constructor(callId: string, fact: 'answered' | 'ended', at: string, bound: string, rule: string) {
    super(
      'CALL_FACT_OUT_OF_ORDER',
      'forbidden-transition',
      `call ${callId} cannot be ${fact} at ${at}: it must be ${rule} ${bound}; check the call centre's clock`,
      { callId, fact, at, bound },
    );
  }
}
