import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from '../application/access/principal';

export type RequestContext = {
  readonly correlationId: string;
  readonly requestId: string;
  /** Set once the request is authenticated (issue 8); absent on public routes. */
  principal?: Principal;
};

/** Carries the correlation id of the current request into every log line and command. */
export const requestContext = new AsyncLocalStorage<RequestContext>();

export const currentCorrelationId = (): string | undefined => requestContext.getStore()?.correlationId;

export const currentPrincipal = (): Principal | undefined => requestContext.getStore()?.principal;
