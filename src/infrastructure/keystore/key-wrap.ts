import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

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
