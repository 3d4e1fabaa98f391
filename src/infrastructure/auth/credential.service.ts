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
 * What the credential service asks of the follower of the log that pushes revocations to it
 * (`LogFollower`, monotonic clock): since when everything stored reaches it, and when it last was at the head.
 */
export type PushedChanges = Readonly<{ followingSince: number | null; atHeadAt: number | null }>;

/** The stream reads verification made, and the changes pushed to it (`/metrics`). */
export type CredentialReads = Readonly<{
  streamReads: number;
  pushedChanges: number;
  trustingPushed: boolean;
}>;

/**
 * Issues, revokes, lists and verifies credentials. Verification keeps the state it read of a credential in
 * memory instead of a stream read per request (the age measured on the monotonic clock):
 * - a revocation through this service takes effect in this process at once;
 * - one made by another process (the CLI, another replica) reaches this one through the follower of the
 *   log (`CredentialChangeFollower`), which evicts the kept state (`changed`) as the event arrives: while
 *   the follower was at the head within the last `freshnessMs`, a kept state read since the follower
 *   started is trusted for `pushedFreshnessMs` (CREDENTIAL_PUSHED_FRESHNESS_MS, default 60 s: a safety net);
 * - otherwise (no follower, not started, a store error, behind for longer than `freshnessMs`) the state is
 *   read again once it is older than `freshnessMs` (CREDENTIAL_FRESHNESS_MS, default 1 s; 0 reads it on
 *   every request), as before the follower.
 * So a revocation made elsewhere takes effect within `freshnessMs` (plus the read of the log that found the
 * follower at the head) in every case, and within the follower's lag (its store's wait for appends: 200 ms
 * on SQLite) while it follows.
 */
export class CredentialService {
  private readonly verified = new Map<string, Readonly<{ state: CredentialState; readAt: number }>>();
  private pushed: PushedChanges | null = null;
  /** Changes pushed so far: a read in flight while one arrived is not kept (it may predate the change). */
  private pushedChanges = 0;
  private streamReads = 0;

  constructor(
    private readonly eventStore: EventStore,
    private readonly pipeline: CommandPipeline,
    private readonly tokenSecret: Uint8Array,
    private readonly clock: () => Date = () => new Date(),
    private readonly freshnessMs = 1_000,
    private readonly pushedFreshnessMs = 0,
  ) {}

  /** From now on kept states may be trusted for `pushedFreshnessMs` while `follower` is at the head. */
  followChanges(follower: PushedChanges | null): void {
    this.pushed = follower;
  }

  /** A credential's stream got an event in some process (the follower of the log): forget its kept state. */
  changed(credentialId: string): void {
    this.pushedChanges += 1;
    this.verified.delete(credentialId);
  }

  reads(): CredentialReads {
    return {
      streamReads: this.streamReads,
      pushedChanges: this.pushedChanges,
      trustingPushed: this.trustingPushedAt(performance.now()) !== null,
    };
  }

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

  /**
   * The credential's state, read again once it is older than `freshnessMs`, or `pushedFreshnessMs` for one
   * read after the follower started while the follower is at the head.
   */
  private async current(credentialId: string): Promise<CredentialState> {
    const kept = this.verified.get(credentialId);
    const now = performance.now();
    if (kept) {
      const age = now - kept.readAt;
      if (age < this.freshnessMs) return kept.state;
      const since = age < this.pushedFreshnessMs ? this.trustingPushedAt(now) : null;
      if (since !== null && kept.readAt >= since) return kept.state;
    }
    const changes = this.pushedChanges;
    const state = await this.load(credentialId);
    this.verified.delete(credentialId);
    // A credential never issued is not kept: one issued a moment later by another process is then known.
    if (state.status === 'none' || this.freshnessMs === 0) return state;
    // A change pushed during the read may be newer than what it found: used for this request only.
    if (this.pushedChanges !== changes) return state;
    this.verified.set(credentialId, { state, readAt: now });
    if (this.verified.size > VERIFIED_LIMIT) this.verified.delete(this.verified.keys().next().value!);
    return state;
  }

  /**
   * When the follower began to follow, if it was at the head within `freshnessMs` of `now` (a state read
   * at or after it misses nothing the follower has not yet pushed); null when kept states are not trusted
   * past `freshnessMs`.
   */
  private trustingPushedAt(now: number): number | null {
    if (this.pushed === null || this.pushedFreshnessMs <= this.freshnessMs) return null;
    const { followingSince, atHeadAt } = this.pushed;
    if (followingSince === null || atHeadAt === null || now - atHeadAt >= this.freshnessMs) return null;
    return followingSince;
  }

  private async load(credentialId: string): Promise<CredentialState> {
    this.streamReads += 1;
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
