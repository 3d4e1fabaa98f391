import type { Decider } from '../shared/event';
import type { CredentialCommand } from './credential.commands';
import {
  CredentialAlreadyIssued,
  CredentialAlreadyRevoked,
  CredentialNotFound,
  CredentialRevocationReasonMissing,
} from './credential.errors';
import type { CredentialEvent } from './credential.events';
import { type CredentialState, evolveCredential, initialCredentialState } from './credential.state';

/**
 * Credentials are event-sourced like everything else, so who issued or revoked which credential, and
 * when, is in the same tamper-evident log as the business facts.
 */
export const decideCredential = (command: CredentialCommand, state: CredentialState): CredentialEvent[] => {
  const { now, actor } = command.metadata;
  switch (command.type) {
    case 'IssueCredential':
      if (state.status !== 'none') throw new CredentialAlreadyIssued(command.data.credentialId);
      return [{ type: 'CredentialIssued', data: { ...command.data, issuedBy: actor.userId, issuedAt: now } }];
    case 'RevokeCredential': {
      const { credentialId, reason } = command.data;
      if (state.status === 'none') throw new CredentialNotFound(credentialId);
      if (state.status === 'revoked') throw new CredentialAlreadyRevoked(credentialId, state.revokedAt);
      if (!reason.trim()) throw new CredentialRevocationReasonMissing(credentialId);
      return [
        {
          type: 'CredentialRevoked',
          data: { credentialId, reason, revokedBy: actor.userId, revokedAt: now },
        },
      ];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
};

export const credentialDecider: Decider<CredentialState, CredentialCommand, CredentialEvent> = {
  decide: decideCredential,
  evolve: evolveCredential,
  initialState: initialCredentialState,
};
