import type { StoredEvent } from '../ports/event-store.port';

/** Turns the data of schema version `n` into version `n + 1`. */
export type Upcaster = (data: Readonly<Record<string, unknown>>) => Record<string, unknown>;

export type EventTypeRegistration = Readonly<{
  type: string;
  schemaVersion: number;
  /** Keyed by the version they upgrade from. */
  upcasters?: Readonly<Record<number, Upcaster>>;
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

/** Registrations from a `{ Type: schemaVersion }` table. */
export const registrationsOf = (table: Readonly<Record<string, number>>): EventTypeRegistration[] =>
  Object.entries(table).map(([type, schemaVersion]) => ({ type, schemaVersion }));
