import type {
  ContactKind,
  CustomerContactIndexed,
  CustomerIndexState,
  IndexCustomerContact,
} from '../../domain/customer-index/customer-index';
import { WrongExpectedRevisionError, type StoredEvent } from '../ports/event-store.port';
import type { CommandPipeline } from '../shared/command-pipeline';
import type { Feature } from '../shared/feature';
import type { ReactorDefinition } from '../shared/reactor';
import type { ContactHasher } from './contact-hasher';

export const CUSTOMER_INDEX_REACTOR = 'customer-index';
const ATTEMPTS = 5;

/** A phone or plate an event names, with whose it is and at which dealer. */
type NamedContact = Readonly<{ kind: ContactKind; stored: string; customerId: string; dealerId: string }>;

type Person = { customerId?: unknown; phone?: unknown };
const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

const contactOf = (kind: ContactKind, stored: unknown, customerId: unknown, dealerId: unknown) => {
  const [value, customer, dealer] = [text(stored), text(customerId), text(dealerId)];
  return value && customer && dealer
    ? [{ kind, stored: value, customerId: customer, dealerId: dealer } satisfies NamedContact]
    : [];
};

/** The events that name a person's phone or a vehicle's plate (docs/privacy.md, "What is protected"). */
const CONTACTS_OF: Readonly<Record<string, (data: Record<string, unknown>) => NamedContact[]>> = {
  ProspectRegistered: (data) => {
    const contact = data.contact as Person;
    return contactOf('phone', contact?.phone, contact?.customerId, data.dealerId);
  },
  OrderSigned: (data) => {
    const customer = data.customer as Person;
    return contactOf('phone', customer?.phone, customer?.customerId, data.dealerId);
  },
  ComplaintFiled: (data) => {
    const customer = data.customer as Person;
    return contactOf('phone', customer?.phone, customer?.customerId, data.dealerId);
  },
  AppointmentBooked: (data) => contactOf('plate', data.plate, data.customerId, data.dealerId),
  VehicleCheckedIn: (data) => contactOf('plate', data.plate, data.customerId, data.dealerId),
};

/**
 * Keeps the keyed blind indexes of phones and plates: for every event that names one, the HMAC of its
 * normalised value is recorded as naming the customer at the dealer (`customerindex-<kind>_<hash>`).
 * Projections cannot do this: they see the encrypted value only, and a pure function holds no key. The
 * decider records a pair once, and the Idempotency-Key names the event, so a crash repeats nothing.
 */
export const createCustomerIndexReactor = (
  pipeline: CommandPipeline,
  hasher: ContactHasher,
  customerIndex: Feature<CustomerIndexState, IndexCustomerContact, CustomerContactIndexed>,
): ReactorDefinition => ({
  name: CUSTOMER_INDEX_REACTOR,
  handles: Object.keys(CONTACTS_OF),
  react: async (event: StoredEvent, context) => {
    const contacts = CONTACTS_OF[event.type]?.(event.data) ?? [];
    for (const [index, contact] of contacts.entries()) {
      const hash = await hasher.hashOf(contact.kind, contact.stored);
      if (hash === null) continue;
      const { kind, customerId, dealerId } = contact;
      const command = { type: 'IndexCustomerContact' as const, data: { kind, hash, customerId, dealerId } };
      for (let attempt = 1; ; attempt += 1) {
        try {
          await pipeline.execute(customerIndex, command, context.commandContext(String(index)));
          break;
        } catch (error) {
          // Another event naming the same phone was indexed at the same moment: decide again.
          if (!(error instanceof WrongExpectedRevisionError) || attempt >= ATTEMPTS) throw error;
        }
      }
    }
  },
});
