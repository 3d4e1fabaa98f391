import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../config/app-config';
import { currentCorrelationId } from '../request-context';
import { CredentialService } from './credential.service';
import { rateLimitKeyOf, registerAuthentication } from './http-authentication';

const HEALTH_ROUTE = '/health';

/**
 * Authentication, rate limit and security headers, in that order on every request: the limiter counts
 * per proven credential, or per IP for anything unauthenticated (so guessing credentials is limited too);
 * `/health` is never limited.
 * Must run before `app.init()`, which registers the routes.
 */
export const protectHttp = async (app: NestFastifyApplication, config: AppConfig): Promise<void> => {
  const fastify = app.getHttpAdapter().getInstance();
  registerAuthentication(fastify, app.get(CredentialService));
  if (config.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      global: true,
      max: config.rateLimitPerMinute,
      timeWindow: 60_000,
      keyGenerator: rateLimitKeyOf,
      // The probes' route: a flood from their IP (or behind their proxy) must not fail the health check.
      allowList: (request) => request.routeOptions.url === HEALTH_ROUTE,
      errorResponseBuilder: (request, context) => ({
        statusCode: 429,
        code: 'TOO_MANY_REQUESTS',
        message: `more than ${context.max} requests a minute: retry after ${Math.ceil(context.ttl / 1000)} s`,
        correlationId: currentCorrelationId(),
        url: request.url,
      }),
    });
  }
  // Built once: @fastify/helmet builds helmet's middleware, parsing the policy again, on every request
  // (8% of the no-op route's server time, issue 14). Swagger UI at /docs loads its own inline script and
  // styles; everything else is plain JSON (the web app's files set their own, stricter policy).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'validator.swagger.io'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  // Its headers do not depend on the request: taken once from the middleware, then set on every response
  // as it would set them, without its chain of a dozen middleware calls per request (issue 14 §6).
  const { set, removed } = headersOf(securityHeaders);
  fastify.addHook('onRequest', (_request, reply, next) => {
    const raw = reply.raw;
    for (const [name, value] of set) raw.setHeader(name, value);
    for (const name of removed) raw.removeHeader(name);
    next();
  });
};

/** What a helmet middleware does to a response: the headers it sets and those it removes, in order. */
export const headersOf = (
  middleware: (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void,
): Readonly<{ set: ReadonlyArray<readonly [string, string]>; removed: readonly string[] }> => {
  const set: Array<readonly [string, string]> = [];
  const removed: string[] = [];
  let finished = false;
  const recorder = {
    setHeader: (name: string, value: unknown) => set.push([name, String(value)]),
    removeHeader: (name: string) => removed.push(name),
  };
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error) => {
    if (error) throw error instanceof Error ? error : new Error(String(error));
    finished = true;
  });
  if (!finished) throw new Error('the security headers middleware did not finish at once');
  return { set, removed };
};
