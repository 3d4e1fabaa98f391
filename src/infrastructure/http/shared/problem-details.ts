import { HttpException } from '@nestjs/common';
import {
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '../../../application/ports/event-store.port';
import { DomainError, type DomainErrorKind } from '../../../domain/shared/domain-error';
import { AccessError } from '../../../application/access/access-errors';

export type FieldError = Readonly<{ field: string; reason: string }>;

/** RFC 9457 problem details, with our stable `code` and, for 400s, every bad field and why. */
export type ProblemDetails = Readonly<{
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: readonly FieldError[];
  details?: Readonly<Record<string, unknown>>;
  instance?: string;
  correlationId?: string;
}>;

/** Malformed input, found by validation: every field and why. */
export class RequestValidationError extends Error {
  constructor(readonly errors: readonly FieldError[]) {
    super(
      `the request has ${errors.length} invalid field(s): ${errors.map((error) => error.field).join(', ')}`,
    );
    this.name = 'RequestValidationError';
  }
}

/** A body that is JSON in form but not one this API parses (e.g. nested too deep). */
export class MalformedJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedJsonError';
  }
}

const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  'not-found': 404,
  'already-exists': 409,
  'forbidden-transition': 422,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const CODE_OF_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
};

/** Fastify's own errors (body parsing, size limits) with a code a client can act on. */
const FASTIFY_CODES: Record<string, { code: string; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'MALFORMED_JSON', detail: 'the body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'MALFORMED_JSON',
    detail: 'the body is empty but Content-Type says JSON: send a JSON object',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'PAYLOAD_TOO_LARGE',
    detail: 'the body is larger than this API accepts',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    detail: 'send the body as application/json',
  },
  FST_ERR_BAD_URL: { code: 'MALFORMED_URL', detail: 'the URL is not valid percent-encoded text' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'BAD_REQUEST',
    detail: 'Content-Length does not match the body',
  },
};

const problem = (
  status: number,
  code: string,
  detail: string,
  extra: Partial<ProblemDetails> = {},
): ProblemDetails => ({
  type: `urn:dealer-crm:problem:${code.toLowerCase().replace(/_/g, '-')}`,
  title: TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error'),
  status,
  detail,
  code,
  ...extra,
});

const fastifyError = (error: unknown): { statusCode: number; code: string; message: string } | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  return typeof candidate.statusCode === 'number' && typeof candidate.code === 'string'
    ? { statusCode: candidate.statusCode, code: candidate.code, message: String(candidate.message ?? '') }
    : undefined;
};

/** The one mapping from anything thrown to the answer a client gets. Never 500 for a client's mistake. */
export const problemFromError = (error: unknown): ProblemDetails => {
  if (error instanceof RequestValidationError) {
    return problem(400, 'VALIDATION_FAILED', error.message, { errors: error.errors });
  }
  if (error instanceof MalformedJsonError) return problem(400, 'MALFORMED_JSON', error.message);
  if (error instanceof AccessError) {
    return problem(error.status, error.code, error.message, { details: error.details });
  }
  if (error instanceof DomainError) {
    return problem(STATUS_OF_KIND[error.kind], error.code, error.message, { details: error.details });
  }
  if (error instanceof WrongExpectedRevisionError) {
    return problem(409, 'WRONG_EXPECTED_REVISION', error.message, {
      details: { streamId: error.streamId, expected: error.expected, actual: error.actual },
    });
  }
  if (error instanceof StoreUnavailableError) {
    return problem(503, 'STORE_UNAVAILABLE', error.message, { details: { store: error.store } });
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const detail =
      typeof response === 'object' && response !== null && 'message' in response
        ? String((response as { message: unknown }).message)
        : error.message;
    // Nest re-raises Fastify's body-parser errors as plain HttpExceptions carrying Fastify's message.
    if (status === 400 && /json/i.test(detail)) return problem(400, 'MALFORMED_JSON', detail);
    return problem(
      status,
      status === 404 ? 'ROUTE_NOT_FOUND' : (CODE_OF_STATUS[status] ?? `HTTP_${status}`),
      detail,
    );
  }
  const fromFastify = fastifyError(error);
  if (fromFastify && fromFastify.statusCode >= 400 && fromFastify.statusCode < 500) {
    const known = FASTIFY_CODES[fromFastify.code];
    return problem(
      fromFastify.statusCode,
      known?.code ?? CODE_OF_STATUS[fromFastify.statusCode] ?? 'BAD_REQUEST',
      known?.detail ?? fromFastify.message,
    );
  }
  if (error instanceof SyntaxError) return problem(400, 'MALFORMED_JSON', 'the body is not valid JSON');
  return problem(
    500,
    'INTERNAL_ERROR',
    'an unexpected error occurred; quote the correlation id when reporting it',
  );
};
