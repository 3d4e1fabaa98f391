import type { Command } from '../shared/event';
import type { CredentialIssued } from './credential.events';

export type IssueCredential = Command<
  'IssueCredential',
  Omit<CredentialIssued['data'], 'issuedBy' | 'issuedAt'>
>;
export type RevokeCredential = Command<'RevokeCredential', { credentialId: string; reason: string }>;

export type CredentialCommand = IssueCredential | RevokeCredential;
