import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { WebhookSecrets } from '../../../application/integration/webhook-ports';
import { deriveWebhookSecretKey } from '../../keystore/master-key';

const VERSION = 'v1';

/**
 * Seals webhook signing secrets with AES-256-GCM under a key derived from the key store's derivation root
 * (its own HKDF label; the root stays the same when the master key is rotated: master-key.ts), so the events hold no secret in clear and
 * a copy of the event store alone cannot sign deliveries.
 */
export const webhookSecretBox = (root: Buffer): WebhookSecrets => {
  const key = deriveWebhookSecretKey(root);
  return {
    seal: (secret) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64')}`;
    },
    open: (sealed) => {
      const bytes = Buffer.from(sealed.slice(VERSION.length + 1), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
};
