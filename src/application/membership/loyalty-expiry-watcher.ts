import type { MembershipCommand } from '../../domain/membership/membership.commands';
import {
  type LoyaltyMember,
  loyaltyMembersProjection,
} from '../../projections/loyalty-members/loyalty-members.projection';
import { physicalCollection } from '../../projections/shared/projection';
import type { ClockWatcher } from '../shared/clock-watcher';

const MEMBERS = physicalCollection(loyaltyMembersProjection);
const SWEEP_LIMIT = 500;
export const LOYALTY_SWEEP_ACTOR = { userId: 'system:loyalty-expiry', role: 'system', dealerId: null };

/**
 * The club's clock: finds members with something due (a lot or a voucher past its expiry, a lapse after
 * the months without a paid visit) and asks each membership to record what fell due. The decider sees in
 * the stream what is already recorded and decides nothing when nothing is left, and every event carries
 * the date it took effect, so a late or repeated sweep changes no figure. The read model only tells it
 * where to look.
 */
export const loyaltyExpiryWatcher: ClockWatcher<MembershipCommand> = {
  name: 'loyalty expiry',
  interval: 'loyaltySweepMs',
  actor: LOYALTY_SWEEP_ACTOR,
  due: async (readStore, now) => {
    const due = await readStore.find<LoyaltyMember>(
      MEMBERS,
      { nextDueAt: { $lte: now } },
      { sort: [['nextDueAt', 1]], limit: SWEEP_LIMIT },
    );
    // The key names what fell due and the revision the sweep saw: an expiry or a lapse that a late fact
    // withdrew can fall due again, and its second recording must not be taken for a retry of the first.
    return due.map(({ customerId, nextDueAt, revision }) => ({
      command: { type: 'ApplyDueExpiries', data: { customerId } },
      key: `loyalty-expiry:${customerId}:${nextDueAt}:r${revision}`,
    }));
  },
};
