import type { Command, Event } from '../shared/event';

/** Why a subscription stopped receiving: the admin disabled it, or its deliveries kept failing. */
export type WebhookDisableReason = 'by-admin' | 'failing';

export type WebhookSubscribed = Event<
  'WebhookSubscribed',
  {
    subscriptionId: string;
    url: string;
    /** Integration event types it receives; empty: every type. */
    types: string[];
    /** The one dealer whose records it receives; null: every dealer. */
    dealerId: string | null;
    /** The signing secret, sealed with a key derived from the master key: never stored in clear. */
    sealedSecret: string;
    subscribedAt: string;
  }
>;

export type WebhookDisabled = Event<
  'WebhookDisabled',
  { subscriptionId: string; reason: WebhookDisableReason; disabledAt: string }
>;

export type WebhookEnabled = Event<'WebhookEnabled', { subscriptionId: string; enabledAt: string }>;

export type WebhookSubscriptionEvent = WebhookSubscribed | WebhookDisabled | WebhookEnabled;

export const WEBHOOK_SUBSCRIPTION_EVENT_TYPES = {
  WebhookSubscribed: 1,
  WebhookDisabled: 1,
  WebhookEnabled: 1,
} as const satisfies Record<WebhookSubscriptionEvent['type'], number>;

export type SubscribeWebhook = Command<
  'SubscribeWebhook',
  { subscriptionId: string; url: string; types: string[]; dealerId: string | null; sealedSecret: string }
>;
export type DisableWebhook = Command<
  'DisableWebhook',
  { subscriptionId: string; reason: WebhookDisableReason }
>;
export type EnableWebhook = Command<'EnableWebhook', { subscriptionId: string }>;
export type WebhookSubscriptionCommand = SubscribeWebhook | DisableWebhook | EnableWebhook;

export const webhookStreamId = (subscriptionId: string): string => `webhook-${subscriptionId}`;
