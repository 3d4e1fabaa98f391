import { createHmac } from 'node:crypto';

/**
 * The headers of one delivery attempt, as Standard Webhooks (and Svix) define them: the signature is
 * HMAC-SHA256, keyed with the secret's bytes (the base64 after `whsec_`), of `<id>.<timestamp>.<body>`,
 * sent as `v1,<base64>`; the timestamp is in seconds, so a receiver can refuse old replays.
 */
export const signedHeaders = (
  secret: string,
  deliveryId: string,
  timestampSeconds: number,
  body: string,
): Record<string, string> => {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key)
    .update(`${deliveryId}.${timestampSeconds}.${body}`)
    .digest('base64');
  return {
    'content-type': 'application/cloudevents+json; charset=utf-8',
    'webhook-id': deliveryId,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': `v1,${signature}`,
  };
};
