import { Inject, Injectable } from '@nestjs/common';
import { complaintStreamId } from '../../domain/complaint/complaint.decider';
import { APP_CONFIG, type AppConfig } from '../../infrastructure/config/app-config';
import { JsonLogger } from '../../infrastructure/logging/json-logger';
import {
  type ComplaintDetails,
  complaintDetailsProjection,
} from '../../projections/complaint-details/complaint-details.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { CLOCK, type Clock } from '../ports/clock.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import { CommandPipeline } from '../shared/command-pipeline';
import { ClockWatcher, sendDueCommands, type SweepResult } from '../shared/periodic-sweep';
import { complaintDecider } from './complaint.handlers';

const COMPLAINTS = physicalCollection(complaintDetailsProjection);
const SWEEP_LIMIT = 500;
export const DEADLINE_WATCHER_ACTOR = { userId: 'system:deadline-watcher', role: 'system', dealerId: null };

/**
 * The reactor driven by the clock: finds complaints whose next deadline has passed and asks each to
 * record its missed deadlines (and, if the policy says so, to escalate). It keeps no state of its own.
 * Exactly one "deadline missed" event per deadline holds across restarts, overlapping sweeps and
 * rebuilds because the decider sees from the complaint's own stream which deadlines are already recorded,
 * and the command's Idempotency-Key names the deadline. The read model only tells it where to look.
 */
@Injectable()
export class DeadlineWatcher extends ClockWatcher {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly pipeline: CommandPipeline,
    private readonly logger: JsonLogger,
  ) {
    super(
      'complaint deadline',
      { enabled: config.runProjections, intervalMs: config.deadlineSweepMs },
      (message) => logger.entry('error', message),
    );
  }

  protected async sweepOnce(): Promise<SweepResult> {
    const now = this.clock.now().toISOString();
    const due = await this.readStore.find<ComplaintDetails>(
      COMPLAINTS,
      { status: { $ne: 'closed' }, nextUnmissedDeadline: { $lt: now } },
      { sort: [['nextUnmissedDeadline', 1]], limit: SWEEP_LIMIT },
    );
    const result = await sendDueCommands(due, (complaint) => {
      const key = `deadline-watcher:${complaint.complaintId}:${complaint.nextUnmissedDeadline}`;
      return this.pipeline.execute(
        complaintDecider,
        complaintStreamId(complaint.complaintId),
        { type: 'RecordMissedDeadlines', data: { complaintId: complaint.complaintId } },
        { now, correlationId: key, causationId: null, actor: DEADLINE_WATCHER_ACTOR, idempotencyKey: key },
      );
    });
    if (result.recorded > 0) {
      this.logger.entry('info', `deadline sweep recorded ${result.recorded} event(s)`, {
        checked: result.checked,
      });
    }
    return result;
  }
}
