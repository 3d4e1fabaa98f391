import { createHmac } from 'node:crypto';

/**
 * The fingerprint stored beside an Idempotency-Key, so a retry with another request is told apart from a
 * true retry. It covers who sent the request as well as what was sent: another principal re-using a key
 * never receives the first caller's outcome. Keyed (HMAC), because the body holds personal data and a
 * bare hash of it would let anyone with the stored events test guesses of a phone number against it.
 */
export class RequestFingerprint {
  constructor(private readonly key: Buffer) {}

  of(principalId: string, method: string, path: string, canonicalBody: string): string {
    return createHmac('sha256', this.key)
      .update(`${principalId}\n${method} ${path}\n${canonicalBody}`, 'utf8')
      .digest('hex');
  }
}
