import type { Actor, Command } from '../../domain/shared/event';
import type { ReadStore } from '../ports/read-store.port';
import type { SealedValueOpener } from '../privacy/sealed-value-opener';
import type { CommandOf } from './feature';

/** How often each watcher sweeps, in milliseconds (0: never); the configuration provides them. */
export type SweepIntervals = Readonly<{ deadlineSweepMs: number; loyaltySweepMs: number }>;

/** A record the clock has caught up with: the command that records what fell due, and its Idempotency-Key. */
export type DueCommand<Cmd extends Command> = Readonly<{ command: CommandOf<Cmd>; key: string }>;

/**
 * What a watcher may use besides the read store: the opener of sealed personal values, for the one that must
 * read a sealed field to know what is due (the birthday watcher). A forgotten subject's value opens to null.
 */
export type WatcherPorts = Readonly<{ sealed: SealedValueOpener }>;

/**
 * A clock-driven watcher, declared by its feature: which records are due at `now`, and what to send each.
 * It keeps no state of its own: a read model tells it where to look, and the decider sees from the stream
 * what is already recorded, so a restart, an overlapping sweep or a rebuild records nothing twice; the key
 * names what fell due, so a repeated command appends nothing. The runner in the infrastructure times the
 * sweeps, sends the commands through the pipeline as `actor`, and reports each watcher on /health.
 */
export type ClockWatcher<Cmd extends Command = Command> = Readonly<{
  /** Shown on /health and in the logs. */
  name: string;
  interval: keyof SweepIntervals;
  /** A system actor (role `system`), not a principal. */
  actor: Actor;
  due: (readStore: ReadStore, now: string, ports: WatcherPorts) => Promise<readonly DueCommand<Cmd>[]>;
}>;
