import type { StoredEvent, Subscription } from '../../application/ports/event-store.port';
import type { CheckpointError } from '../../application/ports/read-store.port';
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

  constructor(
    private readonly deps: RunnerDeps,
    readonly definition: ReactorDefinition,
    private readonly batchSize = 100,
  ) {
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

  private fail(error: unknown): void {
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
    await this.deps.readStore.writeCheckpoint({
      name: this.checkpointName,
      position: this.position,
      status,
      error: this.error,
      updatedAt: this.deps.clock().toISOString(),
    });
  }
}
