import type { Actor } from '../../domain/shared/event';

/** Who issues a command, when (business time), why (correlation/causation) and how to recognise a retry. */
export type CommandContext = Readonly<{
  /** Business time of the command (ISO 8601); the events' `occurredAt`. */
  now: string;
  correlationId: string;
  causationId: string | null;
  actor: Actor;
  /** From the `Idempotency-Key` header, or derived by a reactor from the event it reacts to. */
  idempotencyKey?: string;
  /** Fingerprint of the request that used the key. */
  requestHash?: string;
  /** From `If-Match`: the revision the client last read; the command is refused if the stream moved on. */
  expectedRevision?: number;
}>;

export type CommandResult = Readonly<{
  streamId: string;
  /** Revision of the stream's last event after the command; -1 while the stream does not exist. */
  revision: number;
  /** Global position of the last event written by the command (null when it wrote none). */
  position: number | null;
  events: ReadonlyArray<Readonly<{ eventId: string; type: string; revision: number }>>;
  /** True when this is the stored outcome of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}>;
