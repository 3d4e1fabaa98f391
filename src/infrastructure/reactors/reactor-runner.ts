import type { StoredEvent, Subscription } from '../../application/ports/event-store.port';
import {
  type CheckpointError,
  type LeaseFence,
  LeaseLostError,
} from '../../application/ports/read-store.port';
import { REACTOR_ACTOR, type ReactorDefinition } from '../../application/shared/reactor';
import { hitFaultPoint } from '../fault-injection';
import {
  type Lag,
  lagUnlessUnavailable,
  type RunnerDeps,
  StopAfterFailure,
  toCheckpointError,
} from '../projections/runner-support';
import {
  DEFAULT_RETRY_POLICY,
  isTransientStoreError,
  OutageRetry,
  type RetryStatus,
} from '../projections/store-retry';

export type ReactorState = 'stopped' | 'running' | 'retrying' | 'failed';

export type ReactorStatus = Readonly<{
  name: string;
  state: ReactorState;
  position: number;
  error: CheckpointError | null;
  /** While `retrying`: the attempts so far and the last store error. */
  retry: RetryStatus | null;
  /** Null while the event store does not answer. */
  lag: Lag | null;
}>;

export type ReactorRunnerOptions = Readonly<{
  batchSize?: number;
  /**
   * The lease of this reactor's work that its process holds: its checkpoint writes name it and the store
   * refuses them once another process took the lease over; the runner then stops quietly.
   */
  lease?: LeaseFence;
  /** Called when the store refused a checkpoint by the lease and the runner stopped. */
  onLeaseLost?: (runner: ReactorRunner) => void;
}>;

/**
 * Runs one reactor. Effects are exactly-once because every command it issues carries an Idempotency-Key
 * derived from the event: if the process dies after the command and before the checkpoint, the event is
 * handled again on restart and the command appends nothing the second time. The same holds for a store
 * outage: a command or checkpoint that a store did not serve (or whose answer was lost) is not the
 * reactor's fault; the runner waits out a backoff and resumes from its stored checkpoint.
 */
export class ReactorRunner {
  readonly checkpointName: string;
  private readonly handles: ReadonlySet<string>;
  private subscription: Subscription | undefined;
  private position = 0;
  private state: ReactorState = 'stopped';
  private error: CheckpointError | null = null;
  private readonly outage: OutageRetry;
  private recovery: Promise<void> = Promise.resolve();
  private readonly batchSize: number;
  private readonly lease: LeaseFence | undefined;

  /**
   * A stale owner (its lease taken over) may still run a command of an event its successor runs too: the
   * command's idempotency key, derived from the event, makes the second one append nothing.
   */
  constructor(
    private readonly deps: RunnerDeps,
    readonly definition: ReactorDefinition,
    options: number | ReactorRunnerOptions = {},
  ) {
    const {
      batchSize = 100,
      lease,
      onLeaseLost,
    } = typeof options === 'number' ? { batchSize: options } : options;
    this.batchSize = batchSize;
    this.lease = lease;
    this.onLeaseLost = onLeaseLost;
    this.checkpointName = `reactor:${definition.name}`;
    this.handles = new Set(definition.handles);
    this.outage = new OutageRetry(deps.retry ?? DEFAULT_RETRY_POLICY, deps.clock);
  }

  async start(): Promise<void> {
    if (this.state === 'running' || this.state === 'retrying') return;
    this.outage.reset();
    try {
      await this.follow();
    } catch (error) {
      if (!isTransientStoreError(error)) throw error;
      this.recovery = this.recover(error);
    }
  }

  async stop(): Promise<void> {
    this.outage.cancel();
    await this.recovery;
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    if (this.state === 'running' || this.state === 'retrying') this.state = 'stopped';
  }

  async status(): Promise<ReactorStatus> {
    return {
      name: this.definition.name,
      state: this.state,
      position: this.position,
      error: this.error,
      retry: this.state === 'retrying' ? this.outage.status : null,
      lag: await lagUnlessUnavailable(this.deps, this.position),
    };
  }

  private async follow(): Promise<void> {
    const checkpoint = await this.deps.readStore.readCheckpoint(this.checkpointName);
    if (this.outage.cancelled) return;
    this.position = checkpoint?.position ?? 0;
    this.error = null;
    this.state = this.outage.status ? 'retrying' : 'running';
    this.subscription = this.deps.eventStore.subscribeToAll({
      after: this.position,
      batchSize: this.batchSize,
      onBatch: async (batch) => {
        await this.handleBatch(batch);
        this.endOutage();
      },
      onCaughtUp: async () => {
        if (this.outage.status) await this.save('running');
        this.endOutage();
      },
      onError: (error) => {
        if (error instanceof StopAfterFailure) return;
        this.subscription = undefined;
        if (error instanceof LeaseLostError) return this.endLease(error);
        if (isTransientStoreError(error)) this.recovery = this.recover(error);
        else this.fail(error);
      },
    });
  }

  /** Backs off and resumes from the stored checkpoint until a store serves it or the runner stops. */
  private recover(error: unknown): Promise<void> {
    return this.outage.recover(error, {
      failed: (retry, delay) => {
        this.state = 'retrying';
        this.deps.log(
          'warn',
          `reactor ${this.definition.name} could not reach a store (${retry.lastError}): attempt ${retry.attempt}, resuming from its checkpoint in ${delay} ms`,
          { reactor: this.definition.name, ...retry },
        );
      },
      resume: () => this.follow(),
      fatal: (fatal) => this.fail(fatal),
    });
  }

  private endOutage(): void {
    if (!this.outage.status) return;
    this.outage.recovered();
    if (this.state === 'retrying') this.state = 'running';
    this.deps.log('info', `reactor ${this.definition.name} resumed at position ${this.position}`);
  }

  private readonly onLeaseLost: ((runner: ReactorRunner) => void) | undefined;

  private endLease(refused: LeaseLostError): void {
    this.outage.cancel();
    this.state = 'stopped';
    this.deps.log(
      'info',
      `reactor ${this.definition.name} stopped: its lease ${refused.lease.name} (epoch ${refused.lease.epoch}) was taken over by another process`,
      { reactor: this.definition.name, ...refused.lease },
    );
    this.onLeaseLost?.(this);
  }

  private fail(error: unknown): void {
    if (error instanceof LeaseLostError) return this.endLease(error);
    this.state = 'failed';
    this.deps.log('error', `reactor ${this.definition.name} stopped: ${String(error)}`);
  }

  private async handleBatch(batch: readonly StoredEvent[]): Promise<void> {
    for (const stored of batch) {
      if (stored.globalPosition <= this.position) continue;
      if (this.handles.has(stored.type)) {
        const event = this.deps.upcast(stored);
        try {
          await this.definition.react(event, {
            commandContext: (discriminator) => this.contextFor(event, discriminator),
          });
        } catch (error) {
          // The store did not serve the command: the subscription's error path retries the event.
          if (isTransientStoreError(error)) throw error;
          this.state = 'failed';
          this.error = toCheckpointError(error, stored, this.deps.clock());
          this.deps.log(
            'error',
            `reactor ${this.definition.name} stopped at position ${stored.globalPosition}`,
            {
              reactor: this.definition.name,
              ...this.error,
            },
          );
          await this.save('failed');
          throw new StopAfterFailure();
        }
        hitFaultPoint('reactor:after-command-before-checkpoint');
      }
      this.position = stored.globalPosition;
    }
    await this.save('running');
  }

  private contextFor(event: StoredEvent, discriminator = '') {
    return {
      now: event.occurredAt,
      correlationId: event.metadata.correlationId,
      causationId: event.eventId,
      actor: REACTOR_ACTOR(this.definition.name),
      idempotencyKey: `${this.checkpointName}:${event.eventId}${discriminator ? `:${discriminator}` : ''}`,
    };
  }

  private async save(status: 'running' | 'failed'): Promise<void> {
    await this.deps.readStore.writeCheckpoint(
      {
        name: this.checkpointName,
        position: this.position,
        status,
        error: this.error,
        updatedAt: this.deps.clock().toISOString(),
      },
      { lease: this.lease },
    );
  }
}
