import type { DeliveryAttempt, DeliveryStatus } from '../../../application/integration/webhook-records';
import type { WebhookSubscriptionView } from '../../../application/integration/webhooks';
import type { WebhookDisableReason } from '../../../domain/webhook/webhook-subscription.events';
import { CommandReply } from '../shared/command.responses';
import { PageOf } from '../shared/page.responses';

export class WebhookCreatedReply extends CommandReply {
  /** The signing secret: shown here once, never again. @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw */
  secret!: string;
}

/** A subscription; its secret is never shown after its creation. */
export class WebhookView implements WebhookSubscriptionView {
  /** @example wh-dms-1 */
  subscriptionId!: string;
  /** @example https://hooks.example.com/crm */
  url!: string;
  /** Empty: every type. */
  types!: string[];
  /** Null: every dealer. */
  dealerId!: string | null;
  /** `disabled`: by the admin, or after its deliveries kept failing; enable it with POST …/enable. */
  status!: 'active' | 'disabled';
  disabledReason!: WebhookDisableReason | null;
  subscribedAt!: string;
  updatedAt!: string;
}

export class WebhookPage extends PageOf(WebhookView) {}

export class DeliveryAttemptView implements DeliveryAttempt {
  at!: string;
  /** The receiver's HTTP status; null when it did not answer. @example 503 */
  status!: number | null;
  /** Why there was no answer (a refused connection, a timeout). @example ECONNREFUSED */
  error!: string | null;
}

export class WebhookDeliveryView {
  /** `<subscriptionId>:<deliveryId>`. */
  id!: string;
  /** The CloudEvent id, sent as `Webhook-Id`: de-duplicate on it. */
  deliveryId!: string;
  subscriptionId!: string;
  /** @example com.dealer-crm.complaint.filed.v1 */
  type!: string;
  /** Store position of the event. */
  eventPosition!: number;
  /** `dead`: every attempt failed; replay it. */
  status!: DeliveryStatus;
  /** Every attempt, oldest first. */
  attempts!: DeliveryAttemptView[];
  /** When the next attempt is due; null once delivered or dead. */
  nextAttemptAt!: string | null;
  finishedAt!: string | null;
}

export class WebhookDeliveryPage extends PageOf(WebhookDeliveryView) {}
