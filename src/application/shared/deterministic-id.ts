import { createHash } from 'node:crypto';

/** Namespace of this system's name-based ids (a fixed random UUID). */
const NAMESPACE = Buffer.from('6f1c2f0e9a4b4d1e8f3a5c7b9d2e4f60', 'hex');

/**
 * A name-based UUID (RFC 9562 version 5): the same name always gives the same id. Used for the events of
 * an idempotent command and for records created by reactors, so a repeat can be recognised and appends
 * nothing.
 */
export const deterministicUuid = (name: string): string => {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
