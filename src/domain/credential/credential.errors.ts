import { DomainError } from '../shared/domain-error';

export class CredentialNotFound extends DomainError {
  constructor(credentialId: string) {
    super(
      'CREDENTIAL_NOT_FOUND',
      'not-found',
      `credential ${credentialId} does not exist: list them with \`crm credentials list\``,
      { credentialId },
    );
  }
}

export class CredentialAlreadyIssued extends DomainError {
  constructor(credentialId: string) {
    super(
      'CREDENTIAL_ALREADY_ISSUED',
      'already-exists',
      `credential ${credentialId} was already issued: issue a new one with a new id`,
      { credentialId },
    );
  }
}

export class CredentialAlreadyRevoked extends DomainError {
  constructor(credentialId: string, revokedAt: string) {
    super(
      'CREDENTIAL_ALREADY_REVOKED',
      'forbidden-transition',
      `credential ${credentialId} was already revoked at ${revokedAt}: nothing to do`,
      { credentialId, revokedAt },
    );
  }
}

export class CredentialRevocationReasonMissing extends DomainError {
  constructor(credentialId: string) {
    super(
      'CREDENTIAL_REASON_REQUIRED',
      'forbidden-transition',
      `revoking credential ${credentialId} needs a reason: say why (e.g. "laptop lost")`,
      { credentialId },
    );
  }
}
