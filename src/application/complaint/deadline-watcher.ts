import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { complaintStreamId } from '../../domain/complaint/complaint.decider';
import { APP_CONFIG, type AppConfig } from '../../infrastructure/config/app-config';
import { JsonLogger } from '../../infrastructure/logging/json-logger';
import {
  type ComplaintDetails,
  complaintDetailsProjection,
} from '../../projections/complaint-details/complaint-details.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { CLOCK, type Clock } from '../ports/clock.port';
import { WrongExpectedRevisionError } from '../ports/event-store.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import { CommandPipeline } from '../shared/command-pipeline';
import { complaintDecider } from './complaint.handlers';

const COMPLAINTS = physicalCollection(complaintDetailsProjection);
const SWEEP_LIMIT = 500;
export const DEADLINE_WATCHER_ACTOR = { userId: 'system:deadline-watcher', role: 'system', dealerId: null };

export type SweepResult = Readonly<{ checked: number; recorded: number }>;

/**
 * The reactor driven by the clock: finds complaints whose next deadline has passed and asks each to
 * record its missed deadlines (and, if the policy says so, to escalate). It keeps no state of its own.
 * Exactly one "deadline missed" event per deadline holds across restarts, overlapping sweeps and
 * rebuilds because the decider sees from the complaint's own stream which deadlines are already recorded,
 * and the command's Idempotency-Key names the deadline. The read model only tells it where to look.
 */
@Injectable()
export class DeadlineWatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SweepResult> | undefined;

  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pipeline: CommandPipeline,
    private readonly logger: JsonLogger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.runProjections || this.config.deadlineSweepMs === 0) return;
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) =>
        this.logger.entry('error', `deadline sweep failed: ${String(error)}; the next sweep retries`),
      );
    }, this.config.deadlineSweepMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass at the clock's current time; sweeps never overlap. */
  sweep(): Promise<SweepResult> {
    this.running ??= this.sweepOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async sweepOnce(): Promise<SweepResult> {
    const now = this.clock.now().toISOString();
    const due = await this.readStore.find<ComplaintDetails>(
      COMPLAINTS,
      { status: { $ne: 'closed' }, nextUnmissedDeadline: { $lt: now } },
      { sort: [['nextUnmissedDeadline', 1]], limit: SWEEP_LIMIT },
    );
    let recorded = 0;
    for (const complaint of due) {
      const key = `deadline-watcher:${complaint.complaintId}:${complaint.nextUnmissedDeadline}`;
      try {
        const result = await this.pipeline.execute(
          complaintDecider,
          complaintStreamId(complaint.complaintId),
          { type: 'RecordMissedDeadlines', data: { complaintId: complaint.complaintId } },
          { now, correlationId: key, causationId: null, actor: DEADLINE_WATCHER_ACTOR, idempotencyKey: key },
        );
        if (!result.replayed) recorded += result.events.length;
      } catch (error) {
        // Someone acted on the complaint at the same moment: the next sweep sees the new state.
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
    if (recorded > 0)
      this.logger.entry('info', `deadline sweep recorded ${recorded} event(s)`, { checked: due.length });
    return { checked: due.length, recorded };
  }
}
