/** Attempts of one delivery before it is a dead letter. */
export const MAX_ATTEMPTS = 8;
/** First retry after 10 s, doubling, at most an hour apart: 10 s, 20 s, 40 s … 1 h. */
export const FIRST_RETRY_MS = 10_000;
export const MAX_RETRY_MS = 3_600_000;
/** Dead letters in a row after which the subscription is disabled (the receiver is gone, not flaky). */
export const DEAD_LETTERS_BEFORE_DISABLE = 3;

/** When the next attempt is due after `failedAttempts` failures (1 or more); null: give up (dead letter). */
export const nextAttemptAfter = (failedAttempts: number, failedAt: Date): string | null => {
  if (failedAttempts >= MAX_ATTEMPTS) return null;
  const delay = Math.min(FIRST_RETRY_MS * 2 ** (failedAttempts - 1), MAX_RETRY_MS);
  return new Date(failedAt.getTime() + delay).toISOString();
};

/** A receiver accepted a delivery when it answered 2xx. */
export const accepted = (status: number | null): boolean => status !== null && status >= 200 && status < 300;

/**
 * The URL is under one of the allowed prefixes, at a boundary: `https://hooks.example.com` allows
 * `https://hooks.example.com/crm`, not `https://hooks.example.com.evil.test/`.
 */
export const urlAllowed = (url: string, prefixes: readonly string[]): boolean =>
  prefixes.some(
    (prefix) =>
      url.startsWith(prefix) &&
      (url.length === prefix.length || /[/?#]$/.test(prefix) || /^[/?#]/.test(url.slice(prefix.length))),
  );
