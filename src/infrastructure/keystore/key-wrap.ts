import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { type MasterKeyring, masterKeyId } from './master-key';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Data keys are stored wrapped (AES-256-GCM) by the master key, with the subject id as additional data:
 * a copy of the key store alone reads nothing, and a wrapped key moved to another subject's row fails.
 */
export const wrapKey = (master: Buffer, subjectId: string, dataKey: Buffer): Buffer => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', master, iv);
  cipher.setAAD(Buffer.from(subjectId, 'utf8'));
  return Buffer.concat([iv, cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
};

export const unwrapKey = (master: Buffer, subjectId: string, wrapped: Buffer): Buffer => {
  const decipher = createDecipheriv('aes-256-gcm', master, wrapped.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(subjectId, 'utf8'));
  decipher.setAuthTag(wrapped.subarray(wrapped.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(wrapped.subarray(IV_BYTES, wrapped.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new Error(
      `the data key of subject ${subjectId} does not open with this master key: PII_MASTER_KEY is not the key the store was written with`,
    );
  }
};

export const newDataKey = (): Buffer => randomBytes(32);

/** Which master keys a store knows, by their ids (`masterKeyId`), computed once per store. */
export type KnownMasters = Readonly<{
  currentId: string;
  current: Buffer;
  previousId: string | null;
  previous: Buffer | null;
}>;

export const knownMasters = (keyring: MasterKeyring): KnownMasters => ({
  current: keyring.current,
  currentId: masterKeyId(keyring.current),
  previous: keyring.previous,
  previousId: keyring.previous ? masterKeyId(keyring.previous) : null,
});

/**
 * Opens a wrapped key with the master key its row names. A row written before rows named their master key
 * (`null`) is tried with the current key, then with the previous one.
 */
export const openWrapped = (
  masters: KnownMasters,
  subjectId: string,
  wrapped: Buffer,
  wrappedBy: string | null,
): Buffer => {
  if (wrappedBy === masters.currentId) return unwrapKey(masters.current, subjectId, wrapped);
  if (wrappedBy !== null && wrappedBy === masters.previousId)
    return unwrapKey(masters.previous!, subjectId, wrapped);
  if (wrappedBy !== null)
    throw new Error(
      `the data key of subject ${subjectId} is wrapped by master key ${wrappedBy}, which is neither PII_MASTER_KEY (${masters.currentId}) nor PII_MASTER_KEY_PREVIOUS (${masters.previousId ?? 'not set'})`,
    );
  try {
    return unwrapKey(masters.current, subjectId, wrapped);
  } catch (error) {
    if (!masters.previous) throw error;
    return unwrapKey(masters.previous, subjectId, wrapped);
  }
};

/** The row of the key store's derivation root (see master-key.ts), beside the subjects' keys. */
export const DERIVATION_ROOT = 'derivation-root';

/**
 * What the key store adapters offer beyond the port, to the operator: the derivation root of the keys
 * derived for blind indexes, request fingerprints and webhook secrets, and the re-wrapping of every key
 * under the current master key (`crm keys`).
 */
export interface KeyStoreMaintenance {
  /** Created on first use as the previous master key if one is set, else the current one; then kept. */
  derivationRoot(): Promise<Buffer>;
  /** Wrapped keys (and the root) per master key id; `null`: written before rows named their master key. */
  wrappedByMaster(): Promise<Array<{ masterKeyId: string | null; keys: number }>>;
  /** Re-wraps up to `limit` keys not yet wrapped by the current master key; 0 when none is left. */
  rewrapBatch(limit: number): Promise<number>;
}
