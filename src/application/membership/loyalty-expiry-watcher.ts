import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { membershipStreamId } from '../../domain/membership/membership.decider';
import { APP_CONFIG, type AppConfig } from '../../infrastructure/config/app-config';
import { JsonLogger } from '../../infrastructure/logging/json-logger';
import {
  type LoyaltyMember,
  loyaltyMembersProjection,
} from '../../projections/loyalty-members/loyalty-members.projection';
import { physicalCollection } from '../../projections/shared/projection';
import { CLOCK, type Clock } from '../ports/clock.port';
import { WrongExpectedRevisionError } from '../ports/event-store.port';
import { READ_STORE, type ReadStore } from '../ports/read-store.port';
import { CommandPipeline } from '../shared/command-pipeline';
import { membershipDecider } from './membership.handlers';

const MEMBERS = physicalCollection(loyaltyMembersProjection);
const SWEEP_LIMIT = 500;
export const LOYALTY_SWEEP_ACTOR = { userId: 'system:loyalty-expiry', role: 'system', dealerId: null };

export type LoyaltySweepResult = Readonly<{ checked: number; recorded: number }>;

/**
 * The club's clock: finds members with something due (a lot or a voucher past its expiry, a lapse after
 * the months without a paid visit) and asks each membership to record what fell due. It keeps no state:
 * the decider sees in the stream what is already recorded and decides nothing when nothing is left, and
 * every event carries the date it took effect, so a late or repeated sweep changes no figure. The read
 * model only tells it where to look.
 */
@Injectable()
export class LoyaltyExpiryWatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<LoyaltySweepResult> | undefined;

  constructor(
    @Inject(READ_STORE) private readonly readStore: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly pipeline: CommandPipeline,
    private readonly logger: JsonLogger,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.loyaltySweepMs;
    if (!this.config.runProjections || every === 0) return;
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) =>
        this.logger.entry('error', `loyalty expiry sweep failed: ${String(error)}; the next sweep retries`),
      );
    }, every);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass at the clock's current time; sweeps never overlap. */
  sweep(): Promise<LoyaltySweepResult> {
    this.running ??= this.sweepOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async sweepOnce(): Promise<LoyaltySweepResult> {
    const now = this.clock.now().toISOString();
    const due = await this.readStore.find<LoyaltyMember>(
      MEMBERS,
      { nextDueAt: { $lte: now } },
      { sort: [['nextDueAt', 1]], limit: SWEEP_LIMIT },
    );
    let recorded = 0;
    for (const member of due) {
      const key = `loyalty-expiry:${member.customerId}:${member.nextDueAt}`;
      try {
        const result = await this.pipeline.execute(
          membershipDecider,
          membershipStreamId(member.customerId),
          { type: 'ApplyDueExpiries', data: { customerId: member.customerId } },
          { now, correlationId: key, causationId: null, actor: LOYALTY_SWEEP_ACTOR, idempotencyKey: key },
        );
        if (!result.replayed) recorded += result.events.length;
      } catch (error) {
        // The member acted at the same moment: the next sweep sees the new state.
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
    if (recorded > 0)
      this.logger.entry('info', `loyalty expiry sweep recorded ${recorded} event(s)`, {
        checked: due.length,
      });
    return { checked: due.length, recorded };
  }
}
