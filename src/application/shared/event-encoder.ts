import type { Event } from '../../domain/shared/event';
import type { NewEvent, StoredEvent } from '../ports/event-store.port';
import type { PersonalDataProtector } from '../privacy/personal-data-protector';
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
  /** `newEventId` is for writers that must be reproducible (the seeded history generator); the API keeps v7. */
  constructor(
    private readonly catalog: EventCatalog,
    private readonly newEventId: () => string = () => uuidV7(),
    /**
     * Encrypts the declared personal fields with their subject's key (docs/privacy.md). The application
     * always sets it; without it events are stored as decided (unit tests of projections only).
     */
    private readonly protector?: PersonalDataProtector,
  ) {}

  /** `businessTimeOf` names the time an automatic decision fell due (the feature's); other events take the command's. */
  async encode(
    streamId: string,
    previous: StoredEvent | undefined,
    decided: readonly Event[],
    context: CommandContext,
    businessTimeOf: (event: Event) => string | null = () => null,
  ): Promise<NewEvent[]> {
    const stored = this.protector ? await this.protector.protect(decided) : decided;
    return chainEvents(
      streamId,
      previous,
      stored.map((event, index) =>
        this.envelope(streamId, event, index, context, businessTimeOf(decided[index] ?? event)),
      ),
    );
  }

  private envelope(
    streamId: string,
    event: Event,
    index: number,
    context: CommandContext,
    businessTime: string | null,
  ): NewEvent {
    const key = context.idempotencyKey;
    return {
      eventId: key ? deterministicUuid(`${streamId}|${key}|${index}`) : this.newEventId(),
      type: event.type,
      schemaVersion: this.catalog.schemaVersionOf(event.type),
      data: event.data as Record<string, unknown>,
      occurredAt: businessTime ?? context.now,
      metadata: {
        correlationId: context.correlationId,
        causationId: context.causationId,
        actor: context.actor,
        ...(key ? { idempotencyKey: key, requestHash: context.requestHash } : {}),
      },
    };
  }
}
