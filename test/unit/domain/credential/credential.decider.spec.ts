import type { CredentialCommand } from '../../../../src/domain/credential/credential.commands';
import { credentialDecider } from '../../../../src/domain/credential/credential.decider';
import type {
  CredentialIssued,
  CredentialRevoked,
} from '../../../../src/domain/credential/credential.events';
import { deciderSpecification } from '../../../support/decider-specification';

const spec = deciderSpecification(credentialDecider);
const cli = { userId: 'system:cli', role: 'system', dealerId: null };
const metadata = (now: string) => ({ now, actor: cli });

const issue: CredentialCommand = {
  type: 'IssueCredential',
  data: {
    credentialId: 'k-1',
    kind: 'api-key',
    userId: 'dms-sync',
    role: 'service-advisor',
    dealerId: 'd-sh-01',
    secretHash: 'ab'.repeat(32),
    expiresAt: null,
  },
  metadata: metadata('2026-03-01T01:00:00.000Z'),
};
const issued: CredentialIssued = {
  type: 'CredentialIssued',
  data: {
    ...issue.data,
    issuedBy: 'system:cli',
    issuedAt: '2026-03-01T01:00:00.000Z',
  } as CredentialIssued['data'],
};
const revoke = (reason: string): CredentialCommand => ({
  type: 'RevokeCredential',
  data: { credentialId: 'k-1', reason },
  metadata: metadata('2026-03-02T01:00:00.000Z'),
});
const revoked: CredentialRevoked = {
  type: 'CredentialRevoked',
  data: {
    credentialId: 'k-1',
    reason: 'integrator left',
    revokedBy: 'system:cli',
    revokedAt: '2026-03-02T01:00:00.000Z',
  },
};

describe('credential decider', () => {
  it('issues a credential, recording who issued it and when', () =>
    spec.given([]).when(issue).then([issued]));

  it('refuses to issue the same credential id twice', () =>
    spec.given([issued]).when(issue).thenThrows('CREDENTIAL_ALREADY_ISSUED'));

  it('revokes an issued credential with the reason and the revoker', () =>
    spec.given([issued]).when(revoke('integrator left')).then([revoked]));

  it('refuses to revoke an unknown credential', () =>
    spec.given([]).when(revoke('integrator left')).thenThrows('CREDENTIAL_NOT_FOUND'));

  it('refuses to revoke twice', () =>
    spec.given([issued, revoked]).when(revoke('again')).thenThrows('CREDENTIAL_ALREADY_REVOKED'));

  it('refuses a revocation without a reason', () =>
    spec.given([issued]).when(revoke('  ')).thenThrows('CREDENTIAL_REASON_REQUIRED'));

  it('folds a revoked credential as revoked', () => {
    const state = [issued, revoked].reduce(credentialDecider.evolve, credentialDecider.initialState());
    expect(state).toMatchObject({ status: 'revoked', reason: 'integrator left', role: 'service-advisor' });
  });
});
