import type { Event } from '../../domain/shared/event';
import type { PersonalDataDeclaration } from '../../domain/shared/personal-data';
import type { DataKey, Erased, PersonalDataKeyStore } from '../ports/personal-data-key-store.port';
import { valueAt, withValueAt } from './object-paths';
import { CustomerForgotten } from './privacy.errors';
import { legacyClear, parseProtected, protectValue } from './protected-value';

export type DeclarationLookup = (type: string) => PersonalDataDeclaration | undefined;

/**
 * Encrypts the personal fields of events before they are stored, each with its data subject's key.
 * A value already protected (copied by a decider from state folded from stored events) is kept as it is;
 * a legacy clear value (an upcast v1 event) is encrypted like a new one. New personal data for a
 * forgotten subject is refused with CUSTOMER_FORGOTTEN, before anything is appended.
 */
export class PersonalDataProtector {
  constructor(
    private readonly keyStore: PersonalDataKeyStore,
    private readonly declarationOf: DeclarationLookup,
  ) {}

  /** For commands that append elsewhere first (the prospect's phone claim): refuse before anything. */
  async refuseIfForgotten(subjectId: string): Promise<void> {
    const key = (await this.keyStore.getMany([subjectId])).get(subjectId);
    if (key === 'erased') throw new CustomerForgotten(subjectId);
  }

  async protect(events: readonly Event[]): Promise<Event[]> {
    const keys = new Map<string, DataKey | Erased>();
    const keyOf = async (subjectId: string): Promise<DataKey | Erased> => {
      let key = keys.get(subjectId);
      if (!key) {
        key = await this.keyStore.getOrCreate(subjectId);
        keys.set(subjectId, key);
      }
      return key;
    };
    const protectedEvents: Event[] = [];
    for (const event of events) {
      const declaration = this.declarationOf(event.type);
      protectedEvents.push(declaration ? await this.protectOne(event, declaration, keyOf) : event);
    }
    return protectedEvents;
  }

  private async protectOne(
    event: Event,
    declaration: PersonalDataDeclaration,
    keyOf: (subjectId: string) => Promise<DataKey | Erased>,
  ): Promise<Event> {
    const subjectId = valueAt(event.data, declaration.subject);
    if (typeof subjectId !== 'string' || subjectId === '')
      throw new Error(
        `${event.type} has no data subject at ${declaration.subject}: its personal data cannot be protected`,
      );
    let data = event.data as Record<string, unknown>;
    for (const [path, kind] of Object.entries(declaration.fields)) {
      const value = valueAt(data, path);
      if (value === undefined || value === null) continue;
      if (typeof value !== 'string')
        throw new Error(`${event.type}.${path} is personal data and must be a string, got ${typeof value}`);
      const parsed = parseProtected(value);
      if (parsed?.version === 1) continue;
      const clear = parsed ? legacyClear(parsed) : value;
      const key = await keyOf(subjectId);
      if (key === 'erased') throw new CustomerForgotten(subjectId);
      data = withValueAt(data, path, protectValue(key, kind, subjectId, clear));
    }
    return { type: event.type, data };
  }
}
