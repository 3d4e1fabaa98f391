import type { Actor } from '../../../domain/shared/event';
import type { EventMetadata, StoredEvent } from '../../../application/ports/event-store.port';

export class ActorView implements Actor {
  /** @example u-sa-14 */
  userId!: string;
  /** @example dealer-desk */
  role!: string;
  /** @example d-sh-01 */
  dealerId!: string | null;
}

export class EventMetadataView implements EventMetadata {
  correlationId!: string;
  causationId!: string | null;
  actor!: ActorView;
  /** Set when the command came with an `Idempotency-Key`. */
  idempotencyKey?: string;
  requestHash?: string;
  [key: string]: unknown;
}

/** An event as stored, with its envelope; personal data shown as the caller's role may see it. */
export class StoredEventView implements StoredEvent {
  eventId!: string;
  /** @example ComplaintFiled */
  type!: string;
  schemaVersion!: number;
  /** The event's facts. */
  data!: Record<string, unknown>;
  /** Business time. */
  occurredAt!: string;
  metadata!: EventMetadataView;
  streamId!: string;
  revision!: number;
  globalPosition!: number;
  /** When the store took it. */
  recordedAt!: string;
}
