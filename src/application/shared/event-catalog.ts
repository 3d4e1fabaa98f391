import type { EventUpcasters, Upcaster } from '../../domain/shared/event';
import type { PersonalDataDeclaration } from '../../domain/shared/personal-data';
import type { StoredEvent } from '../ports/event-store.port';
import { markLegacyPersonalData } from '../privacy/legacy-personal-data';

export type { Upcaster } from '../../domain/shared/event';

export type EventTypeRegistration = Readonly<{
  type: string;
  schemaVersion: number;
  /** Keyed by the version they upgrade from. */
  upcasters?: Readonly<Record<number, Upcaster>>;
  /** The fields holding personal data and whose they are; the EventEncoder encrypts them (docs/privacy.md). */
  personalData?: PersonalDataDeclaration;
}>;

/**
 * Every event type the system writes, with its current schema version. Events are stored as written and
 * upcast when read, so old streams stay untouched and every reader sees the current shape.
 */
export class EventCatalog {
  private readonly types = new Map<string, EventTypeRegistration>();

  constructor(registrations: readonly EventTypeRegistration[] = []) {
    for (const registration of registrations) this.register(registration);
  }

  register(registration: EventTypeRegistration): void {
    if (this.types.has(registration.type))
      throw new Error(`event type ${registration.type} is registered twice`);
    this.types.set(registration.type, registration);
  }

  schemaVersionOf(type: string): number {
    const registration = this.types.get(type);
    if (!registration)
      throw new Error(`event type ${type} is not in the catalog: register it with its module`);
    return registration.schemaVersion;
  }

  personalDataOf(type: string): PersonalDataDeclaration | undefined {
    return this.types.get(type)?.personalData;
  }

  registrations(): EventTypeRegistration[] {
    return [...this.types.values()];
  }

  readonly upcast = (event: StoredEvent): StoredEvent => {
    const registration = this.types.get(event.type);
    if (!registration || event.schemaVersion >= registration.schemaVersion) return event;
    let data = event.data;
    for (let version = event.schemaVersion; version < registration.schemaVersion; version += 1) {
      const upcaster = registration.upcasters?.[version];
      if (!upcaster) throw new Error(`no upcaster for ${event.type} from schema version ${version}`);
      data = upcaster(data);
    }
    return { ...event, data, schemaVersion: registration.schemaVersion };
  };
}

/**
 * Registrations from a `{ Type: schemaVersion }` table, with the personal data each type declares and the
 * upcasters the feature gives. A type whose personal data became protected at version `since` gets the
 * upcaster from `since - 1` that tags its old clear values with their subject (see markLegacyPersonalData);
 * a feature's own upcaster for that same version would be ambiguous and is refused.
 */
export const registrationsOf = (
  table: Readonly<Record<string, number>>,
  personalData: Readonly<Record<string, PersonalDataDeclaration | undefined>> = {},
  given: EventUpcasters = {},
): EventTypeRegistration[] =>
  Object.entries(table).map(([type, schemaVersion]) => {
    const declaration = personalData[type];
    const upcasters: Record<number, Upcaster> = { ...given[type] };
    if (declaration && declaration.since > 1) {
      if (upcasters[declaration.since - 1])
        throw new Error(`${type} has two upcasters from version ${declaration.since - 1}`);
      upcasters[declaration.since - 1] = (data) => markLegacyPersonalData(data, declaration);
    }
    return {
      type,
      schemaVersion,
      ...(declaration ? { personalData: declaration } : {}),
      ...(Object.keys(upcasters).length > 0 ? { upcasters } : {}),
    };
  });
