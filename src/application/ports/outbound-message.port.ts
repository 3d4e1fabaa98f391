import type { MessageChannel } from '../../domain/care-consent/care-consent';

export const OUTBOUND_MESSAGES = Symbol('OUTBOUND_MESSAGES');

/**
 * `pending`: waiting for a gateway (not before `sendAt`); `withheld`: never to be sent (the customer was
 * forgotten before it went out); `sent`, `failed`: what a gateway reports back (none is plugged in yet).
 */
export const OUTBOX_STATUSES = ['pending', 'withheld', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * A care message on its way out. It names the recipient by customer id and channel, never by phone number
 * or WeChat account: a gateway resolves the address from the customer's protected record when it sends,
 * so the outbox holds no personal data and a forgotten customer's address cannot be resolved at all.
 */
export type OutboundMessage = Readonly<{
  /**
   * The id of the `CareTaskMessageQueued` event, or `greeting-<greetingId>-<customerId>` for a holiday
   * greeting: a second delivery of the same message changes nothing.
   */
  messageId: string;
  dealerId: string;
  /** The care task it is about, or `greeting-<greetingId>` for a holiday greeting. */
  taskId: string;
  recipient: Readonly<{ customerId: string; channel: MessageChannel }>;
  templateId: string;
  queuedAt: string;
  sendAt: string;
  status: OutboxStatus;
  /** Why it is withheld; null otherwise. */
  reason: string | null;
}>;

/** Where care messages go: the local outbox now (a read-store collection), a real SMS/WeChat gateway later. */
export interface OutboundMessagePort {
  /** At least once: the same `messageId` again is a no-op. `position` is the event's global position. */
  enqueue(message: OutboundMessage, position: number): Promise<void>;
}

/** The outbox collection the local adapter writes and `GET /care/outbox` reads. */
export const OUTBOX_COLLECTION = 'care_outbox';
export const OUTBOX_INDEXES = [['dealerId', 'status', 'sendAt'], ['taskId']] as const;
