import { AsyncLocalStorage } from 'node:async_hooks';

export type RequestContext = Readonly<{ correlationId: string; requestId: string }>;

/** Carries the correlation id of the current request into every log line and command. */
export const requestContext = new AsyncLocalStorage<RequestContext>();

export const currentCorrelationId = (): string | undefined => requestContext.getStore()?.correlationId;
