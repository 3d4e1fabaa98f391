import type { StoredEvent, Subscription } from '../../application/ports/event-store.port';
import type { CheckpointError } from '../../application/ports/read-store.port';
import { REACTOR_ACTOR, type ReactorDefinition } from '../../application/shared/reactor';
import { hitFaultPoint } from '../fault-injection';
import {
  lagOf,
  type Lag,
  type RunnerDeps,
  StopAfterFailure,
  toCheckpointError,
} from '../projections/runner-support';

export type ReactorStatus = Readonly<{
  name: string;
  state: 'stopped' | 'running' | 'failed';
  position: number;
  error: CheckpointError | null;
  lag: Lag;
}>;

/**
 * Runs one reactor. Effects are exactly-once because every command it issues carries an Idempotency-Key
 * derived from the event: if the process dies after the command and before the checkpoint, the event is
 * handled again on restart and the command appends nothing the second time.
 */
export class ReactorRunner {
  readonly checkpointName: string;
  private readonly handles: ReadonlySet<string>;
  private subscription: Subscription | undefined;
  private position = 0;
  private state: ReactorStatus['state'] = 'stopped';
  private error: CheckpointError | null = null;

  constructor(
    private readonly deps: RunnerDeps,
    readonly definition: ReactorDefinition,
    private readonly batchSize = 100,
  ) {
    this.checkpointName = `reactor:${definition.name}`;
    this.handles = new Set(definition.handles);
  }

  async start(): Promise<void> {
    if (this.state === 'running') return;
    const checkpoint = await this.deps.readStore.readCheckpoint(this.checkpointName);
    this.position = checkpoint?.position ?? 0;
    this.error = null;
    this.state = 'running';
    this.subscription = this.deps.eventStore.subscribeToAll({
      after: this.position,
      batchSize: this.batchSize,
      onBatch: (batch) => this.handleBatch(batch),
      onError: (error) => {
        if (error instanceof StopAfterFailure) return;
        this.state = 'failed';
        this.deps.log('error', `reactor ${this.definition.name} stopped: ${String(error)}`);
      },
    });
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
    if (this.state === 'running') this.state = 'stopped';
  }

  async status(): Promise<ReactorStatus> {
    return {
      name: this.definition.name,
      state: this.state,
      position: this.position,
      error: this.error,
      lag: await lagOf(this.deps, this.position),
    };
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
