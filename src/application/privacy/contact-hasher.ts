import type { ContactKind } from '../../domain/customer-index/customer-index';
import type { PersonalDataKeyStore } from '../ports/personal-data-key-store.port';
import type { PhoneBlindIndex } from './phone-blind-index';
import { legacyClear, openProtected, parseProtected } from './protected-value';

/**
 * The blind index of a phone or plate as an event stores it (protected, a legacy marker, or clear in
 * bare test wiring). The value is opened in memory only to be hashed; it is never kept or logged. A
 * forgotten subject's value no longer opens, and so is never indexed again.
 */
export class ContactHasher {
  constructor(
    private readonly keyStore: PersonalDataKeyStore,
    private readonly index: PhoneBlindIndex,
  ) {}

  async hashOf(kind: ContactKind, stored: string): Promise<string | null> {
    const clear = await this.clearOf(stored);
    if (clear === null || clear.trim() === '') return null;
    return kind === 'phone' ? this.index.hashOf(clear) : this.index.plateHashOf(clear);
  }

  private async clearOf(stored: string): Promise<string | null> {
    const value = parseProtected(stored);
    if (!value) return stored;
    const key = (await this.keyStore.getMany([value.subjectId])).get(value.subjectId);
    if (key === 'erased') return null;
    if (value.version === 0) return legacyClear(value);
    if (key === undefined) return null;
    try {
      return openProtected(value, key);
    } catch {
      // Altered or under another key: there is nothing trustworthy to index.
      return null;
    }
  }
}
