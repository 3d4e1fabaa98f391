import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { PERSONAL_DATA_KINDS, type PersonalDataKind } from '../../domain/shared/personal-data';
import type { DataKey } from '../ports/personal-data-key-store.port';

/**
 * A protected value is a plain string, so it fits every field that held the clear value and every store:
 * `pii:1:<kind>:<subjectId>:<base64url(iv | ciphertext | tag)>`, AES-256-GCM under the subject's key with
 * the subject and kind as additional data (a value cannot be moved to another subject or field unnoticed).
 *
 * `pii:0:<kind>:<subjectId>:<base64url(clear)>` marks a clear value of an event written before protection
 * (schema v1, upcast on read): not secret, but tagged with its subject so the reveal step hides it once
 * that subject is forgotten.
 */
export type ProtectedValue = Readonly<{
  version: 0 | 1;
  kind: PersonalDataKind;
  subjectId: string;
  payload: string;
}>;

const IV_BYTES = 12;
const TAG_BYTES = 16;
const PATTERN = /^pii:([01]):([A-Za-z]+):(.+):([A-Za-z0-9_-]*)$/;

export const isProtectedString = (value: unknown): value is string =>
  typeof value === 'string' && (value.startsWith('pii:1:') || value.startsWith('pii:0:'));

export const parseProtected = (value: string): ProtectedValue | null => {
  const match = PATTERN.exec(value);
  if (!match) return null;
  const kind = match[2] as PersonalDataKind;
  if (!PERSONAL_DATA_KINDS.includes(kind)) return null;
  return { version: match[1] === '1' ? 1 : 0, kind, subjectId: match[3], payload: match[4] };
};

const additionalData = (subjectId: string, kind: PersonalDataKind): Buffer =>
  Buffer.from(`${subjectId}|${kind}`, 'utf8');

export const protectValue = (
  key: DataKey,
  kind: PersonalDataKind,
  subjectId: string,
  clear: string,
): string => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(additionalData(subjectId, kind));
  const body = Buffer.concat([cipher.update(clear, 'utf8'), cipher.final()]);
  const sealed = Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  return `pii:1:${kind}:${subjectId}:${sealed}`;
};

export const markLegacy = (kind: PersonalDataKind, subjectId: string, clear: string): string =>
  `pii:0:${kind}:${subjectId}:${Buffer.from(clear, 'utf8').toString('base64url')}`;

/** The clear text of a legacy marker (no key needed: it was never encrypted). */
export const legacyClear = (value: ProtectedValue): string =>
  Buffer.from(value.payload, 'base64url').toString('utf8');

/** Decrypts; throws when the key is not the subject's or the value was altered. */
export const openProtected = (value: ProtectedValue, key: DataKey): string => {
  if (value.version === 0) return legacyClear(value);
  const sealed = Buffer.from(value.payload, 'base64url');
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('protected value is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(additionalData(value.subjectId, value.kind));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  return Buffer.concat([
    decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
    decipher.final(),
  ]).toString('utf8');
};
