import type { CareGreetingCommand } from '../../domain/care-greeting/care-greeting.commands';
import {
  type CareGreetingLine,
  careGreetingsProjection,
} from '../../projections/care-greetings/care-greetings.projection';
import { physicalCollection } from '../../projections/shared/projection';
import type { ClockWatcher } from '../shared/clock-watcher';

const GREETINGS = physicalCollection(careGreetingsProjection);
const SWEEP_LIMIT = 500;
export const GREETING_SEND_ACTOR = { userId: 'system:greeting-send', role: 'system', dealerId: null };

/**
 * The greetings' clock: each scheduled greeting whose send instant has come is sent, dated at that instant
 * (`CareGreetingSent.sentAt`). The decider sends a greeting once, so an overlapping sweep appends nothing.
 */
export const careGreetingSendWatcher: ClockWatcher<CareGreetingCommand> = {
  name: 'greeting send',
  interval: 'deadlineSweepMs',
  actor: GREETING_SEND_ACTOR,
  due: async (readStore, now) => {
    const due = await readStore.find<CareGreetingLine>(
      GREETINGS,
      { status: 'scheduled', sendAt: { $lte: now } },
      { sort: [['sendAt', 1]], limit: SWEEP_LIMIT },
    );
    return due.map(({ greetingId }) => ({
      command: { type: 'SendCareGreeting', data: { greetingId } },
      key: `greeting-send:${greetingId}`,
    }));
  },
};
