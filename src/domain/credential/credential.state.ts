import type { CredentialEvent, CredentialIssued } from './credential.events';

type Issued = CredentialIssued['data'];

export type CredentialState =
  | Readonly<{ status: 'none' }>
  | (Issued & Readonly<{ status: 'active' }>)
  | (Issued & Readonly<{ status: 'revoked'; revokedAt: string; reason: string; revokedBy: string }>);

export const initialCredentialState = (): CredentialState => ({ status: 'none' });

export const evolveCredential = (state: CredentialState, event: CredentialEvent): CredentialState => {
  switch (event.type) {
    case 'CredentialIssued':
      return { ...event.data, status: 'active' };
    case 'CredentialRevoked':
      if (state.status === 'none') return state;
      return {
        ...state,
        status: 'revoked',
        revokedAt: event.data.revokedAt,
        reason: event.data.reason,
        revokedBy: event.data.revokedBy,
      };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};
