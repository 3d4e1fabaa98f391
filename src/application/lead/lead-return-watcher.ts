import type { LeadCommand } from '../../domain/lead/lead.commands';
import {
  type LeadDetails,
  leadDetailsProjection,
} from '../../projections/lead-details/lead-details.projection';
import { physicalCollection } from '../../projections/shared/projection';
import type { ClockWatcher } from '../shared/clock-watcher';

const LEADS = physicalCollection(leadDetailsProjection);
const SWEEP_LIMIT = 500;
export const LEAD_RETURN_ACTOR = { userId: 'system:lead-return', role: 'system', dealerId: null };

/**
 * The leads' clock: finds leads whose running clock (acceptance, then first contact) has run out and asks
 * each to record its return to the OEM, stamped at the deadline that passed. The decider sees in the stream
 * whether a return is still due, so a repeated or overlapping sweep appends nothing; the read model only
 * tells it where to look. Sweeps with the complaint deadline watcher's interval (`deadlineSweepMs`).
 */
export const leadReturnWatcher: ClockWatcher<LeadCommand> = {
  name: 'lead return',
  interval: 'deadlineSweepMs',
  actor: LEAD_RETURN_ACTOR,
  due: async (readStore, now) => {
    const due = await readStore.find<LeadDetails>(
      LEADS,
      { nextDeadline: { $lt: now } },
      { sort: [['nextDeadline', 1]], limit: SWEEP_LIMIT },
    );
    // The key names the deadline and the revision the sweep saw: a return a late fact withdrew may fall
    // due again (on the contact clock), and recording it must not be taken for a retry of the first.
    return due.map(({ leadId, nextDeadline, revision }) => ({
      command: { type: 'ReturnOverdueLead', data: { leadId } },
      key: `lead-return:${leadId}:${String(nextDeadline)}:r${revision}`,
    }));
  },
};
