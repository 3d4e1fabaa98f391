import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../../application/shared/canonical-json';
import type { CommandContext } from '../../application/shared/command-context';
import { CLOCK, type Clock } from '../../application/ports/clock.port';
import { currentCorrelationId } from './request-context';
import { type FieldError, RequestValidationError } from './problem-details';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const ENTITY_TAG = /^(?:W\/)?"?(-1|\d{1,15})"?$/;
const ACTOR_FIELD = /^[\w.@:-]{1,100}$/;

const header = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Builds the context of a command from its HTTP request: business time, correlation, actor,
 * Idempotency-Key with the request's fingerprint, and If-Match.
 *
 * The actor comes from `X-Actor-Id`, `X-Actor-Role` and `X-Dealer-Id` until authentication lands
 * (issue 8); it never comes from the body.
 */
@Injectable()
export class CommandContextFactory {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  fromRequest(request: FastifyRequest, occurredAt?: string): CommandContext {
    const errors: FieldError[] = [];
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
    const actorId = header(request, 'x-actor-id') ?? 'anonymous';
    const role = header(request, 'x-actor-role') ?? 'integrator';
    const dealerId = header(request, 'x-dealer-id') ?? null;
    for (const [field, value] of [
      ['X-Actor-Id', actorId],
      ['X-Actor-Role', role],
      ['X-Dealer-Id', dealerId],
    ] as const) {
      if (value !== null && !ACTOR_FIELD.test(value))
        errors.push({ field, reason: 'must be 1 to 100 of [A-Za-z0-9_.@:-]' });
    }
    if (errors.length) throw new RequestValidationError(errors);

    const requestHash = idempotencyKey
      ? createHash('sha256')
          .update(`${request.method} ${request.url.split('?')[0]} ${canonicalJson(request.body ?? null)}`)
          .digest('hex')
      : undefined;
    return {
      now: occurredAt ?? this.clock.now().toISOString(),
      correlationId: currentCorrelationId() ?? randomUUID(),
      causationId: header(request, 'x-causation-id') ?? null,
      actor: { userId: actorId, role, dealerId },
      ...(idempotencyKey ? { idempotencyKey, requestHash } : {}),
      ...(expectedRevision !== undefined ? { expectedRevision } : {}),
    };
  }
}
