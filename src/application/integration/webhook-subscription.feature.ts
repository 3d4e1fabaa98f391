import {
  webhookSubscriptionDecider,
  type WebhookSubscriptionState,
} from '../../domain/webhook/webhook-subscription.decider';
import {
  WEBHOOK_SUBSCRIPTION_EVENT_TYPES,
  type WebhookSubscriptionCommand,
  type WebhookSubscriptionEvent,
  webhookStreamId,
} from '../../domain/webhook/webhook-subscription.events';
import type { Feature } from '../shared/feature';

/** Webhook subscriptions (docs/integration.md): created, disabled and enabled by the admin, disabled by the dispatcher. */
export const webhookSubscriptionFeature: Feature<
  WebhookSubscriptionState,
  WebhookSubscriptionCommand,
  WebhookSubscriptionEvent
> = {
  name: 'webhook-subscription',
  category: 'webhook',
  decider: webhookSubscriptionDecider,
  streamOf: ({ subscriptionId }) => webhookStreamId(subscriptionId),
  eventTypes: WEBHOOK_SUBSCRIPTION_EVENT_TYPES,
  // Network-wide: managing webhooks is the admin's, by the routes' permission.
  scope: () => ({}),
};
