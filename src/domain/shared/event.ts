/**
 * A domain event as a decider sees it: a past-tense fact with a stable type name and a payload.
 * The envelope (ids, positions, times, actor) is added by the infrastructure when it is stored.
 */
export type Event<Type extends string = string, Data extends object = Record<string, unknown>> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

/** A command as a decider sees it. `metadata.now` is the business time of the command (ISO 8601). */
export type Command<Type extends string = string, Data extends object = Record<string, unknown>> = Readonly<{
  type: Type;
  data: Readonly<Data>;
  metadata: CommandMetadata;
}>;

export type CommandMetadata = Readonly<{
  /** Business time of the command, ISO 8601 with offset. Deciders never read the wall clock. */
  now: string;
  /** Who issues it: deciders may check roles, never authenticate. */
  actor: Actor;
}>;

export type Actor = Readonly<{
  userId: string;
  role: string;
  dealerId: string | null;
}>;

/**
 * Pure decision logic of one aggregate (Emmett / Chassaing's decider).
 * `decide` throws a DomainError when the state forbids the command; it never performs I/O.
 */
export type Decider<State, Cmd extends Command, Evt extends Event> = Readonly<{
  decide: (command: Cmd, state: State) => readonly Evt[];
  evolve: (state: State, event: Evt) => State;
  initialState: () => State;
}>;

/** Turns the data of an event's schema version `n` into version `n + 1` (a pure function of the data). */
export type Upcaster = (data: Readonly<Record<string, unknown>>) => Record<string, unknown>;

/** Per event type, its upcasters keyed by the version they upgrade from. */
export type EventUpcasters<Type extends string = string> = {
  readonly [T in Type]?: Readonly<Record<number, Upcaster>>;
};
