import type { Event } from '../../domain/shared/event';
import type { NewEvent, StoredEvent } from '../ports/event-store.port';
import type { CommandContext } from './command-context';
import { deterministicUuid } from './deterministic-id';
import type { EventCatalog } from './event-catalog';
import { chainEvents } from './hash-chain';
import { uuidV7 } from './uuid-v7';

/**
 * Turns the events a decider returned into the events that are stored: the envelope (ids, schema version,
 * business time, correlation, actor, Idempotency-Key), then the hash chained to the stream's previous
 * event. Everything that writes events (the command pipeline, the history generator) goes through it, so
 * every stored event has the same shape whoever wrote it.
 */
export class EventEncoder {
  constructor(private readonly catalog: EventCatalog) {}

  async encode(
    streamId: string,
    previous: StoredEvent | undefined,
    decided: readonly Event[],
    context: CommandContext,
  ): Promise<NewEvent[]> {
    return chainEvents(
      streamId,
      previous,
      decided.map((event, index) => this.envelope(streamId, event, index, context)),
    );
  }

  private envelope(streamId: string, event: Event, index: number, context: CommandContext): NewEvent {
    const key = context.idempotencyKey;
    return {
      eventId: key ? deterministicUuid(`${streamId}|${key}|${index}`) : uuidV7(),
      type: event.type,
      schemaVersion: this.catalog.schemaVersionOf(event.type),
      data: event.data as Record<string, unknown>,
      occurredAt: context.now,
      metadata: {
        correlationId: context.correlationId,
        causationId: context.causationId,
        actor: context.actor,
        ...(key ? { idempotencyKey: key, requestHash: context.requestHash } : {}),
      },
    };
  }
}
