/**
 * A refused request: 401 when the caller could not be authenticated, 403 when the principal may not do
 * this. Each carries a stable code so a client can tell "fix your credential" from "ask for a role".
 */
export class AccessError extends Error {
  constructor(
    readonly status: 401 | 403,
    readonly code: string,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'AccessError';
  }
}

export const unauthenticated = (code: string, message: string): AccessError =>
  new AccessError(401, code, message);

export const forbidden = (
  code: string,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): AccessError => new AccessError(403, code, message, details);
