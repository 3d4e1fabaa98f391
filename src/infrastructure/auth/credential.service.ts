import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { unauthenticated } from '../../application/access/access-errors';
import { credentialFeature } from '../../application/access/credential.feature';
import { isDealerBound, isRole, type Principal, ROLES } from '../../application/access/principal';
import type { EventStore } from '../../application/ports/event-store.port';
import type { CommandPipeline } from '../../application/shared/command-pipeline';
import { credentialDecider } from '../../domain/credential/credential.decider';
import {
  type CredentialEvent,
  type CredentialKind,
  credentialStream,
} from '../../domain/credential/credential.events';
import type { CredentialState } from '../../domain/credential/credential.state';
import type { Actor } from '../../domain/shared/event';
import {
  apiKeyOf,
  hashesEqual,
  newApiKeySecret,
  parseAuthorization,
  secretHashOf,
} from './credential-format';

export type IssueRequest = Readonly<{
  kind: CredentialKind;
  userId: string;
  role: string;
  dealerId: string | null;
  /** Lifetime in ms; null never expires (API keys for integrators). */
  expiresInMs: number | null;
}>;

export type IssuedCredential = Readonly<{
  credentialId: string;
  kind: CredentialKind;
  userId: string;
  role: string;
  dealerId: string | null;
  expiresAt: string | null;
  /** Shown once: only its hash is stored. */
  secret: string;
}>;

export type CredentialSummary = Omit<
  Extract<CredentialState, { status: 'active' }>,
  'secretHash' | 'status'
> & {
  status: 'active' | 'revoked' | 'expired';
  revokedAt: string | null;
  reason: string | null;
};

const USER_ID = /^[\w.@:-]{1,100}$/;
const ISSUER = 'dealer-crm';

/** Credentials whose state a process keeps between requests; the least recently read go first. */
const VERIFIED_LIMIT = 10_000;

/**
 * Issues, revokes, lists and verifies credentials. Verification reads a credential's stream at most once
 * per `freshnessMs` (CREDENTIAL_FRESHNESS_MS, default 1 s; 0 reads it on every request) and keeps its state
 * in memory meanwhile, instead of a stream read per request: a revocation through this service takes
 * effect in this process at once, and one made by another process (the CLI, another replica) within
 * `freshnessMs`. The age is measured on the monotonic clock, not the business clock.
 */
export class CredentialService {
  private readonly verified = new Map<string, Readonly<{ state: CredentialState; readAt: number }>>();

  constructor(
    private readonly eventStore: EventStore,
    private readonly pipeline: CommandPipeline,
    private readonly tokenSecret: Uint8Array,
    private readonly clock: () => Date = () => new Date(),
    private readonly freshnessMs = 1_000,
  ) {}

  async issue(request: IssueRequest, actor: Actor): Promise<IssuedCredential> {
    const { kind, userId, role } = request;
    if (!USER_ID.test(userId)) throw new Error(`user ${userId} is not 1 to 100 of [A-Za-z0-9_.@:-]`);
    if (!isRole(role)) throw new Error(`role ${role} is not one of ${ROLES.join(', ')}`);
    const dealerId = request.dealerId ?? null;
    if (isDealerBound(role) && !dealerId) throw new Error(`role ${role} acts for one dealer: give --dealer`);
    if (!isDealerBound(role) && dealerId)
      throw new Error(`role ${role} sees every dealer: leave --dealer out`);
    if (dealerId && !USER_ID.test(dealerId)) throw new Error(`dealer ${dealerId} is not a valid id`);
    const now = this.clock();
    const credentialId = randomUUID();
    const expiresAt = request.expiresInMs
      ? new Date(now.getTime() + request.expiresInMs).toISOString()
      : null;
    const keySecret = newApiKeySecret();
    const secret =
      kind === 'api-key'
        ? apiKeyOf(credentialId, keySecret)
        : await this.signToken(credentialId, userId, role, dealerId, now, expiresAt);
    const secretHash = secretHashOf(kind === 'api-key' ? keySecret : secret);
    await this.pipeline.execute(
      credentialFeature,
      {
        type: 'IssueCredential',
        data: { credentialId, kind, userId, role, dealerId, secretHash, expiresAt },
      },
      { now: now.toISOString(), correlationId: randomUUID(), causationId: null, actor },
    );
    return { credentialId, kind, userId, role, dealerId, expiresAt, secret };
  }

  async revoke(credentialId: string, reason: string, actor: Actor): Promise<void> {
    await this.pipeline.execute(
      credentialFeature,
      { type: 'RevokeCredential', data: { credentialId, reason } },
      { now: this.clock().toISOString(), correlationId: randomUUID(), causationId: null, actor },
    );
    this.verified.delete(credentialId);
  }

  /** Every credential, secrets never included. Reads the log: issuing is rare, listing rarer. */
  async list(): Promise<CredentialSummary[]> {
    const states = new Map<string, CredentialState>();
    for (let after = 0; ;) {
      const batch = await this.eventStore.readAll({ after, limit: 1000 });
      if (batch.length === 0) break;
      for (const stored of batch) {
        if (!stored.streamId.startsWith('credential-')) continue;
        const event = { type: stored.type, data: stored.data } as CredentialEvent;
        const id = String(stored.data.credentialId);
        states.set(id, credentialDecider.evolve(states.get(id) ?? credentialDecider.initialState(), event));
      }
      after = batch[batch.length - 1].globalPosition;
    }
    const now = this.clock().getTime();
    return [...states.values()].flatMap((state) => {
      if (state.status === 'none') return [];
      const { secretHash: _hidden, status, ...rest } = state;
      const revoked = status === 'revoked';
      const expired = rest.expiresAt !== null && Date.parse(rest.expiresAt) <= now;
      return [
        {
          ...rest,
          status: revoked ? 'revoked' : expired ? 'expired' : 'active',
          revokedAt: revoked ? state.revokedAt : null,
          reason: revoked ? state.reason : null,
        },
      ];
    });
  }

  /** The principal an `Authorization` header proves, or a 401 AccessError saying what is wrong with it. */
  async verify(authorization: string | undefined): Promise<Principal> {
    if (authorization === undefined || authorization.trim() === '')
      throw unauthenticated('CREDENTIAL_MISSING', 'send Authorization: Bearer <API key or token>');
    const presented = parseAuthorization(authorization);
    if (!presented)
      throw unauthenticated(
        'CREDENTIAL_MALFORMED',
        'Authorization must be "Bearer crm_<id>_<secret>" (an API key) or "Bearer <signed token>"',
      );
    let credentialId: string;
    let secret: string;
    if (presented.kind === 'api-key') {
      credentialId = presented.credentialId;
      secret = presented.secret;
    } else {
      credentialId = await this.verifySignature(presented.token);
      secret = presented.token;
    }
    const state = await this.current(credentialId);
    if (state.status === 'none' || state.kind !== presented.kind)
      throw unauthenticated(
        'CREDENTIAL_UNKNOWN',
        `credential ${credentialId} was never issued: ask for a new one`,
      );
    if (!hashesEqual(secretHashOf(secret), state.secretHash))
      throw unauthenticated('CREDENTIAL_INVALID', `the secret of credential ${credentialId} does not match`);
    if (state.status === 'revoked')
      throw unauthenticated(
        'CREDENTIAL_REVOKED',
        `credential ${credentialId} was revoked: ask for a new one`,
      );
    if (state.expiresAt !== null && Date.parse(state.expiresAt) <= this.clock().getTime())
      throw unauthenticated(
        'CREDENTIAL_EXPIRED',
        `credential ${credentialId} expired at ${state.expiresAt}: ask for a new one`,
      );
    if (!isRole(state.role))
      throw unauthenticated('CREDENTIAL_INVALID', `credential ${credentialId} has no known role`);
    return { userId: state.userId, role: state.role, dealerId: state.dealerId, credentialId };
  }

  /** The credential's state, read again once it is older than `freshnessMs`. */
  private async current(credentialId: string): Promise<CredentialState> {
    const kept = this.verified.get(credentialId);
    const now = performance.now();
    if (kept && now - kept.readAt < this.freshnessMs) return kept.state;
    const state = await this.load(credentialId);
    this.verified.delete(credentialId);
    // A credential never issued is not kept: one issued a moment later by another process is then known.
    if (state.status === 'none' || this.freshnessMs === 0) return state;
    this.verified.set(credentialId, { state, readAt: now });
    if (this.verified.size > VERIFIED_LIMIT) this.verified.delete(this.verified.keys().next().value!);
    return state;
  }

  private async load(credentialId: string): Promise<CredentialState> {
    const stored = await this.eventStore.readStream(credentialStream(credentialId));
    return stored.reduce<CredentialState>(
      (state, event) =>
        credentialDecider.evolve(state, { type: event.type, data: event.data } as CredentialEvent),
      credentialDecider.initialState(),
    );
  }

  private async signToken(
    credentialId: string,
    userId: string,
    role: string,
    dealerId: string | null,
    now: Date,
    expiresAt: string | null,
  ): Promise<string> {
    const jwt = new SignJWT({ role, dealer: dealerId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setJti(credentialId)
      .setIssuer(ISSUER)
      .setIssuedAt(Math.floor(now.getTime() / 1000));
    if (expiresAt) jwt.setExpirationTime(Math.floor(Date.parse(expiresAt) / 1000));
    return jwt.sign(this.tokenSecret);
  }

  /** Checks the signature and the expiry; the stream then says whether it was revoked. */
  private async verifySignature(token: string): Promise<string> {
    try {
      const { payload } = await jwtVerify(token, this.tokenSecret, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        currentDate: this.clock(),
      });
      if (typeof payload.jti !== 'string' || !/^[0-9a-f-]{36}$/.test(payload.jti))
        throw unauthenticated('CREDENTIAL_MALFORMED', 'the token names no credential (jti)');
      return payload.jti;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired)
        throw unauthenticated('CREDENTIAL_EXPIRED', 'the token has expired: sign in again');
      if (error instanceof joseErrors.JWSSignatureVerificationFailed)
        throw unauthenticated(
          'CREDENTIAL_INVALID',
          'the token signature does not verify: it was not issued here',
        );
      if (error instanceof joseErrors.JOSEError)
        throw unauthenticated('CREDENTIAL_MALFORMED', `the token cannot be read: ${error.message}`);
      throw error;
    }
  }
}
