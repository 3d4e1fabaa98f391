import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import type { FeatureWatcher } from '../../application/features';
import { CLOCK, type Clock } from '../../application/ports/clock.port';
import {
  PERSONAL_DATA_KEY_STORE,
  type PersonalDataKeyStore,
} from '../../application/ports/personal-data-key-store.port';
import { SealedValueOpener } from '../../application/privacy/sealed-value-opener';
import { READ_STORE, type ReadStore } from '../../application/ports/read-store.port';
import { CommandPipeline } from '../../application/shared/command-pipeline';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { type LeaseHolder, LeaseKeeper, newLeaseOwner } from '../leases/lease-keeper';
import { JsonLogger } from '../logging/json-logger';
import { PROJECTION_WORKER, type ProjectionWorkerLink } from '../workers/projection-worker-link';
import { PeriodicSweep, sendDueCommands, type SweepResult, type SweepStatus } from './periodic-sweep';

/** DI token of the watchers the runner times (the features' by default; tests may replace them). */
export const CLOCK_WATCHERS = Symbol('CLOCK_WATCHERS');

/** The lease of a clock watcher's timed sweeps. */
export const watcherLease = (name: string): string => `watcher:${name}`;

/**
 * Runs every feature's clock watcher in the processes that run projections, each watcher in one of them at
 * a time (the holder of its lease, `watcher:<name>`; another takes it over when that one dies): it sweeps
 * every interval its setting names (never when 0), never two sweeps of one watcher at once, and a running
 * sweep finishes before the application stops. Its commands are idempotent (keyed by record and due
 * time): a stale holder's last sweep beside its successor's records nothing twice. One sweep asks the watcher what is due at the clock's time and sends each
 * command through the pipeline as the watcher's actor; a record someone changed at the same moment is left
 * for the next sweep.
 */
@Injectable()
export class ClockWatcherRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly sweeps: ReadonlyMap<string, Readonly<{ watcher: FeatureWatcher; sweep: PeriodicSweep }>>;
  private readonly sealed: SealedValueOpener;
  private keeper: LeaseKeeper | undefined;

  constructor(
    @Inject(CLOCK_WATCHERS) watchers: readonly FeatureWatcher[],
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pipeline: CommandPipeline,
    private readonly logger: JsonLogger,
    @Inject(PERSONAL_DATA_KEY_STORE) keyStore: PersonalDataKeyStore,
    @Optional() @Inject(PROJECTION_WORKER) private readonly worker: ProjectionWorkerLink | null = null,
  ) {
    this.sealed = new SealedValueOpener(keyStore);
    this.sweeps = new Map(
      watchers.map((entry) => {
        const { name } = entry.watcher;
        const sweep = new PeriodicSweep(
          name,
          () => this.sweepOnce(entry),
          (message) => logger.entry('error', message),
        );
        return [name, { watcher: entry, sweep }];
      }),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.runProjections) return;
    const timed = [...this.sweeps.values()].filter(
      ({ watcher }) => this.config[watcher.watcher.interval] > 0,
    );
    if (timed.length === 0) return;
    this.keeper = new LeaseKeeper(
      this.readStore,
      {
        scope: 'watchers',
        owner: newLeaseOwner(),
        leaseMs: this.config.leaseMs,
        log: (level, message, fields) => this.logger.entry(level, message, fields ?? {}),
      },
      timed.map(({ watcher, sweep }) => ({
        name: watcherLease(sweep.name),
        start: async () => sweep.start(this.config[watcher.watcher.interval]),
        stop: () => sweep.stop(),
      })),
    );
    await this.keeper.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.keeper?.stop();
    await Promise.all([...this.sweeps.values()].map(({ sweep }) => sweep.stop()));
  }

  /** One pass of the named watcher at the clock's current time; joins the one under way, if any. */
  sweep(name: string): Promise<SweepResult> {
    const entry = this.sweeps.get(name);
    if (!entry)
      throw new Error(`no clock watcher named ${name}: known are ${[...this.sweeps.keys()].join(', ')}`);
    return entry.sweep.run();
  }

  /** For /health: each watcher's last sweep (wall clock), what it did, and its last failure. */
  statuses(): Array<SweepStatus & Readonly<{ owner: LeaseHolder | null }>> {
    // In an API whose projection worker runs the watchers: as the worker last reported them.
    if (this.worker) return [...this.worker.watcherStatuses()];
    return [...this.sweeps.values()].map(({ sweep }) => ({
      ...sweep.status(),
      owner: this.keeper?.holder(watcherLease(sweep.name)) ?? null,
    }));
  }

  private async sweepOnce({ feature, watcher }: FeatureWatcher): Promise<SweepResult> {
    const now = this.clock.now().toISOString();
    const due = await watcher.due(this.readStore, now, { sealed: this.sealed });
    const result = await sendDueCommands(due, ({ command, key }) =>
      this.pipeline.execute(feature, command, {
        now,
        correlationId: key,
        causationId: null,
        actor: watcher.actor,
        idempotencyKey: key,
      }),
    );
    if (result.recorded > 0)
      this.logger.entry('info', `${watcher.name} sweep recorded ${result.recorded} event(s)`, {
        checked: result.checked,
      });
    return result;
  }
}
