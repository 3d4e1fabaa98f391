import {
  type OutboundMessage,
  type OutboundMessagePort,
  OUTBOX_COLLECTION,
  OUTBOX_INDEXES,
} from '../../application/ports/outbound-message.port';
import type { ReadStore } from '../../application/ports/read-store.port';

/**
 * The local outbox: each message is a document of the read store, keyed by its event id and written with
 * the event's position, so the position guard makes a second delivery of the same event a no-op. A real
 * gateway would read the pending ones due by now, send them and mark them sent or failed.
 */
export class OutboxMessageAdapter implements OutboundMessagePort {
  private ready: Promise<void> | null = null;

  constructor(
    private readonly readStore: ReadStore,
    private readonly now: () => Date,
  ) {}

  async enqueue(message: OutboundMessage, position: number): Promise<void> {
    this.ready ??= this.readStore.ensureCollection(OUTBOX_COLLECTION, OUTBOX_INDEXES);
    await this.ready;
    await this.readStore.commitBatch({
      docs: [
        {
          collection: OUTBOX_COLLECTION,
          id: message.messageId,
          value: { ...message, dealerId: message.dealerId },
          position,
        },
      ],
      checkpoint: {
        name: 'care-outbox',
        position,
        status: 'running',
        error: null,
        updatedAt: this.now().toISOString(),
      },
    });
  }
}
