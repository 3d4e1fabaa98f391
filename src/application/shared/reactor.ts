import type { StoredEvent } from '../ports/event-store.port';
import type { CommandContext } from './command-context';

export type ReactionContext = Readonly<{
  /**
   * Context for a command issued in reaction to the event: the event is its cause, its correlation id is
   * kept, its business time is the event's, and its Idempotency-Key is derived from the reactor, the event
   * and `discriminator`, so issuing it again after a crash appends nothing.
   */
  commandContext: (discriminator?: string) => CommandContext;
}>;

/**
 * Code that issues commands when events happen (points for a settled repair order, SLA deadlines,
 * callback tasks). It runs on its own checkpoint, which a read-model rebuild never resets.
 */
export type ReactorDefinition = Readonly<{
  /** Stable name: also the checkpoint's name. */
  name: string;
  handles: readonly string[];
  react: (event: StoredEvent, context: ReactionContext) => Promise<void>;
}>;

export const REACTOR_ACTOR = (name: string) => ({
  userId: `reactor:${name}`,
  role: 'system',
  dealerId: null,
});
