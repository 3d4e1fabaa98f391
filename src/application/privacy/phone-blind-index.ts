import { createHmac } from 'node:crypto';
import { normalisePhone } from '../../domain/prospect/prospect-phone-index';

/**
 * The keyed hash that finds duplicate enquiries by phone without storing the phone: HMAC-SHA-256 under a
 * key derived from the master key. A bare SHA-256 of an 11-digit mobile number is reversed by trying
 * every number (10^10 hashes, minutes on a GPU); without the key there is nothing to try against.
 */
export class PhoneBlindIndex {
  constructor(private readonly key: Buffer) {}

  hashOf(phone: string): string {
    return createHmac('sha256', this.key).update(normalisePhone(phone), 'utf8').digest('hex');
  }
}
