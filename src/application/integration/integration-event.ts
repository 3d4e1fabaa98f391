import type { Event } from '../../domain/shared/event';
import type { Permission } from '../access/access-policy';

/** The prefix of every integration event type: `com.dealer-crm.<record>.<fact>.v<version>`. */
export const INTEGRATION_TYPE_PREFIX = 'com.dealer-crm.';

/**
 * An integration event as CloudEvents 1.0 (JSON format) carries it: a stable public shape of its own,
 * versioned in its `type`, never the internal event. `dealerid` is an extension attribute (lower-case
 * letters only, as the spec requires) so a consumer can route without opening `data`.
 */
export type CloudEvent = Readonly<{
  specversion: '1.0';
  /** The source event's id: stable, the same on every read and every delivery (de-duplicate on it). */
  id: string;
  /** `/dealers/<dealerId>/<records>/<recordId>`. */
  source: string;
  type: string;
  /** The record's id. */
  subject: string;
  /** Business time: when it happened, not when it was recorded. */
  time: string;
  datacontenttype: 'application/json';
  dealerid: string;
  data: Readonly<Record<string, unknown>>;
}>;

/** The kinds of record the feed shows, with the path segment of their routes and the permission to read them. */
export const RECORD_KINDS = {
  complaint: { path: 'complaints', read: 'complaint.read' },
  prospect: { path: 'prospects', read: 'prospect.read' },
  'vehicle-sale': { path: 'vehicle-sales', read: 'sale.read' },
  'repair-order': { path: 'repair-orders', read: 'repair.read' },
  membership: { path: 'memberships', read: 'membership.read' },
} as const satisfies Record<string, { path: string; read: Permission }>;

export type RecordKind = keyof typeof RECORD_KINDS;

/** How one internal event type becomes one integration event. */
export type IntegrationMapping<E extends Event = Event> = Readonly<{
  /** The internal event type it maps. */
  from: E['type'];
  /** The public type, `com.dealer-crm.<record>.<fact>.v<n>`. */
  type: string;
  record: RecordKind;
  recordId: (data: E['data']) => string;
  /**
   * The record's dealer when the event names it; null when it does not (the dealer is then the one the
   * record's stream last named before it, ReadFeed's `dealerAt`).
   */
  dealerOf: (data: E['data']) => string | null;
  /**
   * The public data: chosen fields, never the whole internal event. Personal data stays protected here
   * (`pii:` strings) and is revealed for the reader; free text (descriptions, notes, reasons) is left out
   * because it is not encrypted and so could not be erased (docs/integration.md).
   */
  data: (data: E['data']) => Record<string, unknown>;
}>;

/** A mapping with its internal data type erased, as kept in the table. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- variance: the table holds mappings of many event types
export type AnyIntegrationMapping = IntegrationMapping<any>;

export const mapping = <E extends Event>(spec: IntegrationMapping<E>): AnyIntegrationMapping => spec;

/** `com.dealer-crm.complaint.filed.v1`. */
export const integrationType = (record: RecordKind, fact: string, version = 1): string =>
  `${INTEGRATION_TYPE_PREFIX}${record}.${fact}.v${version}`;

/**
 * The mappings of one kind of record: how its events name the record and its dealer, said once; then each
 * mapping is its internal type, its public fact and its data. An event that names no dealer uses `mapping`.
 */
export const recordMappings =
  <D extends object>(
    record: RecordKind,
    recordId: (data: Readonly<D>) => string,
    dealerOf: (data: Readonly<D>) => string | null,
  ) =>
  <E extends Event<string, D>>(
    from: E['type'],
    fact: string,
    data: (data: E['data']) => Record<string, unknown>,
  ): AnyIntegrationMapping =>
    mapping<E>({ from, type: integrationType(record, fact), record, recordId, dealerOf, data });
