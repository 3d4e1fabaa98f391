import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

const MIN_BYTES = 32;

const decode = (base64: string, origin: string): Buffer => {
  const secret = Buffer.from(base64.trim(), 'base64');
  if (secret.length < MIN_BYTES)
    throw new Error(
      `${origin} must be at least ${MIN_BYTES} bytes in base64 (got ${secret.length}): generate one with \`openssl rand -base64 48\``,
    );
  return secret;
};

/**
 * The HMAC key of signed tokens: `AUTH_TOKEN_SECRET` when set (every API process and the CLI must share
 * it); else, for the embedded default, a key generated once into `DATA_DIR/secrets/auth-token.key`
 * (mode 0600) and reused, so tokens survive a restart without any setup.
 */
export const loadTokenSecret = (configured: string | null, dataDir: string): Buffer => {
  if (configured) return decode(configured, 'AUTH_TOKEN_SECRET');
  const dir = join(dataDir, 'secrets');
  const file = join(dir, 'auth-token.key');
  if (existsSync(file)) return decode(readFileSync(file, 'utf8'), file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(48);
  // `wx`: two processes starting at once must not overwrite each other's key; the loser reads the winner's.
  try {
    writeFileSync(file, `${secret.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return decode(readFileSync(file, 'utf8'), file);
    throw error;
  }
  chmodSync(file, 0o600);
  return secret;
};
