import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AccessError } from '../../application/access/access-errors';
import type { Principal } from '../../application/access/principal';
import { requestContext } from '../request-context';
import type { CredentialService } from './credential.service';

export type Authentication =
  | Readonly<{ principal: Principal }>
  | Readonly<{ refused: AccessError }>
  /** The store could not be read (503): the guard rethrows it, so the client sees why. */
  | Readonly<{ failed: unknown }>;

const outcomes = new WeakMap<FastifyRequest, Authentication>();

/** What the authentication hook found for this request (the guard turns a refusal into the 401). */
export const authenticationOf = (request: FastifyRequest): Authentication | undefined =>
  outcomes.get(request);

/**
 * Verifies the bearer credential as the request arrives, before the rate limiter, so the limiter can
 * count per credential once one is proven and per IP until then. It refuses nothing itself: the guard
 * decides, because only it knows whether the route is public.
 */
export const registerAuthentication = (fastify: FastifyInstance, credentials: CredentialService): void => {
  fastify.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (header === undefined) return;
    try {
      const principal = await credentials.verify(header);
      outcomes.set(request, { principal });
      const context = requestContext.getStore();
      if (context) context.principal = principal;
    } catch (error) {
      outcomes.set(request, error instanceof AccessError ? { refused: error } : { failed: error });
    }
  });
};

/** The rate limiter's bucket: the proven credential, else the client's address. */
export const rateLimitKeyOf = (request: FastifyRequest): string => {
  const outcome = outcomes.get(request);
  return outcome && 'principal' in outcome
    ? `credential:${outcome.principal.credentialId}`
    : `ip:${request.ip}`;
};
