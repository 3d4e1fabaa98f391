import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hkdfSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';

export type MasterKeySource = Readonly<{ key: Buffer; source: 'environment' | 'generated' | 'file' }>;

/** `PII_MASTER_KEY`: base64 of exactly 32 bytes. */
export const parseMasterKey = (raw: string, where: string): Buffer => {
  const key = Buffer.from(raw.trim(), 'base64');
  if (key.length !== 32 || key.toString('base64') !== raw.trim().replace(/\s/g, ''))
    throw new Error(`${where} is not base64 of 32 bytes: generate one with \`openssl rand -base64 32\``);
  return key;
};

export const masterKeyFile = (dataDir: string): string => join(dataDir, 'secrets', 'pii-master.key');

/**
 * The master key that wraps every data key. From `PII_MASTER_KEY` when set; otherwise (embedded default
 * only) read from `DATA_DIR/secrets/pii-master.key`, generated there once with mode 0600. A server
 * deployment (MongoDB) must set the variable: a key generated on one machine would not open the keys on
 * another.
 */
export const loadMasterKey = (
  configured: string | null,
  dataDir: string,
  serverDeployment: boolean,
): MasterKeySource => {
  if (configured) return { key: parseMasterKey(configured, 'PII_MASTER_KEY'), source: 'environment' };
  if (serverDeployment)
    throw new Error(
      'PII_MASTER_KEY is not set, and MONGODB_URL is: set PII_MASTER_KEY (base64 of 32 bytes, `openssl rand -base64 32`) from your secret store',
    );
  const file = masterKeyFile(dataDir);
  if (existsSync(file)) return { key: parseMasterKey(readFileSync(file, 'utf8'), file), source: 'file' };
  mkdirSync(join(dataDir, 'secrets'), { recursive: true, mode: 0o700 });
  // Written aside, then linked into place: another process starting at the same moment either wins the
  // link or reads the winner's complete file, never half of one.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  chmodSync(draft, 0o600);
  let source: MasterKeySource['source'] = 'generated';
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    source = 'file';
  } finally {
    unlinkSync(draft);
  }
  return { key: parseMasterKey(readFileSync(file, 'utf8'), file), source };
};

/** A separate key for the keyed phone hash (blind index), so the master key itself is never used twice. */
export const deriveBlindIndexKey = (master: Buffer): Buffer =>
  Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'phone-index', 32));

/** The key of the Idempotency-Key request fingerprints (RequestFingerprint). */
export const deriveRequestFingerprintKey = (master: Buffer): Buffer =>
  Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'request-fingerprint', 32));
