import { DomainError } from '../shared/domain-error';

export class ComplaintNotFound extends DomainError {
  constructor(complaintId: string) {
    super('COMPLAINT_NOT_FOUND', 'not-found', `complaint ${complaintId} does not exist: file it first`, {
      complaintId,
    });
  }
}

export class ComplaintAlreadyFiled extends DomainError {
  constructor(complaintId: string) {
    super(
      'COMPLAINT_ALREADY_FILED',
      'already-exists',
      `complaint ${complaintId} is already filed: use a new id, or send the same Idempotency-Key to retry`,
      { complaintId },
    );
  }
}

export class ComplaintAlreadyAcknowledged extends DomainError {
  constructor(complaintId: string, acknowledgedAt: string) {
    super(
      'COMPLAINT_ALREADY_ACKNOWLEDGED',
      'forbidden-transition',
      `complaint ${complaintId} was acknowledged at ${acknowledgedAt}: nothing to do`,
      { complaintId, acknowledgedAt },
    );
  }
}

export class ComplaintActionBeforeFiling extends DomainError {
  constructor(complaintId: string, filedAt: string, at: string) {
    super(
      'COMPLAINT_ACTION_BEFORE_FILING',
      'forbidden-transition',
      `complaint ${complaintId} was filed at ${filedAt}; an action at ${at} cannot precede it: check occurredAt`,
      { complaintId, filedAt, at },
    );
  }
}
