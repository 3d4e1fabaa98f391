import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../../../application/shared/canonical-json';
import type { CommandContext } from '../../../application/shared/command-context';
import { RequestFingerprint } from '../../../application/privacy/request-fingerprint';
import { CLOCK, type Clock } from '../../../application/ports/clock.port';
import { unauthenticated } from '../../../application/access/access-errors';
import { currentCorrelationId, currentPrincipal } from '../../request-context';
import { type FieldError, RequestValidationError } from './problem-details';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
/** How far a command's `occurredAt` may lie past the server clock: the clock skew of a client's machine. */
export const BUSINESS_TIME_MAX_AHEAD_MS = 5 * 60_000;
/** No dealer system holds facts from before this: earlier is a default date or a typo. */
export const BUSINESS_TIME_FLOOR = '2000-01-01T00:00:00Z';
const ENTITY_TAG = /^(?:W\/)?"?(-1|\d{1,15})"?$/;

/** The actor is the authenticated principal: never a body field or a free header. */
const actorOfRequest = () => {
  const principal = currentPrincipal();
  if (!principal)
    throw unauthenticated('CREDENTIAL_MISSING', 'send Authorization: Bearer <API key or token>');
  return { userId: principal.userId, role: principal.role, dealerId: principal.dealerId };
};

/**
 * A business time is a fact that happened: not later than the clock (give or take its skew), not
 * before the floor. Its format is the body's validation (`BusinessTime`); an unparsable one is left to it.
 */
export const businessTimeError = (occurredAt: string, now: Date): FieldError | undefined => {
  const at = Date.parse(occurredAt);
  if (Number.isNaN(at)) return undefined;
  if (at > now.getTime() + BUSINESS_TIME_MAX_AHEAD_MS)
    return {
      field: 'occurredAt',
      reason: `must not be more than ${BUSINESS_TIME_MAX_AHEAD_MS / 60_000} minutes after the server clock (${now.toISOString()}): send when the fact happened, not when it is planned`,
    };
  if (at < Date.parse(BUSINESS_TIME_FLOOR))
    return { field: 'occurredAt', reason: `must not be before ${BUSINESS_TIME_FLOOR}` };
  return undefined;
};

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Builds the context of a command from its HTTP request: business time, correlation, actor,
 * Idempotency-Key with the request's fingerprint, and If-Match.
 *
 * The actor is the principal the bearer credential proved (docs/access.md); it never comes from the
 * body or a header the client chooses.
 */
@Injectable()
export class CommandContextFactory {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly fingerprint: RequestFingerprint,
  ) {}

  /** The context of a command request: its business time is the body's `occurredAt`, else now. */
  ofCommand(request: FastifyRequest): CommandContext {
    // The body's own validation checks `occurredAt`; a bad one is refused before the route runs.
    const body = request.body as { occurredAt?: unknown } | null | undefined;
    return this.fromRequest(request, typeof body?.occurredAt === 'string' ? body.occurredAt : undefined);
  }

  fromRequest(request: FastifyRequest, occurredAt?: string): CommandContext {
    const errors: FieldError[] = [];
    const now = this.clock.now();
    const timeError = occurredAt === undefined ? undefined : businessTimeError(occurredAt, now);
    if (timeError) errors.push(timeError);
    const idempotencyKey = header(request, 'idempotency-key');
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      errors.push({ field: 'Idempotency-Key', reason: 'must be 1 to 200 visible ASCII characters' });
    }
    const ifMatch = header(request, 'if-match');
    let expectedRevision: number | undefined;
    if (ifMatch !== undefined && ifMatch.trim() !== '*') {
      const match = ENTITY_TAG.exec(ifMatch.trim());
      if (match) expectedRevision = Number(match[1]);
      else errors.push({ field: 'If-Match', reason: 'must be an ETag returned by this API, e.g. "3"' });
    }
    if (errors.length) throw new RequestValidationError(errors);

    const actor = actorOfRequest();
    const requestHash = idempotencyKey
      ? this.fingerprint.of(
          actor.userId,
          request.method,
          request.url.split('?')[0],
          canonicalJson(request.body ?? null),
        )
      : undefined;
    return {
      now: occurredAt ?? now.toISOString(),
      correlationId: currentCorrelationId() ?? randomUUID(),
      causationId: header(request, 'x-causation-id') ?? null,
      actor,
      ...(idempotencyKey ? { idempotencyKey, requestHash } : {}),
      ...(expectedRevision !== undefined ? { expectedRevision } : {}),
    };
  }
}
