import type { Event } from '../shared/event';

export type CredentialKind = 'api-key' | 'token';

/** A credential was issued: an API key for an integrator or a signed token for a person. */
export type CredentialIssued = Event<
  'CredentialIssued',
  {
    credentialId: string;
    kind: CredentialKind;
    userId: string;
    role: string;
    /** The dealer a dealer-bound role acts for; null for network-wide roles. */
    dealerId: string | null;
    /** SHA-256 (hex) of the secret part of an API key, or of the whole signed token. Never the secret. */
    secretHash: string;
    expiresAt: string | null;
    issuedBy: string;
    issuedAt: string;
  }
>;

export type CredentialRevoked = Event<
  'CredentialRevoked',
  { credentialId: string; reason: string; revokedBy: string; revokedAt: string }
>;

export type CredentialEvent = CredentialIssued | CredentialRevoked;

export const CREDENTIAL_EVENT_TYPES = { CredentialIssued: 1, CredentialRevoked: 1 } as const satisfies Record<
  CredentialEvent['type'],
  number
>;

export const credentialStream = (credentialId: string): string => `credential-${credentialId}`;
