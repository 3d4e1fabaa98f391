import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hkdfSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';

export type MasterKeySource = Readonly<{
  key: Buffer;
  source: 'environment' | 'generated' | 'file';
  /** `PII_MASTER_KEY_PREVIOUS`: the key being retired while `crm keys rotate-master` re-wraps under `key`. */
  previous: Buffer | null;
}>;

/**
 * The master keys a key store opens data keys with: `current` wraps every new key; `previous`, only while a
 * rotation runs, still opens the keys not yet re-wrapped.
 */
export type MasterKeyring = Readonly<{ current: Buffer; previous: Buffer | null }>;

export const keyringOf = (master: Buffer | MasterKeyring): MasterKeyring =>
  Buffer.isBuffer(master) ? { current: master, previous: null } : master;

/**
 * A master key's public name, stored beside each wrapped key: which key wraps a row is known without trying
 * to open it (16 hex characters of an HKDF output: names the key, reveals nothing of it).
 */
export const masterKeyId = (master: Buffer): string =>
  Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'master-key-id', 8)).toString('hex');

/** `PII_MASTER_KEY`: base64 of exactly 32 bytes. */
export const parseMasterKey = (raw: string, where: string): Buffer => {
  const key = Buffer.from(raw.trim(), 'base64');
  if (key.length !== 32 || key.toString('base64') !== raw.trim().replace(/\s/g, ''))
    throw new Error(`${where} is not base64 of 32 bytes: generate one with \`openssl rand -base64 32\``);
  return key;
};

export const masterKeyFile = (dataDir: string): string => join(dataDir, 'secrets', 'pii-master.key');

/**
 * The embedded default's next master key while `crm keys rotate-master` runs: a process that starts then
 * wraps with it and still opens the keys of the old file; the rotation's end moves it over the old file.
 */
export const nextMasterKeyFile = (dataDir: string): string => `${masterKeyFile(dataDir)}.next`;

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
  configuredPrevious: string | null = null,
): MasterKeySource => {
  const previous = configuredPrevious ? parseMasterKey(configuredPrevious, 'PII_MASTER_KEY_PREVIOUS') : null;
  if (previous && !configured)
    throw new Error(
      'PII_MASTER_KEY_PREVIOUS is set and PII_MASTER_KEY is not: a rotation needs the new key in PII_MASTER_KEY (docs/privacy.md, "Rotating the master key")',
    );
  if (configured) {
    const key = parseMasterKey(configured, 'PII_MASTER_KEY');
    return { key, source: 'environment', previous: previous?.equals(key) ? null : previous };
  }
  if (serverDeployment)
    throw new Error(
      'PII_MASTER_KEY is not set, and MONGODB_URL is: set PII_MASTER_KEY (base64 of 32 bytes, `openssl rand -base64 32`) from your secret store',
    );
  const file = masterKeyFile(dataDir);
  const next = nextMasterKeyFile(dataDir);
  if (existsSync(file) && existsSync(next))
    return {
      key: parseMasterKey(readFileSync(next, 'utf8'), next),
      source: 'file',
      previous: parseMasterKey(readFileSync(file, 'utf8'), file),
    };
  if (existsSync(file))
    return { key: parseMasterKey(readFileSync(file, 'utf8'), file), source: 'file', previous: null };
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
  return { key: parseMasterKey(readFileSync(file, 'utf8'), file), source, previous: null };
};

/*
 * The keys below are derived from the key store's derivation root (`derivationRoot()` of a key store), not
 * from the master key: the root is kept in the key store wrapped by the master key, and stays the same when
 * the master key is rotated, so the blind indexes already in the event streams keep matching. A store that
 * predates the root takes the master key it was written with as its root, so its derived keys do not change.
 */

/** A separate key for the keyed phone hash (blind index), so the root itself is never used twice. */
export const deriveBlindIndexKey = (root: Buffer): Buffer =>
  Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), 'phone-index', 32));

/** The key of the Idempotency-Key request fingerprints (RequestFingerprint). */
export const deriveRequestFingerprintKey = (root: Buffer): Buffer =>
  Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), 'request-fingerprint', 32));

/** The key that seals webhook signing secrets in the events. */
export const deriveWebhookSecretKey = (root: Buffer): Buffer =>
  Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), 'webhook-secrets', 32));
