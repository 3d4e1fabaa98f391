import type { CareTaskMessageQueued } from '../../domain/care-task/care-task.events';
import { dataSubjectStreamId } from '../../domain/privacy/privacy.events';
import type { OutboundMessagePort } from '../ports/outbound-message.port';
import type { CommandPipeline } from '../shared/command-pipeline';
import type { ReactorDefinition } from '../shared/reactor';
import { dataSubjectFeature } from '../privacy/data-subject.feature';

export const CARE_MESSAGE_OUTBOX_REACTOR = 'care-message-outbox';

/**
 * Hands every queued care message to the outbound port (at least once; the port keys it by the event id).
 * The customer is checked once more when it is handed over: one forgotten since it was queued is withheld,
 * so nothing goes out to a forgotten customer even from the queue.
 */
export const createCareMessageOutboxReactor = (
  pipeline: CommandPipeline,
  outbound: OutboundMessagePort,
): ReactorDefinition => ({
  name: CARE_MESSAGE_OUTBOX_REACTOR,
  handles: ['CareTaskMessageQueued'],
  react: async (event) => {
    const data = event.data as CareTaskMessageQueued['data'];
    const subject = await pipeline.currentState(dataSubjectFeature, dataSubjectStreamId(data.customerId));
    const forgotten = subject.status === 'forgotten';
    await outbound.enqueue(
      {
        messageId: event.eventId,
        dealerId: data.dealerId,
        taskId: data.taskId,
        recipient: { customerId: data.customerId, channel: data.channel },
        templateId: data.templateId,
        queuedAt: data.queuedAt,
        sendAt: data.sendAt,
        status: forgotten ? 'withheld' : 'pending',
        reason: forgotten ? 'customer-forgotten' : null,
      },
      event.globalPosition,
    );
  },
});
