import type { Command, Decider, Event } from '../shared/event';

/** What a blind index is of: a phone number or a licence plate, both personal data. */
export type ContactKind = 'phone' | 'plate';

/**
 * A keyed blind index (an HMAC of the normalised phone or plate, docs/privacy.md) now names this customer
 * at this dealer. One stream per (kind, hash): the stream is the index entry, and it holds no clear value.
 */
export type CustomerContactIndexed = Event<
  'CustomerContactIndexed',
  { kind: ContactKind; hash: string; customerId: string; dealerId: string; indexedAt: string }
>;
export type IndexCustomerContact = Command<
  'IndexCustomerContact',
  { kind: ContactKind; hash: string; customerId: string; dealerId: string }
>;

/** The (customer, dealer) pairs the hash already names. */
export type CustomerIndexState = Readonly<{ named: readonly string[] }>;

export const CUSTOMER_INDEX_EVENT_TYPES = { CustomerContactIndexed: 1 } as const satisfies Record<
  CustomerContactIndexed['type'],
  number
>;

const pairOf = (data: { customerId: string; dealerId: string }) => `${data.customerId}|${data.dealerId}`;

/** Indexing a pair the hash already names decides nothing: every phone and plate is seen many times. */
export const customerIndexDecider: Decider<CustomerIndexState, IndexCustomerContact, CustomerContactIndexed> =
  {
    initialState: () => ({ named: [] }),
    evolve: (state, event) => ({ named: [...state.named, pairOf(event.data)] }),
    decide: (command, state) =>
      state.named.includes(pairOf(command.data))
        ? []
        : [{ type: 'CustomerContactIndexed', data: { ...command.data, indexedAt: command.metadata.now } }],
  };

/** The hash is a hex digest; its first 32 characters tell phones (or plates) apart. */
export const customerIndexStreamId = (kind: ContactKind, hash: string): string =>
  `customerindex-${kind}_${hash.slice(0, 32)}`;

/**
 * Upper case, without spaces, dots, middle dots or hyphens, so "沪A·12345", "沪a 12345" and "沪A12345" match.
 * The plate's own characters (a province's Chinese character, letters, digits) are kept.
 */
export const normalisePlate = (plate: string): string => plate.replace(/[\s.·•\-_]/g, '').toUpperCase();
