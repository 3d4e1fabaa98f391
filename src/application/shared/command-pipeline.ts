import { DomainError } from '../../domain/shared/domain-error';
import type { Actor, Command, Event } from '../../domain/shared/event';
import { type EventStore, type StoredEvent, WrongExpectedRevisionError } from '../ports/event-store.port';
import type { CommandAuthoriser } from '../access/command-authoriser';
import type { CommandContext, CommandResult } from './command-context';
import type { EventCatalog } from './event-catalog';
import { EventEncoder } from './event-encoder';
import type { CommandOf, Feature } from './feature';

type CommandRequest<Cmd extends Command> = Readonly<{ type: Cmd['type']; data: Cmd['data'] }>;

export class IdempotencyKeyReused extends DomainError {
  constructor(key: string, streamId: string) {
    super(
      'IDEMPOTENCY_KEY_REUSED',
      'forbidden-transition',
      `Idempotency-Key ${key} was already used on ${streamId} for a different request: use a new key`,
      { idempotencyKey: key, streamId },
    );
  }
}

/**
 * The one command handler every feature uses: read the stream, fold `evolve`, check the principal against
 * the record, `decide`, append with the expected revision. The events of a command carry its
 * Idempotency-Key, so a retry finds them in the stream and returns the first outcome instead of deciding
 * again: the key survives a crash between the append and the reply because it is stored with the events
 * themselves. Every event's metadata also
 * carries a hash chained to the previous event of its stream, so later tampering can be found.
 */
export class CommandPipeline {
  private readonly encoder: EventEncoder;

  constructor(
    private readonly eventStore: EventStore,
    private readonly catalog: EventCatalog,
    /** Checks the principal against the record (dealer, owner) before deciding (docs/access.md). */
    private readonly authorise: CommandAuthoriser,
    encoder?: EventEncoder,
  ) {
    this.encoder = encoder ?? new EventEncoder(catalog);
  }

  async execute<State, Cmd extends Command, Evt extends Event>(
    feature: Feature<State, Cmd, Evt>,
    command: CommandRequest<Cmd>,
    context: CommandContext,
  ): Promise<CommandResult> {
    try {
      return await this.decideAndAppend(feature, command, context);
    } catch (error) {
      const lostRace = error instanceof WrongExpectedRevisionError && context.expectedRevision === undefined;
      if (!lostRace || !feature.decidesAgainAfterLostRace) throw error;
      return this.decideAndAppend(feature, command, context);
    }
  }

  /**
   * The record check of a creation, for a handler that appends to another stream first (the phone claim
   * before a registration), so a refusal appends nothing there either.
   */
  authoriseCreation<State, Cmd extends Command, Evt extends Event>(
    feature: Feature<State, Cmd, Evt>,
    command: CommandRequest<Cmd>,
    actor: Actor,
  ): void {
    this.authorise({
      streamId: feature.streamOf(command.data),
      actor,
      scope: feature.scope(feature.decider.initialState(), command as CommandOf<Cmd>),
    });
  }

  private async decideAndAppend<State, Cmd extends Command, Evt extends Event>(
    { decider, streamOf, scope }: Feature<State, Cmd, Evt>,
    command: CommandRequest<Cmd>,
    context: CommandContext,
  ): Promise<CommandResult> {
    const streamId = streamOf(command.data);
    const history = await this.eventStore.readStream(streamId);
    const earlier = this.earlierOutcome(streamId, history, context);
    if (earlier) return earlier;

    const current = history.length ? history[history.length - 1].revision : -1;
    if (context.expectedRevision !== undefined && context.expectedRevision !== current) {
      throw new WrongExpectedRevisionError(
        streamId,
        context.expectedRevision,
        current < 0 ? 'no_stream' : current,
      );
    }
    const state = history
      .map(this.catalog.upcast)
      .reduce<State>(
        (folded, stored) => decider.evolve(folded, { type: stored.type, data: stored.data } as Evt),
        decider.initialState(),
      );
    // Refused here, before deciding, a forbidden command appends nothing (docs/access.md).
    this.authorise({ streamId, actor: context.actor, scope: scope(state, command as CommandOf<Cmd>) });
    const now = new Date(context.now).toISOString();
    const decided = decider.decide(
      { type: command.type, data: command.data, metadata: { now, actor: context.actor } } as Cmd,
      state,
    );
    if (decided.length === 0)
      return { streamId, revision: current, position: null, events: [], replayed: false };

    const toAppend = await this.encoder.encode(streamId, history[history.length - 1], decided, {
      ...context,
      now,
    });
    try {
      const appended = await this.eventStore.appendToStream(
        streamId,
        toAppend,
        current < 0 ? 'no_stream' : current,
      );
      return {
        streamId,
        revision: appended.nextExpectedRevision,
        position: appended.lastPosition,
        events: toAppend.map((event, index) => ({
          eventId: event.eventId,
          type: event.type,
          revision: current + 1 + index,
        })),
        replayed: false,
      };
    } catch (error) {
      // Two deliveries of the same request can race; the loser returns the winner's outcome.
      if (error instanceof WrongExpectedRevisionError && context.idempotencyKey) {
        const raced = this.earlierOutcome(streamId, await this.eventStore.readStream(streamId), context);
        if (raced) return raced;
      }
      throw error;
    }
  }

  private earlierOutcome(
    streamId: string,
    history: readonly StoredEvent[],
    context: CommandContext,
  ): CommandResult | undefined {
    const key = context.idempotencyKey;
    if (!key) return undefined;
    const written = history.filter((event) => event.metadata.idempotencyKey === key);
    if (written.length === 0) return undefined;
    if (written[0].metadata.requestHash !== context.requestHash)
      throw new IdempotencyKeyReused(key, streamId);
    const last = written[written.length - 1];
    return {
      streamId,
      revision: last.revision,
      position: last.globalPosition,
      events: written.map(({ eventId, type, revision }) => ({ eventId, type, revision })),
      replayed: true,
    };
  }
}
