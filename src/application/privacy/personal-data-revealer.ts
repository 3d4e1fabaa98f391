import type { Principal } from '../access/principal';
import type { DataKey, Erased, PersonalDataKeyStore } from '../ports/personal-data-key-store.port';
import { ERASED, maskPhone, type PersonalDataRights, rightsOf } from './personal-data-rights';
import { openProtected, parseProtected, type ProtectedValue } from './protected-value';

/** What a reader gets instead of a value that no longer opens (altered, or a key mix-up). */
export const UNREADABLE = '[unreadable]';

/**
 * Replaces the protected values in a response with what the caller may see: the clear value, the phone
 * masked, no ID number (null), or `[erased]` once the subject's key is destroyed. Read models keep the
 * protected strings, so this is the only place clear personal data is produced, and one destroyed key
 * erases the person from every read model at once. All keys of a response are fetched in one batch.
 */
export class PersonalDataRevealer {
  constructor(private readonly keyStore: PersonalDataKeyStore) {}

  async reveal<T>(body: T, principal: Principal | undefined): Promise<T> {
    const found = new Map<string, ProtectedValue>();
    collect(body, found);
    if (found.size === 0) return body;
    const keys = await this.keyStore.getMany([...new Set([...found.values()].map((v) => v.subjectId))]);
    const rights = rightsOf(principal);
    return replace(body, (text) => {
      const value = found.get(text);
      return value ? shown(value, keys.get(value.subjectId), rights) : text;
    }) as T;
  }
}

const shown = (
  value: ProtectedValue,
  key: DataKey | Erased | undefined,
  rights: PersonalDataRights,
): string | null => {
  if (value.kind === 'idNumber' && !rights.idNumbers) return null;
  if (value.kind === 'birthday' && !rights.birthdays) return null;
  if (key === 'erased') return ERASED;
  // A legacy clear value of a subject that never had a key is still readable; a protected one is not.
  if (key === undefined && value.version === 1) return ERASED;
  let clear: string;
  try {
    clear = openProtected(value, key as DataKey);
  } catch {
    return UNREADABLE;
  }
  return value.kind === 'phone' && !rights.fullPhone ? maskPhone(clear) : clear;
};

const collect = (node: unknown, found: Map<string, ProtectedValue>): void => {
  if (typeof node === 'string') {
    if (node.startsWith('pii:') && !found.has(node)) {
      const parsed = parseProtected(node);
      if (parsed) found.set(node, parsed);
    }
  } else if (Array.isArray(node)) {
    for (const item of node) collect(item, found);
  } else if (isPlainObject(node)) {
    for (const value of Object.values(node)) collect(value, found);
  }
};

const replace = (node: unknown, swap: (text: string) => string | null): unknown => {
  if (typeof node === 'string') return node.startsWith('pii:') ? swap(node) : node;
  if (Array.isArray(node)) return node.map((item) => replace(item, swap));
  if (isPlainObject(node))
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, replace(value, swap)]));
  return node;
};

const isPlainObject = (node: unknown): node is Record<string, unknown> =>
  node !== null &&
  typeof node === 'object' &&
  (Object.getPrototypeOf(node) === Object.prototype || Object.getPrototypeOf(node) === null);

/** The people whose data a response holds (the subjects of its protected values). */
export const subjectsIn = (body: unknown): string[] => {
  const found = new Map<string, ProtectedValue>();
  collect(body, found);
  return [...new Set([...found.values()].map((value) => value.subjectId))];
};
