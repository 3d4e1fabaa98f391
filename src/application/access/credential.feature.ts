import type { CredentialCommand } from '../../domain/credential/credential.commands';
import { credentialDecider } from '../../domain/credential/credential.decider';
import {
  CREDENTIAL_EVENT_TYPES,
  type CredentialEvent,
  credentialStream,
} from '../../domain/credential/credential.events';
import type { CredentialState } from '../../domain/credential/credential.state';
import type { Feature } from '../shared/feature';

/** The bearer credentials of the API, issued and revoked as events (docs/access.md). */
export const credentialFeature: Feature<CredentialState, CredentialCommand, CredentialEvent> = {
  name: 'credential',
  category: 'credential',
  decider: credentialDecider,
  streamOf: ({ credentialId }) => credentialStream(credentialId),
  eventTypes: CREDENTIAL_EVENT_TYPES,
  // A dealer-bound credential is its dealer's.
  scope: (state, command) => ({
    dealerId:
      (state.status !== 'none'
        ? state.dealerId
        : command.type === 'IssueCredential'
          ? command.data.dealerId
          : null) ?? undefined,
  }),
};
