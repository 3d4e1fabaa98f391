import type { ReadStore } from '../ports/read-store.port';
import type { WebhookDisableReason } from '../../domain/webhook/webhook-subscription.events';
import type { CloudEvent } from './integration-event';

/** The delivery reactor's own collections (not projections: a read-model rebuild never touches them). */
export const SUBSCRIPTIONS = 'webhook_subscriptions';
export const DELIVERIES = 'webhook_deliveries';

/** A subscription as the delivery reactor last folded it; the sealed secret never leaves the server. */
export type WebhookSubscriptionDoc = {
  subscriptionId: string;
  url: string;
  types: string[];
  dealerId: string | null;
  sealedSecret: string;
  status: 'active' | 'disabled';
  disabledReason: WebhookDisableReason | null;
  subscribedAt: string;
  /** Events after this position are delivered to it. */
  subscribedPosition: number;
  updatedAt: string;
};

export type DeliveryAttempt = {
  at: string;
  /** The receiver's HTTP status; null when it did not answer. */
  status: number | null;
  error: string | null;
};

export type DeliveryStatus = 'pending' | 'delivered' | 'dead';

export type WebhookDeliveryDoc = {
  /** `<subscriptionId>:<eventId>`. */
  id: string;
  /** The CloudEvent id, sent as `Webhook-Id`: the receiver de-duplicates on it. */
  deliveryId: string;
  subscriptionId: string;
  type: string;
  eventPosition: number;
  /** With its personal data still protected: revealed at each attempt, so an erasure reaches retries too. */
  event: CloudEvent;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  nextAttemptAt: string | null;
  finishedAt: string | null;
  /** Bumped on every write: the read store's position guard keeps the newest. */
  version: number;
};

export const deliveryDocId = (subscriptionId: string, eventId: string): string =>
  `${subscriptionId}:${eventId}`;

const ensured = new WeakMap<ReadStore, Promise<void>>();

/** Creates both collections and their indexes once per store. */
export const ensureWebhookCollections = (readStore: ReadStore): Promise<void> => {
  let done = ensured.get(readStore);
  if (!done) {
    done = Promise.all([
      readStore.ensureCollection(SUBSCRIPTIONS, [['status']]),
      readStore.ensureCollection(DELIVERIES, [
        ['subscriptionId', 'eventPosition'],
        ['status', 'nextAttemptAt'],
      ]),
    ]).then(() => undefined);
    ensured.set(readStore, done);
  }
  return done;
};
