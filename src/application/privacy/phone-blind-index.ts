import { createHmac } from 'node:crypto';
import { normalisePlate } from '../../domain/customer-index/customer-index';
import { normalisePhone } from '../../domain/prospect/prospect-phone-index';

/**
 * The keyed hashes (blind indexes) that find a person by phone or plate without storing either:
 * HMAC-SHA-256 under a key derived from the key store's derivation root (it outlives a master-key rotation). A bare SHA-256 of an 11-digit mobile number is
 * reversed by trying every number (10^10 hashes, minutes on a GPU); without the key there is nothing to
 * try against. Plates are hashed with a `plate:` prefix, so the two indexes never share a value.
 */
export class PhoneBlindIndex {
  constructor(private readonly key: Buffer) {}

  /** Also the prospect duplicate check's `phoneHash`: unprefixed, as registrations have stored it. */
  hashOf(phone: string): string {
    return createHmac('sha256', this.key).update(normalisePhone(phone), 'utf8').digest('hex');
  }

  plateHashOf(plate: string): string {
    return createHmac('sha256', this.key)
      .update(`plate:${normalisePlate(plate)}`, 'utf8')
      .digest('hex');
  }
}
