import type { PersonalDataKeyStore } from '../ports/personal-data-key-store.port';
import { legacyClear, openProtected, parseProtected } from './protected-value';

/**
 * Opens sealed personal values in memory for a process that must act on them (the birthday watcher: who is
 * due), fetching all their keys in one batch. A value opens to its clear text, or to null when its subject
 * is forgotten (the key is gone), has no key, or the value does not open (altered): the caller skips it.
 * A value that is not sealed (bare test wiring) is its own clear text. Nothing is kept or logged.
 */
export class SealedValueOpener {
  constructor(private readonly keyStore: PersonalDataKeyStore) {}

  async openMany(stored: readonly string[]): Promise<ReadonlyMap<string, string | null>> {
    const parsed = new Map(stored.map((value) => [value, parseProtected(value)] as const));
    const subjects = [...new Set([...parsed.values()].flatMap((value) => (value ? [value.subjectId] : [])))];
    const keys = subjects.length > 0 ? await this.keyStore.getMany(subjects) : new Map();
    const opened = new Map<string, string | null>();
    for (const [text, value] of parsed) {
      if (value === null) {
        opened.set(text, text);
        continue;
      }
      const key = keys.get(value.subjectId);
      if (key === 'erased') opened.set(text, null);
      else if (value.version === 0) opened.set(text, legacyClear(value));
      else if (key === undefined) opened.set(text, null);
      else {
        try {
          opened.set(text, openProtected(value, key));
        } catch {
          opened.set(text, null);
        }
      }
    }
    return opened;
  }
}
