import type { StoredEvent } from '../../application/ports/event-store.port';
import type { IndexSpec, ReadModelDoc } from '../../application/ports/read-store.port';
import type { Event } from '../../domain/shared/event';

/** A stored event whose type and data are those of a domain event union member. */
export type Envelope<E extends Event> = E extends Event
  ? Omit<StoredEvent, 'type' | 'data'> & Readonly<{ type: E['type']; data: E['data'] }>
  : never;

/**
 * A projection: which events it reads, which documents each event touches, and a pure function from
 * (document, event) to the next document. The runner does the batching, the position guard and the
 * checkpoint once for every projection, so a projection holds no I/O and cannot count an event twice.
 */
export type ProjectionDefinition<
  E extends Event = Event,
  Doc extends ReadModelDoc = ReadModelDoc,
> = Readonly<{
  /** Stable name, kebab-case; also the checkpoint's name. */
  name: string;
  /** Bump when the document shape or the rules change: a new version is built beside the old. */
  version: number;
  /** Logical collection, lower_snake_case; stored as `<collection>_v<version>`. */
  collection: string;
  indexes: readonly IndexSpec[];
  handles: readonly E['type'][];
  documentIds: (event: Envelope<E>) => readonly string[];
  apply: (doc: Doc | null, event: Envelope<E>, id: string) => Doc;
}>;

/** Where a projection's documents live. */
export const physicalCollection = (
  projection: Pick<ProjectionDefinition, 'collection' | 'version'>,
): string => `${projection.collection}_v${projection.version}`;

/** Type-erased form kept in registries. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- variance: a registry holds projections of many event unions
export type AnyProjection = ProjectionDefinition<any, any>;
