import type { ComplaintCommand } from '../../domain/complaint/complaint.commands';
import {
  type ComplaintDetails,
  complaintDetailsProjection,
} from '../../projections/complaint-details/complaint-details.projection';
import { physicalCollection } from '../../projections/shared/projection';
import type { ClockWatcher } from '../shared/clock-watcher';

const COMPLAINTS = physicalCollection(complaintDetailsProjection);
const SWEEP_LIMIT = 500;
export const DEADLINE_WATCHER_ACTOR = { userId: 'system:deadline-watcher', role: 'system', dealerId: null };

/**
 * The reactor driven by the clock: finds complaints whose next deadline has passed and asks each to
 * record its missed deadlines (and, if the policy says so, to escalate). Exactly one "deadline missed"
 * event per deadline holds across restarts, overlapping sweeps and rebuilds because the decider sees from
 * the complaint's own stream which deadlines are already recorded, and the command's Idempotency-Key names
 * the deadline. The read model only tells it where to look.
 */
export const deadlineWatcher: ClockWatcher<ComplaintCommand> = {
  name: 'complaint deadline',
  interval: 'deadlineSweepMs',
  actor: DEADLINE_WATCHER_ACTOR,
  due: async (readStore, now) => {
    const due = await readStore.find<ComplaintDetails>(
      COMPLAINTS,
      { status: { $ne: 'closed' }, nextUnmissedDeadline: { $lt: now } },
      { sort: [['nextUnmissedDeadline', 1]], limit: SWEEP_LIMIT },
    );
    // The key names the deadline and the revision the sweep saw: a deadline that a late fact withdrew can
    // fall due again, and its second recording must not be taken for a retry of the first.
    return due.map(({ complaintId, nextUnmissedDeadline, revision }) => ({
      command: { type: 'RecordMissedDeadlines', data: { complaintId } },
      key: `deadline-watcher:${complaintId}:${nextUnmissedDeadline}:r${revision}`,
    }));
  },
};
