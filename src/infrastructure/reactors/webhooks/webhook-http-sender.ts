import type { WebhookSender } from '../../../application/integration/webhook-ports';

/** A receiver that has not answered in this time has failed the attempt. */
const ATTEMPT_TIMEOUT_MS = 10_000;

/**
 * POSTs one delivery. Redirects are not followed (a 3xx is a failure), so a delivery never leaves the
 * allowed URL; the receiver's body is read and dropped, and never stored.
 */
export const httpWebhookSender: WebhookSender = async (url, headers, body) => {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    await response.arrayBuffer().catch(() => undefined);
    return { status: response.status, error: null };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { status: null, error: cause ?? (error instanceof Error ? error.name : String(error)) };
  }
};
