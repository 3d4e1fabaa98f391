import { DomainError } from '../shared/domain-error';

export class CareGreetingNotFound extends DomainError {
  constructor(greetingId: string) {
    super(
      'CARE_GREETING_NOT_FOUND',
      'not-found',
      `greeting ${greetingId} is not scheduled: schedule it first`,
      {
        greetingId,
      },
    );
  }
}

export const greetingAlreadyScheduled = (greetingId: string) =>
  new DomainError(
    'CARE_GREETING_ALREADY_SCHEDULED',
    'already-exists',
    `greeting ${greetingId} is already scheduled with other details: use a new id, or cancel it first`,
    { greetingId },
  );

export const greetingCancelled = (greetingId: string) =>
  new DomainError(
    'CARE_GREETING_CANCELLED',
    'already-exists',
    `greeting ${greetingId} is cancelled: schedule a new greeting under a new id`,
    { greetingId },
  );

export const greetingSendDayPast = (greetingId: string, sendAt: string, at: string) =>
  new DomainError(
    'CARE_GREETING_SEND_DAY_PAST',
    'forbidden-transition',
    `greeting ${greetingId} would go out at ${sendAt}, before ${at}: choose a later sendOn`,
    { greetingId, sendAt, at },
  );

export const greetingAlreadySent = (greetingId: string, sendAt: string, at: string) =>
  new DomainError(
    'CARE_GREETING_ALREADY_SENT',
    'forbidden-transition',
    `greeting ${greetingId} went out at ${sendAt}, before ${at}: it can no longer be cancelled`,
    { greetingId, sendAt, at },
  );

export const greetingNotDue = (greetingId: string, sendAt: string, at: string) =>
  new DomainError(
    'CARE_GREETING_NOT_DUE',
    'forbidden-transition',
    `greeting ${greetingId} goes out at ${sendAt}, not before (${at}): wait for its send instant`,
    { greetingId, sendAt, at },
  );
