import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** RFC 9457 problem details as this API sends them (problem-details.ts): one schema for every error. */
export const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description:
    'An error (RFC 9457 problem details). `code` is stable and is the one to act on; `detail` is for people.',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: {
      type: 'string',
      description: 'A URN naming the code.',
      example: 'urn:dealer-crm:problem:validation-failed',
    },
    title: { type: 'string', example: 'Bad Request' },
    status: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
    detail: { type: 'string', example: 'the request has 1 invalid field(s): dealerId' },
    code: { type: 'string', example: 'VALIDATION_FAILED' },
    errors: {
      type: 'array',
      description: 'For VALIDATION_FAILED: every bad field and why.',
      items: {
        type: 'object',
        required: ['field', 'reason'],
        properties: {
          field: { type: 'string', example: 'customer.phone' },
          reason: { type: 'string', example: 'phone must be 6 to 24 digits, spaces or dashes' },
        },
      },
    },
    details: { type: 'object', additionalProperties: true, description: "The refusal's facts, by code." },
    instance: { type: 'string', description: 'The path and query of the request.' },
    correlationId: { type: 'string', description: 'Quote it when reporting a problem.' },
  },
};

/** The codes a response's description names (they are SCREAMING_SNAKE by convention: problem-details.ts). */
const CODE = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;

const COMMON: Readonly<Record<string, (operation: OperationObject) => string | undefined>> = {
  '400': (operation) =>
    [
      'MALFORMED_URL: the URL is not valid percent-encoded text',
      ...(operation.requestBody ? ['MALFORMED_JSON: the body is not JSON, or not JSON this API parses'] : []),
    ].join('; '),
  '413': (operation) =>
    operation.requestBody ? 'PAYLOAD_TOO_LARGE: the body is larger than this API accepts' : undefined,
  '415': (operation) =>
    operation.requestBody ? 'UNSUPPORTED_MEDIA_TYPE: send the body as application/json' : undefined,
  '404': (operation) =>
    operation.parameters?.some((parameter) => 'in' in parameter && parameter.in === 'path')
      ? 'ROUTE_NOT_FOUND: a path parameter longer than 100 characters matches no route'
      : undefined,
  '503': () => 'STORE_UNAVAILABLE: a store did not answer in time; retry later (a command appended nothing)',
};

const isError = (status: string) => /^[45]\d\d$/.test(status);

/** The problem schema of one error response: the codes it names are the only ones it may carry. */
const problemOf = (description: string): SchemaObject | ReferenceObject => {
  const codes = [...new Set(description.match(CODE) ?? [])].sort();
  const schema = { $ref: '#/components/schemas/Problem' };
  return codes.length === 0 ? schema : { allOf: [schema, { properties: { code: { enum: codes } } }] };
};

const withCommon = (operation: OperationObject): void => {
  for (const [status, describe] of Object.entries(COMMON)) {
    const common = describe(operation);
    if (!common) continue;
    const given = operation.responses[status] as ResponseObject | undefined;
    if (!given) {
      operation.responses[status] = { description: common };
      continue;
    }
    const missing = common.split('; ').filter((part) => !given.description.includes(part.split(':')[0]));
    if (missing.length > 0) given.description = [given.description, ...missing].join('; ');
  }
};

/**
 * What every operation shares, added once to the generated document rather than at each route: the errors any
 * route can give (a malformed or oversized body, a store that is down), a `Problem` schema on every error
 * response with the codes it names, and the `Problem` component itself. The tests check every response
 * against this document (test/support/openapi-responses.ts).
 */
export const completeDocument = (document: OpenAPIObject): OpenAPIObject => {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA },
  };
  for (const path of Object.values(document.paths)) {
    for (const operation of Object.values(path) as OperationObject[]) {
      if (typeof operation !== 'object' || !operation.responses) continue;
      withCommon(operation);
      for (const [status, response] of Object.entries(operation.responses) as [string, ResponseObject][]) {
        if (!isError(status) || response.content) continue;
        response.content = { 'application/problem+json': { schema: problemOf(response.description) } };
      }
    }
  }
  return document;
};

/**
 * Stable, readable operationIds for generated clients: the record (or area) and the route method, e.g.
 * `complaint.acknowledge`, `repairOrder.settle`, `sales.funnel`; a command and a query controller of one
 * aggregate share the prefix (their method names differ; the tests check every id is unique).
 */
export const operationIdOf = (controllerKey: string, methodKey: string): string =>
  `${controllerKey
    .replace(/Controller$/, '')
    .replace(/(Commands|Queries)$/, '')
    .replace(/^./, (first) => first.toLowerCase())}.${methodKey}`;
