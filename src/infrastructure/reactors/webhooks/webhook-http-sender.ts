import type { WebhookSender } from '../../../application/integration/webhook-ports';
import type { Metrics } from '../../metrics/metrics';

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

/** The sender with each attempt counted and timed on /metrics, by outcome. */
export const countedSender =
  (send: WebhookSender, metrics: Metrics): WebhookSender =>
  async (url, headers, body) => {
    const started = performance.now();
    const outcome = await send(url, headers, body);
    const kind =
      outcome.status === null
        ? 'unreachable'
        : outcome.status >= 200 && outcome.status < 300
          ? 'accepted'
          : 'rejected';
    metrics.observeWebhookAttempt(kind, (performance.now() - started) / 1000);
    return outcome;
  };
