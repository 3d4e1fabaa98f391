/** DI token of the sealer of webhook secrets. */
export const WEBHOOK_SECRETS = Symbol('WEBHOOK_SECRETS');

/** Seals a signing secret for storage in an event, and opens it to sign a delivery. */
export type WebhookSecrets = Readonly<{
  seal: (secret: string) => string;
  open: (sealed: string) => string;
}>;

/** DI token of the webhook settings (WEBHOOK_ALLOWED_URLS). */
export const WEBHOOK_SETTINGS = Symbol('WEBHOOK_SETTINGS');

export type WebhookSettings = Readonly<{
  /** URL prefixes deliveries may go to; empty: none (every subscription is refused). */
  allowedUrlPrefixes: readonly string[];
}>;

/** What a receiver answered to one attempt. */
export type DeliveryOutcome = Readonly<{ status: number | null; error: string | null }>;

/** DI token of the HTTP sender of deliveries. */
export const WEBHOOK_SENDER = Symbol('WEBHOOK_SENDER');

export type WebhookSender = (
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string,
) => Promise<DeliveryOutcome>;
