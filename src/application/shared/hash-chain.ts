import { createHash } from 'node:crypto';
import type { EventMetadata, NewEvent, StoredEvent } from '../ports/event-store.port';
import { canonicalJson } from './canonical-json';

/** The chain starts from this value in every stream. */
export const GENESIS_HASH = '0'.repeat(64);

type Chained = Pick<NewEvent, 'eventId' | 'type' | 'schemaVersion' | 'occurredAt' | 'data' | 'metadata'>;

/**
 * SHA-256 over the previous event's hash and everything the writer decided about this event: its place
 * (stream, revision), identity, type, schema version, business time, data and metadata (less the hash
 * itself). Store-assigned fields (global position, recordedAt) are not covered: they differ between
 * stores and say nothing the writer vouched for.
 */
export const eventHash = (streamId: string, revision: number, event: Chained): string => {
  const { hash: _hash, ...metadata } = event.metadata as EventMetadata & { hash?: string };
  return createHash('sha256')
    .update(
      canonicalJson({
        streamId,
        revision,
        eventId: event.eventId,
        type: event.type,
        schemaVersion: event.schemaVersion,
        occurredAt: event.occurredAt,
        data: event.data,
        metadata,
      }),
    )
    .digest('hex');
};

/** Adds `previousHash` and `hash` to the metadata of events about to follow `previous` in a stream. */
export const chainEvents = (
  streamId: string,
  previous: StoredEvent | undefined,
  events: readonly NewEvent[],
): NewEvent[] => {
  let previousHash = (previous?.metadata.hash as string | undefined) ?? GENESIS_HASH;
  let revision = previous ? previous.revision : -1;
  return events.map((event) => {
    revision += 1;
    const linked = { ...event, metadata: { ...event.metadata, previousHash } };
    const hash = eventHash(streamId, revision, linked);
    previousHash = hash;
    return { ...linked, metadata: { ...linked.metadata, hash } };
  });
};

export type ChainBreak = Readonly<{
  streamId: string;
  revision: number;
  globalPosition: number;
  eventId: string;
  reason: 'missing-hash' | 'previous-hash-mismatch' | 'hash-mismatch' | 'revision-gap';
  detail: string;
}>;

/** Checks one event against the hash before it; returns the break, if any, and the hash to carry on with. */
export const checkLink = (
  event: StoredEvent,
  expectedPrevious: string,
  expectedRevision: number,
): { broken: ChainBreak | null; hash: string } => {
  const at = {
    streamId: event.streamId,
    revision: event.revision,
    globalPosition: event.globalPosition,
    eventId: event.eventId,
  };
  const stored = event.metadata.hash as string | undefined;
  const actual = eventHash(event.streamId, event.revision, event);
  if (event.revision !== expectedRevision) {
    return {
      broken: { ...at, reason: 'revision-gap', detail: `expected revision ${expectedRevision}` },
      hash: actual,
    };
  }
  if (!stored) {
    return {
      broken: {
        ...at,
        reason: 'missing-hash',
        detail: 'the event carries no hash: it was not written through the command pipeline',
      },
      hash: actual,
    };
  }
  if (event.metadata.previousHash !== expectedPrevious) {
    return {
      broken: {
        ...at,
        reason: 'previous-hash-mismatch',
        detail: `links to ${String(event.metadata.previousHash)}, the event before it hashes to ${expectedPrevious}`,
      },
      hash: stored,
    };
  }
  if (stored !== actual) {
    return {
      broken: {
        ...at,
        reason: 'hash-mismatch',
        detail: `stored hash ${stored}, content hashes to ${actual}: the event was altered`,
      },
      hash: stored,
    };
  }
  return { broken: null, hash: stored };
};
