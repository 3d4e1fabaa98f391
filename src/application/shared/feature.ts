import type { Command, Decider, Event, EventUpcasters } from '../../domain/shared/event';
import type { PersonalDataDeclaration } from '../../domain/shared/personal-data';
import type { AnyProjection } from '../../projections/shared/projection';
import type { RecordScope } from '../access/command-authoriser';
import type { OutboundMessagePort } from '../ports/outbound-message.port';
import type { ReadStore } from '../ports/read-store.port';
import type { ContactHasher } from '../privacy/contact-hasher';
import type { ClockWatcher } from './clock-watcher';
import type { CommandPipeline } from './command-pipeline';
import type { Kpi } from './kpi';
import type { ReactorDefinition } from './reactor';

/** A command as it reaches the pipeline: the decider's command without the metadata the pipeline adds. */
export type CommandOf<Cmd extends Command> = Cmd extends Command
  ? Readonly<{ type: Cmd['type']; data: Cmd['data'] }>
  : never;

/**
 * What reactors are given: the pipeline, the blind index of phones and plates (customer-index), the
 * outbound message port (care messages' outbox) and the read store.
 */
export type FeatureDeps = Readonly<{
  pipeline: CommandPipeline;
  contactHasher: ContactHasher;
  outbound: OutboundMessagePort;
  /** Read models a reactor reads (the holiday greetings' audience). */
  readStore: ReadStore;
}>;

/**
 * Everything the rest of the system needs to know about one kind of stream, declared once beside its use
 * cases: how its commands are decided and authorised, which events it writes, and what reads them
 * (projections), reacts to them (reactors), watches the clock for it (watchers) and reports on it (KPIs).
 * `FEATURES` (src/application/features.ts) gathers them; nothing else lists these.
 */
export type Feature<State, Cmd extends Command, Evt extends Event> = Readonly<{
  name: string;
  /** The stream category, the part of the stream id before the first hyphen (`repairorder`). */
  category: string;
  decider: Decider<State, Cmd, Evt>;
  /** The stream a command acts on, from the ids it carries. */
  streamOf: (data: Cmd['data']) => string;
  /** Every event type the decider writes, with its current schema version. */
  eventTypes: Readonly<Record<Evt['type'], number>>;
  /** The fields of each event type that hold personal data, and whose (docs/privacy.md). */
  personalData?: { readonly [Type in Evt['type']]?: PersonalDataDeclaration };
  /** Upcasters of schema changes other than protecting personal data, by type and version upgraded from. */
  upcasters?: EventUpcasters<Evt['type']>;
  /**
   * What a principal's command acts on: the record's dealer, its owner, where it hands the record. The
   * command authoriser checks the principal against it before deciding (docs/access.md).
   */
  scope: (state: State, command: CommandOf<Cmd>) => RecordScope;
  /**
   * A lost race on the stream (another command landed first, no If-Match) is decided again on the new
   * state, so the loser gets the real answer rather than a bare 409; the fifth lost race in a row
   * (`LOST_RACE_DECISIONS`) is a 409.
   */
  decidesAgainAfterLostRace?: boolean;
  /**
   * The business time of an automatic decision (a deadline missed, an expiry, a lapse): the time it fell
   * due, which its stored `occurredAt` carries instead of the command's, so a replay "as of" a date sees
   * it exactly when it took effect (docs/architecture.md, "Business time decides"). Null for other events.
   */
  businessTimeOf?: (event: Evt) => string | null;
  projections?: readonly AnyProjection[];
  reactors?: (deps: FeatureDeps) => readonly ReactorDefinition[];
  watchers?: readonly ClockWatcher<Cmd>[];
  /** The KPIs `crm kpi` reads, by name. */
  kpis?: Readonly<Record<string, Kpi>>;
}>;

/** Type-erased form kept in the list of features. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- variance: the list holds features of many deciders
export type AnyFeature = Feature<any, any, any>;
