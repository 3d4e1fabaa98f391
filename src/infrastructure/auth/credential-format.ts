import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** `crm_<credentialId>_<secret>`: the id says which stream to read, the secret proves possession. */
const API_KEY = /^crm_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})$/;
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export const newApiKeySecret = (): string => randomBytes(32).toString('base64url');

export const apiKeyOf = (credentialId: string, secret: string): string => `crm_${credentialId}_${secret}`;

/**
 * SHA-256, not a password hash: the secrets are 32 random bytes (or a signed token), so there is nothing
 * to guess and a slow hash would only slow every request down.
 */
export const secretHashOf = (secret: string): string =>
  // One-shot (Node 20.12+; the engines ask 20.19): the same digest, without a Hash object per request.
  hash('sha256', secret, 'hex');

/** Compares in constant time, so the time taken says nothing about how much of a hash matched. */
export const hashesEqual = (a: string, b: string): boolean => {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
};

export type PresentedCredential =
  | Readonly<{ kind: 'api-key'; credentialId: string; secret: string }>
  | Readonly<{ kind: 'token'; token: string }>;

/** What an `Authorization` header presents, or null when it is not a bearer credential we could have issued. */
export const parseAuthorization = (header: string): PresentedCredential | null => {
  const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
  if (!match) return null;
  const value = match[1];
  const key = API_KEY.exec(value);
  if (key) return { kind: 'api-key', credentialId: key[1], secret: key[2] };
  if (JWT.test(value)) return { kind: 'token', token: value };
  return null;
};

/** `30d`, `12h`, `45m` → milliseconds. */
export const parseDuration = (text: string): number => {
  const match = /^(\d{1,6})([dhm])$/.exec(text.trim());
  if (!match) throw new Error(`--expires-in ${text} is not a duration like 30d, 12h or 45m`);
  const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[match[2] as 'd' | 'h' | 'm'];
  const ms = Number(match[1]) * unit;
  if (ms <= 0) throw new Error(`--expires-in ${text} must be longer than zero`);
  return ms;
};
