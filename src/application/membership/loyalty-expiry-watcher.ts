import { Inject, Injectable } from '@nestjs/common';
import { membershipStreamId } from '../../domain/membership/membership.decider';
import { APP_CONFIG, type AppConfig } from '../../infrastructure/config/app-config';
import { JsonLogger } from '../../infrastructure/logging/json-logger';
import {
  type LoyaltyMember,
  loyaltyMembersProjection,
} from '../../projections/loyalty-members/loyalty-members.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { CLOCK, type Clock } from '../ports/clock.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import { CommandPipeline } from '../shared/command-pipeline';
import { ClockWatcher, sendDueCommands, type SweepResult } from '../shared/periodic-sweep';
import { membershipDecider } from './membership.handlers';

const MEMBERS = physicalCollection(loyaltyMembersProjection);
const SWEEP_LIMIT = 500;
export const LOYALTY_SWEEP_ACTOR = { userId: 'system:loyalty-expiry', role: 'system', dealerId: null };

/**
 * The club's clock: finds members with something due (a lot or a voucher past its expiry, a lapse after
 * the months without a paid visit) and asks each membership to record what fell due. It keeps no state:
 * the decider sees in the stream what is already recorded and decides nothing when nothing is left, and
 * every event carries the date it took effect, so a late or repeated sweep changes no figure. The read
 * model only tells it where to look.
 */
@Injectable()
export class LoyaltyExpiryWatcher extends ClockWatcher {
  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly pipeline: CommandPipeline,
    private readonly logger: JsonLogger,
  ) {
    super(
      'loyalty expiry',
      { enabled: config.runProjections, intervalMs: config.loyaltySweepMs },
      (message) => logger.entry('error', message),
    );
  }

  protected async sweepOnce(): Promise<SweepResult> {
    const now = this.clock.now().toISOString();
    const due = await this.readStore.find<LoyaltyMember>(
      MEMBERS,
      { nextDueAt: { $lte: now } },
      { sort: [['nextDueAt', 1]], limit: SWEEP_LIMIT },
    );
    const result = await sendDueCommands(due, (member) => {
      const key = `loyalty-expiry:${member.customerId}:${member.nextDueAt}`;
      return this.pipeline.execute(
        membershipDecider,
        membershipStreamId(member.customerId),
        { type: 'ApplyDueExpiries', data: { customerId: member.customerId } },
        { now, correlationId: key, causationId: null, actor: LOYALTY_SWEEP_ACTOR, idempotencyKey: key },
      );
    });
    if (result.recorded > 0) {
      this.logger.entry('info', `loyalty expiry sweep recorded ${result.recorded} event(s)`, {
        checked: result.checked,
      });
    }
    return result;
  }
}
