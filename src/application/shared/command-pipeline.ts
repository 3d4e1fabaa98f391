import { DomainError } from '../../domain/shared/domain-error';
import type { Actor, Command, Decider, Event } from '../../domain/shared/event';
import { type EventStore, type StoredEvent, WrongExpectedRevisionError } from '../ports/event-store.port';
import { AccessError } from '../access/access-errors';
import type { CommandAuthoriser } from '../access/command-authoriser';
import type { CommandContext, CommandResult } from './command-context';
import type { EventCatalog } from './event-catalog';
import { EventEncoder } from './event-encoder';
import type { CommandOf, Feature } from './feature';

/** A record as its stream folds, with the revision of its last event (-1: no stream). */
export type FoldedRecord<State> = Readonly<{ state: State; revision: number }>;

type CommandRequest<Cmd extends Command> = Readonly<{ type: Cmd['type']; data: Cmd['data'] }>;

/**
 * Decisions of a command that keeps losing the race on its stream (no If-Match) before its 409: other
 * commands that read the stream at the same revision can land first, several in one group commit.
 */
export const LOST_RACE_DECISIONS = 5;

/** Per call: decide again after a lost race although the feature does not (a touch that any state takes). */
export type ExecuteOptions = Readonly<{ decideAgainAfterLostRace?: boolean }>;

/** What became of one command, for the metrics (an observer must not throw). */
export type CommandObservation = Readonly<{
  type: string;
  /** appended; unchanged (nothing to append); replayed (an Idempotency-Key retry); refused (a domain or
   * access code); conflict (a lost race or a stale If-Match); failed (anything else, e.g. a store down). */
  outcome: 'appended' | 'unchanged' | 'replayed' | 'refused' | 'conflict' | 'failed';
  /** The refusal's domain code. */
  code?: string;
  events: number;
  seconds: number;
}>;
export type CommandObserver = (observation: CommandObservation) => void;

const outcomeOf = (result: CommandResult): CommandObservation['outcome'] =>
  result.replayed ? 'replayed' : result.events.length === 0 ? 'unchanged' : 'appended';

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
    private readonly observe: CommandObserver = () => undefined,
  ) {
    this.encoder = encoder ?? new EventEncoder(catalog);
  }

  async execute<State, Cmd extends Command, Evt extends Event>(
    feature: Feature<State, Cmd, Evt>,
    command: CommandRequest<Cmd>,
    context: CommandContext,
    options: ExecuteOptions = {},
  ): Promise<CommandResult> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    const decideAgain = options.decideAgainAfterLostRace ?? feature.decidesAgainAfterLostRace ?? false;
    try {
      const result = await this.decideUntilLanded(feature, command, context, decideAgain);
      const outcome = outcomeOf(result);
      // A replay answers with the first outcome's events, which were appended then, not now.
      const events = outcome === 'appended' ? result.events.length : 0;
      this.observe({ type: command.type, outcome, events, seconds: seconds() });
      return result;
    } catch (error) {
      const refused = error instanceof DomainError || error instanceof AccessError;
      const outcome =
        error instanceof WrongExpectedRevisionError ? 'conflict' : refused ? 'refused' : 'failed';
      const code = refused ? error.code : undefined;
      this.observe({ type: command.type, outcome, code, events: 0, seconds: seconds() });
      throw error;
    }
  }

  /** Decided again on the new state after a lost race, when it may be, up to LOST_RACE_DECISIONS in all. */
  private async decideUntilLanded<State, Cmd extends Command, Evt extends Event>(
    feature: Feature<State, Cmd, Evt>,
    command: CommandRequest<Cmd>,
    context: CommandContext,
    decideAgain: boolean,
  ): Promise<CommandResult> {
    for (let decision = 1; ; decision += 1) {
      try {
        return await this.decideAndAppend(feature, command, context);
      } catch (error) {
        const lostRace =
          error instanceof WrongExpectedRevisionError && context.expectedRevision === undefined;
        if (!lostRace || !decideAgain || decision >= LOST_RACE_DECISIONS) throw error;
      }
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

  /** A record as its stream folds now: for an answer that names what a command acted on (a prospect's owner). */
  async currentState<State, Cmd extends Command, Evt extends Event>(
    { decider }: Feature<State, Cmd, Evt>,
    streamId: string,
  ): Promise<State> {
    return this.fold(decider, await this.eventStore.readStream(streamId));
  }

  /**
   * The command decided on its record as it stands, appending nothing: its refusal (a domain error, a
   * 403, a stale If-Match) is thrown; it answers the record's folded state, or null for a retry of an
   * earlier request (its first attempt did whatever came before it). For a handler that appends to another
   * stream first (the card claim before a membership command), so that a command refused here appends
   * nothing there either. A race between this check and the command itself can still refuse it.
   */
  async check<State, Cmd extends Command, Evt extends Event>(
    feature: Feature<State, Cmd, Evt>,
    command: CommandRequest<Cmd>,
    context: CommandContext,
  ): Promise<State | null> {
    return (await this.checkAt(feature, command, context))?.state ?? null;
  }

  /**
   * `check`, with the revision the command was decided on (-1: no stream): a handler that appends to
   * another stream first can pin the command to that revision (`expectedRevision`), so the command lands
   * at the next revision or not at all (the VIN claim before an allocation).
   */
  async checkAt<State, Cmd extends Command, Evt extends Event>(
    feature: Feature<State, Cmd, Evt>,
    command: CommandRequest<Cmd>,
    context: CommandContext,
  ): Promise<FoldedRecord<State> | null> {
    const { earlier, state, current } = await this.decision(feature, command, context);
    return earlier ? null : { state: state as State, revision: current };
  }

  /**
   * A stream as `fold` (a decider's, or any fold of its events) folds it now, with the revision of its last
   * event (-1: no stream): for a handler that reads another record (the holder of a VIN).
   */
  async currentRecord<State, Evt extends Event>(
    fold: Pick<Decider<State, Command, Evt>, 'initialState' | 'evolve'>,
    streamId: string,
  ): Promise<FoldedRecord<State>> {
    const history = await this.eventStore.readStream(streamId);
    const revision = history.length ? history[history.length - 1].revision : -1;
    const state = history
      .map(this.catalog.upcast)
      .reduce<State>(
        (folded, stored) => fold.evolve(folded, { type: stored.type, data: stored.data } as Evt),
        fold.initialState(),
      );
    return { state, revision };
  }

  /** Reads, authorises and decides; `earlier` when the request's key has an outcome already. */
  private async decision<State, Cmd extends Command, Evt extends Event>(
    feature: Feature<State, Cmd, Evt>,
    command: CommandRequest<Cmd>,
    context: CommandContext,
  ) {
    const { decider, streamOf } = feature;
    const streamId = streamOf(command.data);
    const history = await this.eventStore.readStream(streamId);
    const earlier = this.earlierOutcome(feature, command, context, streamId, history);
    if (earlier)
      return { streamId, history, earlier, state: null, current: -1, now: '', decided: [] as Evt[] };

    // Refused here, before deciding (and before If-Match), a forbidden command appends nothing and
    // learns nothing of the record (docs/access.md).
    const state = this.fold(decider, history);
    this.authoriseOn(feature, command, context, streamId, state);
    const current = history.length ? history[history.length - 1].revision : -1;
    if (context.expectedRevision !== undefined && context.expectedRevision !== current) {
      throw new WrongExpectedRevisionError(
        streamId,
        context.expectedRevision,
        current < 0 ? 'no_stream' : current,
      );
    }
    const now = new Date(context.now).toISOString();
    const decided = decider.decide(
      { type: command.type, data: command.data, metadata: { now, actor: context.actor } } as Cmd,
      state,
    );
    return { streamId, history, earlier: undefined, state, current, now, decided };
  }

  private async decideAndAppend<State, Cmd extends Command, Evt extends Event>(
    feature: Feature<State, Cmd, Evt>,
    command: CommandRequest<Cmd>,
    context: CommandContext,
  ): Promise<CommandResult> {
    const { streamId, history, earlier, current, now, decided } = await this.decision(
      feature,
      command,
      context,
    );
    if (earlier) return earlier;
    if (decided.length === 0)
      return { streamId, revision: current, position: null, events: [], replayed: false };

    const toAppend = await this.encoder.encode(
      streamId,
      history[history.length - 1],
      decided,
      { ...context, now },
      feature.businessTimeOf as ((event: Event) => string | null) | undefined,
    );
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
        const raced = await this.eventStore.readStream(streamId);
        const outcome = this.earlierOutcome(feature, command, context, streamId, raced);
        if (outcome) return outcome;
      }
      throw error;
    }
  }

  private fold<State, Cmd extends Command, Evt extends Event>(
    decider: Feature<State, Cmd, Evt>['decider'],
    history: readonly StoredEvent[],
    from: State = decider.initialState(),
  ): State {
    return history
      .map(this.catalog.upcast)
      .reduce<State>(
        (folded, stored) => decider.evolve(folded, { type: stored.type, data: stored.data } as Evt),
        from,
      );
  }

  private authoriseOn<State, Cmd extends Command, Evt extends Event>(
    { scope }: Feature<State, Cmd, Evt>,
    command: CommandRequest<Cmd>,
    context: CommandContext,
    streamId: string,
    state: State,
  ): void {
    this.authorise({ streamId, actor: context.actor, scope: scope(state, command as CommandOf<Cmd>) });
  }

  /**
   * The first outcome of this request's Idempotency-Key, once the principal is checked. A true retry
   * (same principal, same request) is checked against the record as its first attempt found it, so it
   * replays after the record moved on (a transfer to another dealer) and a retried creation replays too.
   * Any other request with the key is checked against the record as it is now, like a new command: a
   * principal of another dealer gets its 403 and never learns that the key was used there.
   */
  private earlierOutcome<State, Cmd extends Command, Evt extends Event>(
    feature: Feature<State, Cmd, Evt>,
    command: CommandRequest<Cmd>,
    context: CommandContext,
    streamId: string,
    history: readonly StoredEvent[],
  ): CommandResult | undefined {
    const key = context.idempotencyKey;
    if (!key) return undefined;
    const first = history.findIndex((event) => event.metadata.idempotencyKey === key);
    if (first < 0) return undefined;
    const sameRequest = history[first].metadata.requestHash === context.requestHash;
    const asFirstFound = this.fold(feature.decider, history.slice(0, first));
    const checkedOn = sameRequest
      ? asFirstFound
      : this.fold(feature.decider, history.slice(first), asFirstFound);
    this.authoriseOn(feature, command, context, streamId, checkedOn);
    if (!sameRequest) throw new IdempotencyKeyReused(key, streamId);
    const written = history.filter((event) => event.metadata.idempotencyKey === key);
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
